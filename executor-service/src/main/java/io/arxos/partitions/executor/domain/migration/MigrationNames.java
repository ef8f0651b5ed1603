package io.arxos.partitions.executor.domain.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;

/**
 * The names a migration creates next to the original table: the partitioned copy, the backup the original becomes at
 * the swap, the capture functions and their trigger. Each is checked against PostgreSQL's 63-byte limit up front.
 */
public record MigrationNames(TableRef source, TableRef target, TableRef backup, Identifier captureFunction,
        Identifier reverseFunction, Identifier trigger) {

    public static MigrationNames of(TableRef source) {
        String base = source.table().value();
        return new MigrationNames(source, source.sibling(Identifier.of(base + "_partitioned")),
                source.sibling(Identifier.of(base + "_backup")), Identifier.of(base + "_migration_capture"),
                Identifier.of(base + "_migration_reverse"), Identifier.of(base + "_migration"));
    }

    public TableRef captureFunctionRef() {
        return source.sibling(captureFunction);
    }

    public TableRef reverseFunctionRef() {
        return source.sibling(reverseFunction);
    }
}
