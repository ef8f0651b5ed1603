package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Renders the DDL of partition maintenance as text. Every identifier passes through {@link Identifier} (or was quoted
 * by PostgreSQL itself), every bound through {@link KeyType#literal}, so no input is concatenated into SQL raw.
 */
public record PartitionDdl(TableRef parent, Identifier key, KeyType keyType) {

    /** A standalone table shaped like the parent, with the parent's indexes so ATTACH can adopt them. */
    public String createStandalone(Identifier partition) {
        return "CREATE TABLE " + parent.sibling(partition).quoted() + " (LIKE " + parent.quoted()
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES INCLUDING STORAGE"
                + " INCLUDING COMMENTS INCLUDING GENERATED)";
    }

    /** A CHECK matching the bounds lets ATTACH skip scanning the new table. */
    public String addBoundsConstraint(Identifier partition, PartitionRange range) {
        return "ALTER TABLE " + parent.sibling(partition).quoted() + " ADD CONSTRAINT "
                + boundsConstraint(partition).quoted() + " CHECK (" + key.quoted() + " IS NOT NULL AND "
                + inRange(range) + ")";
    }

    public String dropBoundsConstraint(Identifier partition) {
        return "ALTER TABLE " + parent.sibling(partition).quoted() + " DROP CONSTRAINT IF EXISTS "
                + boundsConstraint(partition).quoted();
    }

    /**
     * Added NOT VALID (brief ACCESS EXCLUSIVE on the default partition, no scan), then validated under SHARE UPDATE
     * EXCLUSIVE, so ATTACH finds the default partition's new constraint implied and scans nothing.
     */
    public String addExclusion(Identifier defaultPartition, Identifier partition, PartitionRange range) {
        return "ALTER TABLE " + parent.sibling(defaultPartition).quoted() + " ADD CONSTRAINT "
                + exclusionConstraint(partition).quoted() + " CHECK (NOT (" + inRange(range) + ")) NOT VALID";
    }

    public String validateExclusion(Identifier defaultPartition, Identifier partition) {
        return "ALTER TABLE " + parent.sibling(defaultPartition).quoted() + " VALIDATE CONSTRAINT "
                + exclusionConstraint(partition).quoted();
    }

    public String dropExclusion(Identifier defaultPartition, Identifier partition) {
        return "ALTER TABLE " + parent.sibling(defaultPartition).quoted() + " DROP CONSTRAINT IF EXISTS "
                + exclusionConstraint(partition).quoted();
    }

    /**
     * One exclusion for several months (contiguous months merged into one range): ATTACH of each of them then finds
     * the default partition's new constraint implied, as with a per-month exclusion.
     */
    public String addBatchExclusion(Identifier defaultPartition, List<PartitionRange> ranges) {
        List<PartitionRange> merged = new java.util.ArrayList<>();
        ranges.stream().sorted(java.util.Comparator.comparing(PartitionRange::from)).forEach(r -> {
            PartitionRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !r.from().isAfter(last.to())) {
                merged.set(merged.size() - 1, new PartitionRange(last.from(),
                        last.to().isAfter(r.to()) ? last.to() : r.to()));
            } else {
                merged.add(r);
            }
        });
        String any = merged.size() == 1 ? inRange(merged.get(0))
                : merged.stream().map(r -> "(" + inRange(r) + ")").collect(java.util.stream.Collectors.joining(" OR "));
        return "ALTER TABLE " + parent.sibling(defaultPartition).quoted() + " ADD CONSTRAINT "
                + batchExclusionConstraint(defaultPartition).quoted() + " CHECK (NOT (" + any + ")) NOT VALID";
    }

    public String validateBatchExclusion(Identifier defaultPartition) {
        return "ALTER TABLE " + parent.sibling(defaultPartition).quoted() + " VALIDATE CONSTRAINT "
                + batchExclusionConstraint(defaultPartition).quoted();
    }

    public String dropBatchExclusion(Identifier defaultPartition) {
        return "ALTER TABLE " + parent.sibling(defaultPartition).quoted() + " DROP CONSTRAINT IF EXISTS "
                + batchExclusionConstraint(defaultPartition).quoted();
    }

    /** EXCLUSIVE mode: readers go on, writers to the default partition wait until the transaction ends. */
    public String lockAgainstWrites(Identifier defaultPartition) {
        return "LOCK TABLE " + parent.sibling(defaultPartition).quoted() + " IN EXCLUSIVE MODE";
    }

    /** Moves the range's rows from the default partition into the new table in one statement. */
    public String moveRows(Identifier defaultPartition, Identifier partition, PartitionRange range,
            List<String> quotedColumns) {
        String columns = String.join(", ", quotedColumns);
        return "WITH moved AS (DELETE FROM " + parent.sibling(defaultPartition).quoted() + " WHERE " + inRange(range)
                + " RETURNING " + columns + ") INSERT INTO " + parent.sibling(partition).quoted() + " (" + columns
                + ") OVERRIDING SYSTEM VALUE SELECT " + columns + " FROM moved";
    }

    public String attach(Identifier partition, PartitionRange range) {
        return "ALTER TABLE " + parent.quoted() + " ATTACH PARTITION " + parent.sibling(partition).quoted()
                + " FOR VALUES " + range.render(keyType);
    }

    public String detach(Identifier partition) {
        return "ALTER TABLE " + parent.quoted() + " DETACH PARTITION " + parent.sibling(partition).quoted();
    }

    public String drop(Identifier partition) {
        return "DROP TABLE " + parent.sibling(partition).quoted();
    }

    public String createArchiveSchema(Identifier archive) {
        return "CREATE SCHEMA IF NOT EXISTS " + archive.quoted();
    }

    public String moveToArchive(Identifier partition, Identifier archive) {
        return "ALTER TABLE " + parent.sibling(partition).quoted() + " SET SCHEMA " + archive.quoted();
    }

    /** Counts rows at or after the cutoff: any such row forbids retiring the partition. */
    public String countRowsFrom(Identifier partition, java.time.LocalDateTime cutoff) {
        return "SELECT count(*) FROM " + parent.sibling(partition).quoted() + " WHERE " + key.quoted() + " >= "
                + keyType.literal(cutoff);
    }

    public String inRange(PartitionRange range) {
        return key.quoted() + " >= " + keyType.literal(range.from()) + " AND " + key.quoted() + " < "
                + keyType.literal(range.to());
    }

    public static Identifier boundsConstraint(Identifier partition) {
        return constraintName(partition, "_bounds");
    }

    public static Identifier exclusionConstraint(Identifier partition) {
        return constraintName(partition, "_excl");
    }

    /** The default partition's exclusion shared by the months of one batch. */
    public static Identifier batchExclusionConstraint(Identifier defaultPartition) {
        return constraintName(defaultPartition, "_batch_excl");
    }

    /** Keeps constraint names within 63 bytes deterministically, so a retry finds the constraint it made. */
    static Identifier constraintName(Identifier base, String suffix) {
        String name = base.value() + suffix;
        if (name.getBytes(StandardCharsets.UTF_8).length <= Identifier.MAX_BYTES) {
            return Identifier.of(name);
        }
        CRC32 crc = new CRC32();
        crc.update(base.value().getBytes(StandardCharsets.UTF_8));
        String hash = String.format("_%08x", crc.getValue());
        int keep = Identifier.MAX_BYTES - suffix.length() - hash.length();
        return Identifier.of(base.value().substring(0, keep) + hash + suffix);
    }
}
