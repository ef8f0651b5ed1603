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

        @WithDefault("UTC")
        String timeZone();
    }

    /** How long a run may take before its report is marked incomplete. */
    @WithDefault("PT30M")
    Duration runDeadline();

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

    /** How the planner creates missing topics at start-up. */
    interface Topics {
        @WithDefault("1")
        short replicationFactor();

        /** Retention of the audit-trail topics; empty keeps them forever. */
        Optional<Duration> auditRetention();
    }
}
