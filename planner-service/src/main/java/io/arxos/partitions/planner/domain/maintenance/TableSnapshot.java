package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionRange;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed parent table as the catalog shows it at the start of a run: its key type, its range partitions, whether
 * a default partition exists and what rows sit in it.
 */
public record TableSnapshot(KeyType keyType, List<ExistingPartition> partitions, Optional<String> defaultPartition,
        DefaultPartitionRows defaultRows) {

    public TableSnapshot {
        Objects.requireNonNull(keyType, "keyType");
        partitions = partitions.stream().sorted(Comparator.comparing(ExistingPartition::range)).toList();
        Objects.requireNonNull(defaultPartition, "defaultPartition");
        Objects.requireNonNull(defaultRows, "defaultRows");
    }

    /** The partitions whose range overlaps {@code range}. */
    public List<ExistingPartition> overlapping(PartitionRange range) {
        return partitions.stream().filter(p -> p.range().overlaps(range)).toList();
    }

    public boolean covered(PartitionRange range) {
        return partitions.stream().anyMatch(p -> p.range().covers(range));
    }

    public Optional<ExistingPartition> named(String name) {
        return partitions.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
