package io.arxos.partitions.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Planner settings; production values come from the environment (e.g. PLANNER_INVENTORY). */
@ConfigMapping(prefix = "planner")
public interface PlannerConfig {

    /** The fleet inventory YAML. */
    Path inventory();

    Schedule schedule();

    /** Cron schedules (Quartz syntax); "off" disables one. */
    interface Schedule {
        /** Daily validation, the guide's 02:00. */
        @WithDefault("0 0 2 * * ?")
        String validation();

        /** Weekly full maintenance, the guide's Sunday 03:00. */
        @WithDefault("0 0 3 ? * SUN")
        String maintenance();

        /** Monthly query benchmark of every table with a baseline, the guide's 04:00 on the 1st. */
        @WithDefault("0 0 4 1 * ?")
        String benchmark();

        @WithDefault("UTC")
        String timeZone();
    }

    /** How long a run may take before its report is marked incomplete, plus {@link #runDeadlinePerCommand()}. */
    @WithDefault("PT30M")
    Duration runDeadline();

    /** What each planned command adds to a run's deadline, unless the request set one. */
    @WithDefault("PT0.1S")
    Duration runDeadlinePerCommand();

    /** How long a scheduled benchmark may take before its report is marked incomplete. */
    @WithDefault("PT2H")
    Duration benchmarkDeadline();

    /** statement_timeout of catalog reads. */
    @WithDefault("PT30S")
    Duration catalogStatementTimeout();

    /** Databases read in parallel. */
    @WithDefault("4")
    int parallelism();

    /** Transactional id prefix; one per planner instance. */
    @WithDefault("planner-1")
    String instanceId();

    Topics topics();

    Analysis analysis();

    /** Thresholds and limits of the partitioning analysis. */
    interface Analysis {
        /** statement_timeout of the analysis's catalog queries, samples and counts. */
        @WithDefault("PT2M")
        Duration statementTimeout();

        /** Size from which a time series is a HIGH candidate; default 4 × the server's shared_buffers. */
        Optional<Long> highBytes();

        /** MEDIUM; default 1 × shared_buffers. */
        Optional<Long> mediumBytes();

        /** LOW; smaller tables are not recommended. Default shared_buffers / 4. */
        Optional<Long> lowBytes();

        /** Largest partition the interval choice accepts (10 GiB). */
        @WithDefault("10737418240")
        long partitionBudgetBytes();

        /** Most partitions the interval choice accepts; more draws a planning-overhead warning. */
        @WithDefault("200")
        int maxPartitions();
    }

    /** How the planner creates missing topics at start-up. */
    interface Topics {
        @WithDefault("1")
        short replicationFactor();

        /** Retention of the audit-trail topics; empty keeps them forever. */
        Optional<Duration> auditRetention();
    }
}
