package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.PartitionNaming;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction.CreatePartition;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction.DetachPartition;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction.DropPartition;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction.ValidateTable;
import io.arxos.partitions.planner.domain.maintenance.PlanNote.Kind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The planning rule: a pure function of (policy, existing partitions, now). It never overlaps an existing partition,
 * never creates a partition only to hold rows outside the window, and never retires a partition whose range ends
 * after now − retention.
 */
public final class MaintenancePlanner {

    private MaintenancePlanner() {
    }

    public static TablePlan plan(TablePolicy policy, TableSnapshot snapshot, Instant now, PlanScope scope) {
        Window window = new Window(policy, now);
        List<MaintenanceAction> actions = new ArrayList<>();
        List<PlanNote> notes = new ArrayList<>();

        TreeMap<YearMonth, String> creations = new TreeMap<>();
        if (scope.createMissing()) {
            wantedMonths(snapshot, window).forEach(m -> creations.put(m, reasonFor(m, snapshot, window)));
            notes.addAll(rowsLeftInDefault(snapshot, window));
        }
        if (scope.createsExplicitRange()) {
            explicitMonths(scope, window, notes).forEach(m -> creations.putIfAbsent(m, "requested month range "
                    + scope.createFrom().orElseThrow() + " .. " + scope.createTo().orElseThrow()));
        }
        creations.forEach((month, reason) -> create(policy, snapshot, month, reason)
                .ifPresentOrElse(actions::add, () -> notes.addAll(blockedCreation(policy, snapshot, month))));

        if (scope.dropExpired()) {
            actions.addAll(retirements(policy, snapshot, window, notes));
        }
        if (scope.validate()) {
            actions.add(new ValidateTable("validate partitions of " + policy.table()));
        }
        return new TablePlan(actions, notes);
    }

    /** Gap-fill from the oldest retained partition (or now) through premake, plus in-window months stuck in default. */
    private static TreeSet<YearMonth> wantedMonths(TableSnapshot snapshot, Window window) {
        TreeSet<YearMonth> months = new TreeSet<>();
        YearMonth start = window.current;
        for (ExistingPartition p : snapshot.partitions()) {
            if (!p.range().lowerUnbounded() && !window.expired(p.range())) {
                YearMonth first = YearMonth.from(p.range().from());
                if (first.isBefore(start)) {
                    start = window.expired(PartitionRange.ofMonth(first)) ? window.firstRetainedMonth() : first;
                }
            }
        }
        for (YearMonth m = start; !m.isAfter(window.premakeThrough); m = m.plusMonths(1)) {
            months.add(m);
        }
        snapshot.defaultRows().byMonth().forEach((month, rows) -> {
            if (rows > 0 && window.inWindow(month)) {
                months.add(month);
            }
        });
        months.removeIf(m -> snapshot.covered(PartitionRange.ofMonth(m)));
        return months;
    }

    private static List<YearMonth> explicitMonths(PlanScope scope, Window window, List<PlanNote> notes) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = scope.createTo().orElseThrow();
        for (YearMonth m = scope.createFrom().orElseThrow(); !m.isAfter(last); m = m.plusMonths(1)) {
            if (window.expired(PartitionRange.ofMonth(m))) {
                notes.add(PlanNote.of(Kind.MONTH_SKIPPED, m + " is past retention (cutoff " + window.cutoff
                        + "); retention would drop it again"));
            } else {
                months.add(m);
            }
        }
        return months;
    }

    private static Optional<MaintenanceAction> create(TablePolicy policy, TableSnapshot snapshot, YearMonth month,
            String reason) {
        PartitionRange range = PartitionRange.ofMonth(month);
        if (snapshot.covered(range) || !snapshot.overlapping(range).isEmpty()) {
            return Optional.empty();
        }
        Identifier name = PartitionNaming.monthly(policy.table().table(), month);
        if (snapshot.named(name.value()).isPresent()) {
            return Optional.empty();
        }
        long rows = snapshot.defaultRows().rowsIn(month);
        return Optional.of(new CreatePartition(name, range, rows, rows > 0
                ? reason + "; moves " + rows + " rows out of the default partition" : reason));
    }

    private static List<PlanNote> blockedCreation(TablePolicy policy, TableSnapshot snapshot, YearMonth month) {
        PartitionRange range = PartitionRange.ofMonth(month);
        if (snapshot.covered(range)) {
            return List.of(PlanNote.of(Kind.MONTH_SKIPPED, month + " already exists"));
        }
        long rows = snapshot.defaultRows().rowsIn(month);
        List<ExistingPartition> overlapping = snapshot.overlapping(range);
        if (!overlapping.isEmpty()) {
            String names = overlapping.stream().map(p -> p.name() + " [" + p.range() + ")")
                    .collect(Collectors.joining(", "));
            return List.of(new PlanNote(Kind.MISALIGNED_PARTITION, Optional.of(overlapping.get(0).name()),
                    month + " is partly covered by " + names + "; a monthly partition would overlap it"
                            + (rows > 0 ? ", so " + rows + " rows stay in the default partition" : ""),
                    rows > 0 ? Optional.of(rows) : Optional.empty()));
        }
        String name = PartitionNaming.monthly(policy.table().table(), month).value();
        return List.of(new PlanNote(Kind.MISALIGNED_PARTITION, Optional.of(name), "the name " + name
                + " is taken by a partition with other bounds; " + month + " cannot be created",
                rows > 0 ? Optional.of(rows) : Optional.empty()));
    }

    /** Default-partition rows the planner must not move: expired months, beyond premake, NULL keys. */
    private static List<PlanNote> rowsLeftInDefault(TableSnapshot snapshot, Window window) {
        List<PlanNote> notes = new ArrayList<>();
        String where = snapshot.defaultPartition().orElse("the default partition");
        snapshot.defaultRows().sorted().forEach((month, rows) -> {
            if (rows <= 0) {
                return;
            }
            if (window.expired(PartitionRange.ofMonth(month))) {
                notes.add(new PlanNote(Kind.DEFAULT_ROWS_EXPIRED, snapshot.defaultPartition(), rows + " rows of "
                        + month
                        + " in " + where + " are past retention (cutoff " + window.cutoff
                        + "); left in place, delete or archive them deliberately", Optional.of(rows)));
            } else if (month.isAfter(window.premakeThrough)) {
                notes.add(new PlanNote(Kind.DEFAULT_ROWS_FUTURE, snapshot.defaultPartition(), rows + " rows of " + month
                        + " in " + where + " are beyond premake (through " + window.premakeThrough
                        + "); left in place, check the writer's clock", Optional.of(rows)));
            }
        });
        long nulls = snapshot.defaultRows().nullKeyRows();
        if (nulls > 0) {
            notes.add(new PlanNote(Kind.DEFAULT_ROWS_NULL_KEY, snapshot.defaultPartition(), nulls
                    + " rows with a NULL partition key in " + where + "; left in place", Optional.of(nulls)));
        }
        return notes;
    }

    private static List<MaintenanceAction> retirements(TablePolicy policy, TableSnapshot snapshot, Window window,
            List<PlanNote> notes) {
        List<MaintenanceAction> retire = new ArrayList<>();
        for (ExistingPartition p : snapshot.partitions()) {
            if (!window.expired(p.range())) {
                continue;
            }
            if (!Identifier.isPlain(p.name())) {
                notes.add(new PlanNote(Kind.NAME_OUTSIDE_CONVENTION, Optional.of(p.name()), p.name()
                        + " is past retention but its name is not a plain identifier; rename it (e.g. "
                        + policy.table().table() + "_pYYYY_MM) and the next run retires it", Optional.empty()));
                continue;
            }
            Identifier name = Identifier.of(p.name());
            int age = window.ageMonths(p.range());
            String reason = p.name() + " ends " + p.range().to() + ", at or before the retention cutoff "
                    + window.cutoff + " (" + policy.retentionMonths() + " months)";
            retire.add(policy.retentionAction() == RetentionAction.DROP
                    ? new DropPartition(name, p.range(), window.cutoff, age, reason)
                    : new DetachPartition(name, p.range(), window.cutoff, age, policy.archiveSchema(), reason));
        }
        return retire;
    }

    private static String reasonFor(YearMonth month, TableSnapshot snapshot, Window window) {
        if (month.isAfter(window.current)) {
            return "premake: " + month + " is within " + window.premake + " months ahead";
        }
        if (month.equals(window.current)) {
            return "current month " + month + " has no partition";
        }
        return snapshot.defaultRows().rowsIn(month) > 0 ? "rows of " + month + " sit in the default partition"
                : "gap: " + month + " has no partition";
    }

    /** The time window a run works in, all derived from the policy and now. */
    private static final class Window {
        final YearMonth current;
        final YearMonth premakeThrough;
        final LocalDateTime cutoff;
        final int premake;

        Window(TablePolicy policy, Instant now) {
            this.current = YearMonth.from(TablePolicy.utc(now));
            this.premakeThrough = policy.premakeThrough(now);
            this.cutoff = policy.retentionCutoff(now);
            this.premake = policy.premake();
        }

        boolean expired(PartitionRange range) {
            return !range.to().isAfter(cutoff);
        }

        YearMonth firstRetainedMonth() {
            return YearMonth.from(cutoff);
        }

        boolean inWindow(YearMonth month) {
            return !expired(PartitionRange.ofMonth(month)) && !month.isAfter(premakeThrough);
        }

        int ageMonths(PartitionRange range) {
            LocalDateTime start = range.lowerUnbounded() ? range.to().minusMonths(1) : range.from();
            return (int) ChronoUnit.MONTHS.between(YearMonth.from(start), current);
        }
    }
}
