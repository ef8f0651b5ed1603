package io.arxos.partitions.inventory;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import java.util.Objects;

/**
 * A live table the inventory allows to be migrated into monthly partitions (the executor refuses any other), and the
 * column to partition it by.
 */
public record MigrationTarget(TableRef table, Identifier partitionKey) {

    public MigrationTarget {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }
}
