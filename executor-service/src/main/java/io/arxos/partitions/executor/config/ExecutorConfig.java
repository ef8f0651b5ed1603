package io.arxos.partitions.executor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Executor settings; production values come from the environment (e.g. EXECUTOR_INVENTORY). */
@ConfigMapping(prefix = "executor")
public interface ExecutorConfig {

    /** The fleet inventory YAML; the executor runs nothing for a table outside it. */
    Path inventory();

    /** Schema of the ledger and the v_partition_sizes view in every fleet database. */
    @WithDefault("partition_ops")
    String ledgerSchema();

    /** Name written into ledger rows. */
    @WithDefault("executor-1")
    String instanceId();

    /** lock_timeout of every step: how long a step may queue for a lock (and so stall writers behind it). */
    @WithDefault("PT0.04S")
    Duration lockTimeout();

    @WithDefault("PT5M")
    Duration statementTimeout();

    /** A transaction holding a lock longer than this is not queued behind: the step is postponed instead. */
    @WithDefault("PT1S")
    Duration longTransaction();

    @WithDefault("4")
    int workers();

    /**
     * Tables of one database worked on at once. DDL sessions in one database invalidate each other's catalog caches,
     * so more of them cost the server CPU without finishing sooner; the workers serve other databases meanwhile.
     */
    @WithDefault("2")
    int maxParallelPerDatabase();

    /**
     * PostgreSQL connections this executor keeps open at most, across all fleet databases (idle ones are reused and
     * closed after {@link #connectionIdleTimeout()}). Executors sharing a fleet split the fleet's budget between them.
     */
    @WithDefault("8")
    int maxConnections();

    @WithDefault("PT60S")
    Duration connectionIdleTimeout();

    /**
     * A default partition smaller than this is scanned by ATTACH (briefly, under the default partition's own lock)
     * instead of being fenced off by an exclusion constraint validated first; larger ones get the exclusion.
     */
    @WithDefault("1048576")
    long attachScanBelowBytes();

    /** Records in flight before the consumer pauses fetching. */
    @WithDefault("1000")
    int maxInFlight();

    /** Below this total size validation counts rows exactly (one scan); above it, statistics are used. */
    @WithDefault("67108864")
    long exactCountBelowBytes();

    Retry retry();

    /** Backoff of retriable failures (08*, 40001, 40P01, 55P03). */
    interface Retry {
        /** Enough, with the backoff below, to outwait a reader holding a lock for about ten seconds. */
        @WithDefault("8")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();
    }

    Topics topics();

    Migration migration();

    /** Online migrations of live tables into partitions. */
    interface Migration {
        /** lock_timeout of the phases that lock the table (capture trigger, swap, rollback after a swap). */
        @WithDefault("PT1S")
        Duration lockTimeout();

        /** The largest table a migration may copy (the copy needs about its size again on disk). */
        @WithDefault("107374182400")
        long headroomBytes();
    }

    Benchmark benchmark();

    /** Query benchmarks before and after partitioning. */
    interface Benchmark {
        /** The longest one table's benchmark may take before its consumer is considered stuck. */
        @WithDefault("PT1H")
        Duration maxCommandDuration();

        /** The largest table a --baseline copy benchmark may copy (the copy takes about its size again). */
        @WithDefault("10737418240")
        long copyMaxBytes();
    }

    /** How the executor creates missing topics at start-up. */
    interface Topics {
        @WithDefault("1")
        short replicationFactor();

        /** Retention of the audit-trail topics; empty keeps them forever. */
        Optional<Duration> auditRetention();
    }
}
