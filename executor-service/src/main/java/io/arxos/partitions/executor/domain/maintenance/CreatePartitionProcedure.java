package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.domain.maintenance.Rejection.Rule;
import io.arxos.partitions.executor.domain.maintenance.TableState.Child;
import io.arxos.partitions.executor.domain.maintenance.TableState.ConstraintState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a partition is created without stalling writers. The parent is never locked ACCESS EXCLUSIVE: the new month is
 * built as a standalone table and attached (SHARE UPDATE EXCLUSIVE on the parent).
 * <ul>
 * <li>A future month (after the current one) with no rows in the default partition: create the table with a bounds
 * CHECK; add an exclusion CHECK to the default partition NOT VALID and validate it in its own transaction (the scan
 * runs without blocking inserts); attach, which then scans nothing. While the exclusion exists, rows for that month
 * are refused, which is why only months nobody should be writing yet take this path.</li>
 * <li>Otherwise (rows for the month in the default partition, or the current or a past month, which writers may be
 * inserting into right now): one transaction locks the default partition against writes, moves the month's rows
 * into the new table and attaches it, so readers see the rows in one place or the other and no insert fails.
 * ATTACH then scans the default partition under its lock (not the parent's).</li>
 * </ul>
 * Every step re-checks the state it starts from, so a retry after a crash resumes where the last one stopped.
 */
public final class CreatePartitionProcedure {

    private CreatePartitionProcedure() {
    }

    public static Procedure plan(TablePolicy policy, ExecutorCommand.CreatePartition command, TableState state,
            Instant now) {
        Identifier partition = command.partition();
        PartitionRange range = command.range();
        if (command.keyType() != state.keyType()) {
            return refused("the command's key type " + command.keyType() + " differs from the table's "
                    + state.keyType());
        }
        Optional<Child> exact = state.children().stream()
                .filter(c -> c.range().map(range::equals).orElse(false)).findFirst();
        if (exact.isPresent()) {
            return new Procedure.AlreadyApplied(exact.get().name().equals(partition.value())
                    ? "partition " + partition + " already exists"
                    : range + " is already covered by " + exact.get().name());
        }
        List<Child> overlapping = state.overlapping(range);
        if (!overlapping.isEmpty()) {
            return refused(partition + " " + CommandGuard.describe(range) + " would overlap "
                    + overlapping.stream().map(c -> c.name() + " " + CommandGuard.describe(c.range().orElseThrow()))
                            .collect(Collectors.joining(", ")));
        }
        boolean pending = false;
        if (state.sameNameTable().isPresent()) {
            TableState.SameNameTable same = state.sameNameTable().get();
            if (same.attachedToParent() || !same.isPlainTable() || !same.hasBoundsConstraint()) {
                return refused("a relation named " + partition + " already exists and is not a partition of "
                        + policy.table() + " left by this tool; rename or drop it");
            }
            pending = true; // our own standalone table from an interrupted attempt
        }
        Optional<Child> defaultChild = state.defaultPartition();
        if (defaultChild.isPresent() && !Identifier.isPlain(defaultChild.get().name())) {
            return refused("the default partition name '" + defaultChild.get().name()
                    + "' is not a plain identifier; rename it to " + policy.defaultPartition());
        }
        PartitionDdl ddl = new PartitionDdl(policy.table(), policy.partitionKey(), state.keyType());
        List<String> prepare = pending ? List.of()
                : List.of(ddl.createStandalone(partition), ddl.addBoundsConstraint(partition, range));
        if (defaultChild.isEmpty()) {
            return withoutDefault(ddl, partition, range, prepare);
        }
        Identifier defaultName = Identifier.of(defaultChild.get().name());
        boolean futureMonth = range.from().isAfter(TablePolicy.utc(now));
        if (state.defaultRowsInRange() > 0 || !futureMonth) {
            return movingRows(ddl, partition, defaultName, range, state, prepare);
        }
        return viaExclusion(ddl, partition, defaultName, range, state.exclusion(), prepare);
    }

    private static Procedure withoutDefault(PartitionDdl ddl, Identifier partition, PartitionRange range,
            List<String> prepare) {
        List<Step> steps = new ArrayList<>();
        if (!prepare.isEmpty()) {
            steps.add(Step.of("create_table", prepare, Set.of()));
        }
        steps.add(Step.of("attach", List.of(ddl.attach(partition, range), ddl.dropBoundsConstraint(partition)),
                Set.of(partition.value())).asFinal());
        return new Procedure.Steps(steps, List.of());
    }

    private static Procedure movingRows(PartitionDdl ddl, Identifier partition, Identifier defaultName,
            PartitionRange range, TableState state, List<String> prepare) {
        List<String> statements = new ArrayList<>(prepare);
        // no insert may slip into the default partition between the move and the attach's check of it
        statements.add(ddl.lockAgainstWrites(defaultName));
        int move = statements.size();
        statements.add(ddl.moveRows(defaultName, partition, range, state.columns()));
        statements.add(ddl.attach(partition, range));
        statements.add(ddl.dropBoundsConstraint(partition));
        if (state.exclusion() != ConstraintState.ABSENT) {
            statements.add(ddl.dropExclusion(defaultName, partition));
        }
        Step step = Step.of("move_rows_and_attach", statements, Set.of(defaultName.value(), partition.value()))
                .movingRowsIn(move).retriableOn("23514").asFinal();
        return new Procedure.Steps(List.of(step), List.of());
    }

    private static Procedure viaExclusion(PartitionDdl ddl, Identifier partition, Identifier defaultName,
            PartitionRange range, ConstraintState exclusion, List<String> prepare) {
        List<Step> steps = new ArrayList<>();
        if (!prepare.isEmpty()) {
            steps.add(Step.of("create_table", prepare, Set.of()));
        }
        if (exclusion == ConstraintState.ABSENT) {
            steps.add(Step.of("exclude_range_from_default", List.of(ddl.addExclusion(defaultName, partition, range)),
                    Set.of(defaultName.value())));
        }
        if (exclusion != ConstraintState.VALID) {
            // a row for the month may land in the default partition before the exclusion exists: inspect again
            steps.add(Step.of("validate_exclusion", List.of(ddl.validateExclusion(defaultName, partition)), Set.of())
                    .retriableOn("23514"));
        }
        steps.add(Step.of("attach", List.of(ddl.attach(partition, range), ddl.dropExclusion(defaultName, partition),
                ddl.dropBoundsConstraint(partition)), Set.of(defaultName.value(), partition.value())).asFinal());
        return new Procedure.Steps(steps, List.of(ddl.dropExclusion(defaultName, partition)));
    }

    private static Procedure refused(String message) {
        return new Procedure.Refused(new Rejection(Rule.STATE_CONFLICT, message));
    }
}
