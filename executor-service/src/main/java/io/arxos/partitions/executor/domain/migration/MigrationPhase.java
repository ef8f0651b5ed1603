package io.arxos.partitions.executor.domain.migration;

import java.util.Locale;

/** Where a table's migration stands; stored in the ledger schema's migrations table. */
public enum MigrationPhase {
    NONE, PREPARED, CAPTURING, COPIED, VERIFIED, SWAPPED, FINALIZED, ROLLED_BACK;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MigrationPhase parse(String label) {
        return label == null ? NONE : valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** The migration is under way: a new PREPARE would collide with it, and it can still be rolled back. */
    public boolean active() {
        return this != NONE && this != ROLLED_BACK && this != FINALIZED;
    }
}
