package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A managed parent and its surroundings as inspected just before a partition command runs.
 *
 * @param columns the parent's insertable columns, each already quoted by PostgreSQL ({@code quote_ident})
 * @param sameNameTable what a relation named like the command's partition is, if one exists
 * @param defaultRowsInRange rows of the default partition inside the command's range
 * @param exclusion the state of the default partition's exclusion constraint for the command's range
 * @param archivedTableExists whether the archive schema already holds a table with the partition's name
 */
public record TableState(KeyType keyType, List<Child> children, List<String> columns,
        Optional<SameNameTable> sameNameTable, long defaultRowsInRange, ConstraintState exclusion,
        boolean archivedTableExists) {

    /** One attached child; {@code range} is empty for the default partition. */
    public record Child(String name, String schema, Optional<PartitionRange> range) {
        public boolean isDefault() {
            return range.isEmpty();
        }
    }

    /** A relation carrying the partition's name: attached to this parent, or standalone (perhaps our own leftover). */
    public record SameNameTable(boolean attachedToParent, boolean isPlainTable, boolean hasBoundsConstraint,
            long rows) {
    }

    /** Whether a named constraint exists and is validated. */
    public enum ConstraintState { ABSENT, NOT_VALID, VALID }

    public TableState {
        Objects.requireNonNull(keyType, "keyType");
        children = List.copyOf(children);
        columns = List.copyOf(columns);
        Objects.requireNonNull(sameNameTable, "sameNameTable");
        Objects.requireNonNull(exclusion, "exclusion");
    }

    public Optional<Child> defaultPartition() {
        return children.stream().filter(Child::isDefault).findFirst();
    }

    public Optional<Child> child(String name) {
        return children.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<Child> overlapping(PartitionRange range) {
        return children.stream().filter(c -> c.range().map(r -> r.overlaps(range)).orElse(false)).toList();
    }
}
