package io.arxos.partitions.core;

import java.util.Objects;

/**
 * One managed table in the fleet. Its {@link #messageKey()} ({@code <database-id>/<schema>.<table>}) keys every
 * command, outcome and metric, so all operations on one table stay in one Kafka partition, in order.
 */
public record TableKey(DatabaseId database, TableRef table) implements Comparable<TableKey> {

    public TableKey {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    public String messageKey() {
        return database + "/" + table;
    }

    public static TableKey parse(String messageKey) {
        int slash = messageKey.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + Identifier.printable(messageKey)
                    + "' is not a table key <database-id>/<schema>.<table>");
        }
        return new TableKey(DatabaseId.of(messageKey.substring(0, slash)),
                TableRef.parse(messageKey.substring(slash + 1)));
    }

    @Override
    public int compareTo(TableKey other) {
        int c = database.compareTo(other.database);
        return c != 0 ? c : table.compareTo(other.table);
    }

    @Override
    public String toString() {
        return messageKey();
    }
}
