package io.arxos.partitions.core.validation;

import java.util.Objects;
import java.util.Optional;

/** One problem validation found, naming the partition and the values involved. */
public record Finding(Kind kind, Optional<String> partition, String detail, Optional<Long> rows) {

    /** What the finding is about (mirrors the event schema's FindingKind). */
    public enum Kind {
        GAP, OVERLAP, DEFAULT_ROWS_IN_WINDOW, DEFAULT_ROWS_EXPIRED, DEFAULT_ROWS_FUTURE, DEFAULT_ROWS_NULL_KEY,
        CHILD_MISSING_INDEX, PARTITION_ONLY_INDEX, NAME_OUTSIDE_CONVENTION, RUNWAY_SHORT, NO_DEFAULT_PARTITION,
        EXPIRED_PARTITION
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    static Finding of(Kind kind, String partition, String detail) {
        return new Finding(kind, Optional.ofNullable(partition), detail, Optional.empty());
    }

    static Finding rows(Kind kind, String partition, String detail, long rows) {
        return new Finding(kind, Optional.ofNullable(partition), detail, Optional.of(rows));
    }
}
