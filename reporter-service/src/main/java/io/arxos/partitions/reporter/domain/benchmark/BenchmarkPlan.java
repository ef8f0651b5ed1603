package io.arxos.partitions.reporter.domain.benchmark;

import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.run.RunMember;
import java.time.Instant;
import java.util.List;

/** A benchmark run as planned: one target per table (each answered by one outcome), the tables left out, when due. */
public record BenchmarkPlan(String benchmarkId, String requestedBy, Instant plannedAt, Instant deadline, int runs,
        int warmups, List<Target> targets, List<String> skipped, String error) implements RunMember.Plan {

    public BenchmarkPlan {
        targets = targets == null ? List.of() : List.copyOf(targets);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    @Override
    public String runId() {
        return benchmarkId;
    }

    /** One table's benchmark as planned. */
    public record Target(String commandId, TableName table, String before, String after, String baseline,
            int queries) {
    }
}
