package io.arxos.partitions.core;

import java.util.Locale;

/** The kinds of maintenance command, named as in reports ({@code create_partition}, {@code drop_partition}, …). */
public enum Operation {
    CREATE_PARTITION,
    DROP_PARTITION,
    DETACH_PARTITION,
    VALIDATE_TABLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for operations that change the database and therefore go through the ledger. */
    public boolean isChange() {
        return this != VALIDATE_TABLE;
    }
}
