package io.arxos.partitions.planner.domain.benchmark;

import io.arxos.partitions.core.TableRef;

/** What a benchmark compares the partitioned table with, as the request asks. */
public sealed interface Baseline {

    /** The migration twin: the original before the swap, its backup after it. */
    record MigrationTwin() implements Baseline {
    }

    /** The partitioned table itself with partition pruning off: what pruning alone contributes. */
    record PruningOff() implements Baseline {
    }

    /** An unpartitioned copy of the partitioned table, made by the executor from one snapshot and dropped after. */
    record Copy() implements Baseline {
    }

    /** A table the requester names. */
    record Named(TableRef table) implements Baseline {
    }

    /** {@code null} or empty: the migration twin; {@code pruning-off}; {@code copy}; otherwise a schema.table. */
    public static Baseline parse(String text) {
        if (text == null || text.isBlank()) {
            return new MigrationTwin();
        }
        if (text.equals("pruning-off")) {
            return new PruningOff();
        }
        if (text.equals("copy")) {
            return new Copy();
        }
        try {
            return new Named(TableRef.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseline '" + text
                    + "' is neither pruning-off, copy nor a schema.table: "
                    + e.getMessage());
        }
    }
}
