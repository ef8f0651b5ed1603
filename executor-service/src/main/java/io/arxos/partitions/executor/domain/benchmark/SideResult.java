package io.arxos.partitions.executor.domain.benchmark;

import java.util.List;
import java.util.Optional;

/**
 * One query measured on one relation: the timed runs in run order, the result's row count and order-independent
 * checksum, and its plan; or why it could not be measured.
 */
public record SideResult(String relation, List<Double> timesMillis, long rows, String checksum, PlanFacts plan,
        Optional<String> error) {

    public SideResult {
        timesMillis = List.copyOf(timesMillis);
    }

    public static SideResult failed(String relation, List<Double> timesMillis, String error) {
        return new SideResult(relation, timesMillis, 0, "", PlanFacts.NONE, Optional.of(error));
    }
}
