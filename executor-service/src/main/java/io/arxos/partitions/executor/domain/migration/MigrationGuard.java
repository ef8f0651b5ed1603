package io.arxos.partitions.executor.domain.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a migration before anything is touched, naming what stands in the way: no such table, already
 * partitioned, no usable time column, no single-column primary key to apply updates and deletes by, rows the new
 * primary key could not hold, foreign keys that would break, or a copy larger than the headroom.
 */
public final class MigrationGuard {

    /** Primary-key types the copy can walk in order and resume from text. */
    static final Set<String> WALKABLE = Set.of("smallint", "integer", "bigint", "uuid", "text", "character varying",
            "timestamp with time zone", "timestamp without time zone", "date", "numeric");

    private MigrationGuard() {
    }

    /** @return every reason to refuse, empty when the migration may start */
    public static List<String> check(SourceTable t, long headroomBytes) {
        List<String> reasons = new ArrayList<>();
        if (!t.exists()) {
            reasons.add("table " + t.table() + " does not exist");
            return reasons;
        }
        if (t.partitioned()) {
            reasons.add(t.table() + " is partitioned already");
            return reasons;
        }
        if (t.keyType().isEmpty()) {
            reasons.add("partition key " + t.partitionKey() + " of " + t.table() + " is missing or not a date or "
                    + "timestamp column");
        }
        if (t.primaryKey().isEmpty()) {
            reasons.add(t.table() + " has no primary key to apply captured updates and deletes by");
        } else if (t.primaryKey().size() > 1) {
            reasons.add(t.table() + " has a composite primary key (" + String.join(", ", t.primaryKey())
                    + "); the copy walks a single-column key");
        } else if (!WALKABLE.contains(t.primaryKeyType())) {
            reasons.add("primary key " + t.primaryKey().get(0) + " of " + t.table() + " has type "
                    + t.primaryKeyType() + ", which the copy cannot walk in order");
        }
        if (t.nullKeyRows() > 0) {
            reasons.add(t.nullKeyRows() + " rows of " + t.table() + " have no " + t.partitionKey()
                    + ": the partitioned table's primary key must include " + t.partitionKey()
                    + ", so they could not be copied; give them a value first");
        }
        for (String fk : t.foreignKeysIn()) {
            reasons.add("foreign key " + fk + " references " + t.table() + " by a key without " + t.partitionKey()
                    + ", which the partitioned table cannot keep unique");
        }
        if (t.totalBytes() > headroomBytes) {
            reasons.add("the copy of " + t.table() + " needs about " + t.totalBytes() / (1024 * 1024) + " MiB, more "
                    + "than the configured headroom of " + headroomBytes / (1024 * 1024) + " MiB");
        }
        return reasons;
    }

    public static Optional<String> refusal(SourceTable t, long headroomBytes) {
        List<String> reasons = check(t, headroomBytes);
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }
}
