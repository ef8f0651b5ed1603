package io.arxos.partitions.planner.domain.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What the table's keys mean for partitioning on {@code key}: primary and unique keys must include the partition key
 * (a required change that weakens uniqueness), and foreign keys from other tables cannot point at a key that does not
 * (a blocker: those tables would need the key column too).
 */
final class KeyAdvice {

    private KeyAdvice() {
    }

    static List<Advice> requiredChanges(TableProfile table, String key) {
        List<Advice> advice = new ArrayList<>();
        for (KeyConstraint c : table.constraints()) {
            if (c.isKey() && !c.columns().contains(key)) {
                String kind = c.kind() == KeyConstraint.Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
                List<String> extended = new ArrayList<>(c.columns());
                extended.add(key);
                advice.add(Advice.of(Advice.Kind.REQUIRED_CHANGE, kind + " (" + String.join(", ", c.columns())
                        + ") must become " + kind + " (" + String.join(", ", extended) + "): a partitioned "
                        + "table's unique keys must include the partition key",
                        "constraint " + c.name() + ": " + c.definition() + "; uniqueness of (" + String.join(", ",
                                c.columns()) + ") alone is then enforced per partition only"));
            }
        }
        for (IndexInfo index : table.indexes()) {
            boolean backsConstraint = table.constraints().stream()
                    .anyMatch(c -> c.isKey() && c.name().equals(index.name()));
            if (index.unique() && !backsConstraint && !index.covers(key)) {
                advice.add(Advice.of(Advice.Kind.REQUIRED_CHANGE, "unique index " + index.name() + " must include "
                        + key + " to exist on the partitioned table", index.definition()));
            }
        }
        return advice;
    }

    static List<Advice> blockers(TableProfile table, String key) {
        List<Advice> advice = new ArrayList<>();
        for (KeyConstraint c : table.constraints()) {
            if (c.kind() == KeyConstraint.Kind.FOREIGN_KEY_IN && !c.columns().contains(key)) {
                String other = c.otherTable().orElse("another table");
                advice.add(Advice.of(Advice.Kind.BLOCKER, "foreign key " + c.name() + " of " + other + " ("
                        + String.join(", ", c.otherColumns()) + ") references this table's ("
                        + String.join(", ", c.columns()) + "), which cannot stay unique without " + key,
                        "after partitioning only (" + String.join(", ", c.columns()) + ", " + key + ") can be "
                                + "referenced: add " + key + " to " + other + " and to the foreign key, or drop the "
                                + "foreign key and check it in the application"));
            }
        }
        return advice;
    }
}
