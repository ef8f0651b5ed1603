package io.arxos.partitions.planner.domain.analysis;

import io.arxos.partitions.core.Identifier;

/** A low-cardinality column (pg_stats n_distinct), a candidate for list partitioning when queries pick by it. */
public record CategoryColumn(Identifier name, long distinctValues) {
}
