package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.PartitionRange;
import java.util.Objects;

/** A non-default partition attached to a managed parent, as the catalog shows it. */
public record ExistingPartition(String name, PartitionRange range) {
    public ExistingPartition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
    }
}
