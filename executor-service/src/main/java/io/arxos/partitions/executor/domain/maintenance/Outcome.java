package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.validation.Finding;
import io.arxos.partitions.core.validation.ValidationSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The final outcome of one command, before it is mapped to an event. */
public record Outcome(Status status, List<String> sql, long durationMillis, int attempts, long rowsMoved,
        Optional<String> detail, Optional<String> errorClass, Optional<String> sqlState, Optional<String> errorMessage,
        List<Finding> findings, List<ValidationSnapshot.PartitionInfo> partitions) {

    /** How a command ended. */
    public enum Status { SUCCEEDED, ALREADY_APPLIED, FAILED, REJECTED, DRY_RUN }

    public Outcome {
        Objects.requireNonNull(status, "status");
        sql = List.copyOf(sql);
        findings = List.copyOf(findings);
        partitions = List.copyOf(partitions);
    }

    public static Outcome rejected(Rejection rejection, long durationMillis, int attempts) {
        return new Outcome(Status.REJECTED, List.of(), durationMillis, attempts, 0, Optional.empty(),
                Optional.of(rejection.rule().label()), Optional.empty(), Optional.of(rejection.message()), List.of(),
                List.of());
    }

    public static Outcome alreadyApplied(String detail, long durationMillis, int attempts) {
        return new Outcome(Status.ALREADY_APPLIED, List.of(), durationMillis, attempts, 0, Optional.of(detail),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    public static Outcome succeeded(List<String> sql, long durationMillis, int attempts, long rowsMoved,
            Optional<String> detail) {
        return new Outcome(Status.SUCCEEDED, sql, durationMillis, attempts, rowsMoved, detail, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    public static Outcome dryRun(List<String> sql, long durationMillis) {
        return new Outcome(Status.DRY_RUN, sql, durationMillis, 1, 0, Optional.of("dry run: nothing executed"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    public static Outcome failed(List<String> sql, long durationMillis, int attempts, String errorClass,
            String sqlState, String message) {
        return new Outcome(Status.FAILED, sql, durationMillis, attempts, 0, Optional.empty(), Optional.of(errorClass),
                Optional.ofNullable(sqlState), Optional.of(message), List.of(), List.of());
    }

    public static Outcome validated(List<Finding> findings, List<ValidationSnapshot.PartitionInfo> partitions,
            long durationMillis, int attempts) {
        return new Outcome(Status.SUCCEEDED, List.of(), durationMillis, attempts, 0,
                Optional.of(findings.size() + " findings"), Optional.empty(), Optional.empty(), Optional.empty(),
                findings, partitions);
    }
}
