package io.arxos.partitions.planner.domain.benchmark;

import java.util.Objects;

/**
 * What the catalog and {@code pg_stats} say about one column of a table to benchmark: enough to choose which columns
 * the queries filter and group by.
 *
 * @param type {@code format_type} of the column
 * @param distinct distinct values as {@code pg_stats.n_distinct} gives them: a count, or minus a fraction of the rows
 * @param rows the table's estimated rows, to turn a fraction into a count
 */
public record ColumnStats(String name, String type, double distinct, long rows) {

    public ColumnStats {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** Distinct values as a count. */
    public double distinctValues() {
        return distinct >= 0 ? distinct : -distinct * rows;
    }

    /** A type the queries can compare with a literal. */
    public boolean comparable() {
        return SqlLiteral.supports(type);
    }

    public boolean textual() {
        return type.equals("text") || type.startsWith("character varying") || type.startsWith("character(")
                || type.equals("character");
    }

    public boolean numeric() {
        return type.equals("integer") || type.equals("bigint") || type.equals("smallint") || type.equals("real")
                || type.equals("double precision") || type.startsWith("numeric");
    }
}
