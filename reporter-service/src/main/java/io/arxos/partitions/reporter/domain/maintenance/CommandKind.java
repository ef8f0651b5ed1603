package io.arxos.partitions.reporter.domain.maintenance;

import java.util.Locale;

/** The kind of a planned command, as the report names it ({@code create_partition}, …). */
public enum CommandKind {
    CREATE_PARTITION,
    DROP_PARTITION,
    DETACH_PARTITION,
    VALIDATE_TABLE,
    /** A kind from a newer planner or executor; reported by name rather than dropped. */
    UNKNOWN;

    /** The lower-case name used in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
