package io.arxos.partitions.executor.domain.benchmark;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.PartitionInterval;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.MigrationTarget;
import io.arxos.partitions.inventory.PasswordSource;
import java.time.Instant;
import java.util.List;

/** Benchmark jobs and a database that manages public.audit_logs and migrates public.legacy, for the unit tests. */
public final class BenchmarkJobs {

    public static final FleetDatabase DATABASE = new FleetDatabase(DatabaseId.of("arxos"),
            "jdbc:postgresql://localhost/arxos", "partitions", new PasswordSource.None(),
            List.of(new TablePolicy(TableRef.parse("public.audit_logs"), Identifier.of("created_at"),
                    PartitionInterval.MONTHLY, 3, 12, RetentionAction.DROP, Identifier.of("partition_archive"))),
            List.of(new MigrationTarget(TableRef.parse("public.legacy"), Identifier.of("created_at"))));

    private BenchmarkJobs() {
    }

    public static BenchmarkJob.BenchmarkQuery query(String name, String sql) {
        return new BenchmarkJob.BenchmarkQuery(name, "time_range", name, sql);
    }

    public static BenchmarkJob job(String table, String before, String after, String baseline,
            BenchmarkJob.BenchmarkQuery... queries) {
        return new BenchmarkJob("benchmark:1", "run-1", new TableKey(DatabaseId.of("arxos"), TableRef.parse(table)),
                TableRef.parse(before), TableRef.parse(after), baseline, List.of(queries),
                new BenchmarkJob.Settings(4, 1, 1000, true), Instant.parse("2026-12-07T15:00:00Z"));
    }
}
