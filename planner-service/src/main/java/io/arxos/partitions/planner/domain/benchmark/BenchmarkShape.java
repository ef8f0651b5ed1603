package io.arxos.partitions.planner.domain.benchmark;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a table's query set is built from: its key, its newest key value (the queries' time windows end there, so they
 * find rows even in a table that stopped growing), its primary key (a deterministic order for the row-returning
 * queries), and the chosen columns each with a value taken from the data.
 *
 * @param category a low-cardinality column and its rarest value among the newest rows
 * @param entity a high-cardinality column and its value in the newest row
 * @param measure a numeric column and its 99th percentile
 */
public record BenchmarkShape(Identifier key, KeyType keyType, Optional<LocalDateTime> newestKey,
        List<Identifier> primaryKey, Optional<ColumnValue> category, Optional<ColumnValue> entity,
        Optional<ColumnValue> measure) {

    public BenchmarkShape {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyType, "keyType");
        primaryKey = List.copyOf(primaryKey);
    }

    /** A chosen column and the value the queries use, as the database printed it. */
    public record ColumnValue(ColumnStats column, String value) {

        /** The value as a literal of the column's type. */
        public String literal() {
            return SqlLiteral.of(value, column.type());
        }

        public String quotedName() {
            return Identifier.of(column.name()).quoted();
        }
    }
}
