package io.arxos.partitions.planner.domain.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What the analysis recommends for one table: priority, how to partition, advice, estimates and statements. */
public record Recommendation(
        Priority priority,
        Optional<String> partitionKey,
        Optional<String> strategy,
        Optional<Interval> interval,
        OptionalInt retentionMonths,
        OptionalInt premake,
        List<Advice> advice,
        List<Estimate> estimates,
        List<String> migrationStatements) {

    public Recommendation {
        Objects.requireNonNull(priority, "priority");
        advice = List.copyOf(advice);
        estimates = List.copyOf(estimates);
        migrationStatements = List.copyOf(migrationStatements);
    }

    public List<Advice> advice(Advice.Kind kind) {
        return advice.stream().filter(a -> a.kind() == kind).toList();
    }

    public Optional<Estimate> estimate(String name) {
        return estimates.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
