package io.arxos.partitions.core;

import java.util.Objects;

/** A schema-qualified table name, both parts plain identifiers. */
public record TableRef(Identifier schema, Identifier table) implements Comparable<TableRef> {

    public TableRef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    public static TableRef of(String schema, String table) {
        return new TableRef(Identifier.of(schema), Identifier.of(table));
    }

    /** Parses {@code schema.table}; a bare {@code table} means schema {@code public}. */
    public static TableRef parse(String text) {
        Objects.requireNonNull(text, "table name");
        int dot = text.indexOf('.');
        if (dot < 0) {
            return of("public", text);
        }
        if (text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("'" + Identifier.printable(text) + "' is not schema.table");
        }
        return of(text.substring(0, dot), text.substring(dot + 1));
    }

    /** {@code "schema"."table"} for SQL text. */
    public String quoted() {
        return schema.quoted() + '.' + table.quoted();
    }

    /** A sibling table in the same schema, e.g. a partition of this parent. */
    public TableRef sibling(Identifier name) {
        return new TableRef(schema, name);
    }

    @Override
    public int compareTo(TableRef other) {
        int c = schema.compareTo(other.schema);
        return c != 0 ? c : table.compareTo(other.table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
