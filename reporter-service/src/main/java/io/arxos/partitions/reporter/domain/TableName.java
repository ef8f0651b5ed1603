package io.arxos.partitions.reporter.domain;

import java.util.Objects;

/** A managed table: inventory database id plus schema and table name. */
public record TableName(String database, String schema, String table) {

    public TableName {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /** The Kafka message key of table-scoped events: {@code <database-id>/<schema>.<table>}. */
    public String key() {
        return database + "/" + qualified();
    }

    /** {@code schema.table}, as reports print it. */
    public String qualified() {
        return schema + "." + table;
    }
}
