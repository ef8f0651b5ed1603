package io.arxos.partitions.planner.domain.maintenance;

import java.util.Objects;
import java.util.Optional;

/** Something the planner saw and deliberately did not act on, for the report and alerts. */
public record PlanNote(Kind kind, Optional<String> partition, String detail, Optional<Long> rows) {

    /** Why the planner held back. */
    public enum Kind {
        DEFAULT_ROWS_EXPIRED,
        DEFAULT_ROWS_FUTURE,
        DEFAULT_ROWS_NULL_KEY,
        MISALIGNED_PARTITION,
        MONTH_SKIPPED,
        NAME_OUTSIDE_CONVENTION,
        TABLE_NOT_MANAGEABLE
    }

    public PlanNote {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static PlanNote of(Kind kind, String detail) {
        return new PlanNote(kind, Optional.empty(), detail, Optional.empty());
    }

    public static PlanNote rows(Kind kind, String detail, long rows) {
        return new PlanNote(kind, Optional.empty(), detail, Optional.of(rows));
    }
}
