package io.arxos.partitions.core.validation;

import io.arxos.partitions.core.PartitionNaming;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.validation.Finding.Kind;
import io.arxos.partitions.core.validation.ValidationSnapshot.PartitionInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validation rules, pure: gaps and overlaps in the retained window, runway shorter than premake, rows in the default
 * partition (classified as the planner classifies them), partitions missing the parent's indexes, indexes on single
 * partitions, names outside {@code <table>_pYYYY_MM}, a missing default partition and partitions past retention.
 */
public final class PartitionValidator {

    private PartitionValidator() {
    }

    public static List<Finding> validate(TablePolicy policy, ValidationSnapshot snapshot, Instant now) {
        List<Finding> findings = new ArrayList<>();
        LocalDateTime cutoff = policy.retentionCutoff(now);
        YearMonth current = YearMonth.from(TablePolicy.utc(now));
        YearMonth premakeThrough = policy.premakeThrough(now);
        List<PartitionInfo> ranged = snapshot.partitions().stream().filter(p -> !p.isDefault())
                .sorted(Comparator.comparing(p -> p.range().orElseThrow())).toList();

        coverage(ranged, cutoff, current.atDay(1).atStartOfDay(), findings);
        runway(ranged, current, premakeThrough, policy.premake(), findings);
        defaultRows(policy, snapshot, cutoff, premakeThrough, findings);
        indexes(snapshot, findings);
        naming(policy, snapshot, findings);
        for (PartitionInfo p : ranged) {
            if (policy.isExpired(p.range().orElseThrow(), now)) {
                findings.add(Finding.rows(Kind.EXPIRED_PARTITION, p.name(), p.name() + " ends "
                        + p.range().orElseThrow().to() + ", at or before the retention cutoff " + cutoff
                        + "; retention has not removed it", p.rows()));
            }
        }
        return findings;
    }

    /** Overlaps anywhere; gaps only where data is still retained and already due (before the current month). */
    private static void coverage(List<PartitionInfo> ranged, LocalDateTime cutoff, LocalDateTime currentStart,
            List<Finding> findings) {
        for (int i = 1; i < ranged.size(); i++) {
            PartitionRange prev = ranged.get(i - 1).range().orElseThrow();
            PartitionRange next = ranged.get(i).range().orElseThrow();
            if (next.from().isBefore(prev.to())) {
                findings.add(Finding.of(Kind.OVERLAP, ranged.get(i).name(), ranged.get(i).name() + " overlaps "
                        + ranged.get(i - 1).name()));
            } else if (next.from().isAfter(prev.to())) {
                LocalDateTime from = prev.to().isBefore(cutoff) ? cutoff : prev.to();
                LocalDateTime to = next.from().isAfter(currentStart) ? currentStart : next.from();
                if (from.isBefore(to)) {
                    findings.add(Finding.of(Kind.GAP, null, "no partition covers [" + prev.to() + ", "
                            + next.from() + "), between " + ranged.get(i - 1).name() + " and "
                            + ranged.get(i).name() + "; rows there go to the default partition"));
                }
            }
        }
    }

    /** How far continuous coverage reaches from the start of the current month. */
    private static void runway(List<PartitionInfo> ranged, YearMonth current, YearMonth premakeThrough, int premake,
            List<Finding> findings) {
        LocalDateTime reach = current.atDay(1).atStartOfDay();
        boolean extended = true;
        while (extended) {
            extended = false;
            for (PartitionInfo p : ranged) {
                PartitionRange r = p.range().orElseThrow();
                if (r.contains(reach) && r.to().isAfter(reach)) {
                    reach = r.to();
                    extended = true;
                }
            }
        }
        LocalDateTime wanted = premakeThrough.plusMonths(1).atDay(1).atStartOfDay();
        if (reach.isBefore(wanted)) {
            String through = reach.equals(current.atDay(1).atStartOfDay()) ? "not even the current month "
                    + current : "through " + YearMonth.from(reach.minusNanos(1));
            findings.add(Finding.of(Kind.RUNWAY_SHORT, null, "partitions cover " + through + "; premake " + premake
                    + " wants them through " + premakeThrough));
        }
    }

    private static void defaultRows(TablePolicy policy, ValidationSnapshot snapshot, LocalDateTime cutoff,
            YearMonth premakeThrough, List<Finding> findings) {
        String where = policy.defaultPartition().value();
        new TreeMap<>(snapshot.defaultRowsByMonth()).forEach((month, rows) -> {
            if (rows <= 0) {
                return;
            }
            if (!PartitionRange.ofMonth(month).to().isAfter(cutoff)) {
                findings.add(Finding.rows(Kind.DEFAULT_ROWS_EXPIRED, where, rows + " rows of " + month + " in "
                        + where + " are past retention (cutoff " + cutoff + ")", rows));
            } else if (month.isAfter(premakeThrough)) {
                findings.add(Finding.rows(Kind.DEFAULT_ROWS_FUTURE, where, rows + " rows of " + month + " in "
                        + where + " are beyond premake (through " + premakeThrough + ")", rows));
            } else {
                findings.add(Finding.rows(Kind.DEFAULT_ROWS_IN_WINDOW, where, rows + " rows of " + month + " in "
                        + where + " belong in a monthly partition", rows));
            }
        });
        if (snapshot.defaultNullKeyRows() > 0) {
            findings.add(Finding.rows(Kind.DEFAULT_ROWS_NULL_KEY, where, snapshot.defaultNullKeyRows()
                    + " rows with a NULL " + policy.partitionKey() + " in " + where, snapshot.defaultNullKeyRows()));
        }
    }

    private static void indexes(ValidationSnapshot snapshot, List<Finding> findings) {
        for (PartitionInfo p : snapshot.partitions()) {
            Set<String> attached = snapshot.attachedIndexesByPartition().getOrDefault(p.name(), Set.of());
            for (String parentIndex : snapshot.parentIndexes()) {
                if (!attached.contains(parentIndex)) {
                    findings.add(Finding.of(Kind.CHILD_MISSING_INDEX, p.name(), p.name()
                            + " has no index attached to the parent's index " + parentIndex));
                }
            }
        }
        for (ValidationSnapshot.LocalIndex local : snapshot.partitionOnlyIndexes()) {
            findings.add(Finding.of(Kind.PARTITION_ONLY_INDEX, local.partition(), "index " + local.index()
                    + " exists on " + local.partition() + " only; create it on the parent so every partition has it"));
        }
    }

    private static void naming(TablePolicy policy, ValidationSnapshot snapshot, List<Finding> findings) {
        Optional<PartitionInfo> defaultPartition = snapshot.partitions().stream().filter(PartitionInfo::isDefault)
                .findFirst();
        if (defaultPartition.isEmpty()) {
            findings.add(Finding.of(Kind.NO_DEFAULT_PARTITION, null, policy.table() + " has no default partition; "
                    + "inserts for a month without a partition fail"));
        } else if (!defaultPartition.get().name().equals(policy.defaultPartition().value())) {
            findings.add(Finding.of(Kind.NAME_OUTSIDE_CONVENTION, defaultPartition.get().name(), "default partition "
                    + defaultPartition.get().name() + " should be named " + policy.defaultPartition()));
        }
        for (PartitionInfo p : snapshot.partitions()) {
            if (!p.isDefault()
                    && !PartitionNaming.followsConvention(policy.table().table(), p.name(), p.range().orElseThrow())) {
                String expected = p.range().orElseThrow().asMonth()
                        .map(m -> "; expected " + PartitionNaming.monthly(policy.table().table(), m))
                        .orElse(" (not one whole month)");
                findings.add(Finding.of(Kind.NAME_OUTSIDE_CONVENTION, p.name(), p.name() + " for "
                        + p.range().orElseThrow() + " does not follow " + policy.table().table() + "_pYYYY_MM"
                        + expected));
            }
        }
    }
}
