package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.Identifier;
import java.util.List;

/** What the catalog says about one managed table: usable for planning, or not, and why. */
public sealed interface CatalogEntry {

    /** A range-partitioned parent on the policy's key column, with what validating it needs. */
    record Found(Identifier partitionKey, TableSnapshot snapshot, List<PartitionStats> stats,
            IndexFacts indexes) implements CatalogEntry {
        public Found {
            stats = List.copyOf(stats);
            java.util.Objects.requireNonNull(indexes, "indexes");
        }
    }

    /** The table is missing, not partitioned, or partitioned in a way the policy cannot manage. */
    record Unusable(String reason) implements CatalogEntry {
    }
}
