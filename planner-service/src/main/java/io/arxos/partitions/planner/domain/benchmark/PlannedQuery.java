package io.arxos.partitions.planner.domain.benchmark;

import java.util.Objects;

/**
 * One query of a table's benchmark: a name, the guide's category, what it asks in words, and the SQL with
 * {@value #RELATION} where the before or the after relation goes.
 */
public record PlannedQuery(String name, String category, String description, String sql) {

    /** Where the executor puts the relation's quoted name. */
    public static final String RELATION = "{relation}";

    public PlannedQuery {
        Objects.requireNonNull(name, "name");
        if (!sql.contains(RELATION)) {
            throw new IllegalArgumentException("query " + name + " does not name " + RELATION);
        }
    }
}
