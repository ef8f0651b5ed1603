package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand.CreatePartition;
import io.arxos.partitions.executor.domain.maintenance.TableState.ConstraintState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several future months of one table created together, as pg_partman's premake would, but without locking the parent
 * ACCESS EXCLUSIVE: every new month is created as a standalone table and attached (SHARE UPDATE EXCLUSIVE on the
 * parent) in one transaction. Each month is first planned alone ({@link CreatePartitionProcedure}); the batch takes
 * the months that plan would fence off with an exclusion on the default partition (a future month, no rows of it in
 * the default partition, no leftovers of an earlier attempt) and shares the work:
 * <ul>
 * <li>without a default partition, or with one smaller than {@code scanBelowBytes}: one transaction creates and
 * attaches every month; each ATTACH scans the small default partition under its own lock (not the parent's);</li>
 * <li>with a larger default partition: one exclusion constraint for all the months, added NOT VALID and validated in
 * transactions of their own (the scan runs while inserts continue), then one transaction creates and attaches every
 * month (nothing is scanned: the exclusion implies each new bound) and drops the exclusion.</li>
 * </ul>
 * Every other month (rows to move, the current or a past month, a leftover of an interrupted attempt) goes alone, and
 * commands with nothing to do or that must be refused are settled without SQL.
 */
public final class CreatePartitionBatch {

    private CreatePartitionBatch() {
    }

    /** How one command of the batch is handled. */
    public sealed interface Decision {
        CreatePartition command();
    }

    /** Nothing to run: already in effect, or refused (the procedure says which). */
    public record Settled(CreatePartition command, Procedure procedure) implements Decision {
    }

    /** Runs through its own procedure, after the shared steps. */
    public record Alone(CreatePartition command) implements Decision {
    }

    /** Part of the shared steps. */
    public record Together(CreatePartition command) implements Decision {
    }

    /**
     * One transaction of the shared work and, per command taking part, the statements that belong to it (its own
     * CREATE and ATTACH and every shared statement), which are what its ledger row and outcome show.
     */
    public record BatchStep(Step step, Map<CommandId, List<String>> statementsByCommand) {
    }

    /** The decisions in command order, and the shared steps (none when no command goes together). */
    public record Plan(List<Decision> decisions, List<BatchStep> steps, List<String> compensation) {

        public List<CreatePartition> together() {
            return decisions.stream().filter(Together.class::isInstance).map(Decision::command).toList();
        }

        /** Every statement one command takes part in, in execution order. */
        public List<String> statementsOf(CommandId id) {
            return steps.stream().flatMap(s -> s.statementsByCommand().getOrDefault(id, List.of()).stream())
                    .toList();
        }
    }

    public static Plan plan(TablePolicy policy, List<CreatePartition> commands, TableInspection inspection,
            Instant now, long scanBelowBytes) {
        List<Decision> decisions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CreatePartition command : commands) {
            TableState state = inspection.stateFor(command);
            Procedure alone = CreatePartitionProcedure.plan(policy, command, state, now);
            if (alone instanceof Procedure.AlreadyApplied || alone instanceof Procedure.Refused) {
                decisions.add(new Settled(command, alone));
            } else if (seen.add(command.partition().value()) && joins(command, state, now)) {
                decisions.add(new Together(command));
            } else {
                decisions.add(new Alone(command)); // a second copy of a month, or a month that needs its own path
            }
        }
        List<CreatePartition> together = decisions.stream().filter(Together.class::isInstance)
                .map(Decision::command).toList();
        if (together.isEmpty()) {
            return new Plan(decisions, List.of(), List.of());
        }
        return shared(policy, decisions, together, inspection, scanBelowBytes);
    }

    /** The months that would otherwise be fenced off one by one: future, nothing to move, nothing left over. */
    private static boolean joins(CreatePartition command, TableState state, Instant now) {
        return state.sameNameTable().isEmpty() && state.defaultRowsInRange() == 0
                && state.exclusion() == ConstraintState.ABSENT
                && command.range().from().isAfter(TablePolicy.utc(now));
    }

    private static Plan shared(TablePolicy policy, List<Decision> decisions, List<CreatePartition> together,
            TableInspection inspection, long scanBelowBytes) {
        PartitionDdl ddl = new PartitionDdl(policy.table(), policy.partitionKey(), inspection.keyType());
        Optional<Identifier> defaultName = inspection.defaultPartition().map(c -> Identifier.of(c.name()));
        List<String> creates = together.stream().map(c -> ddl.createStandalone(c.partition())).toList();
        List<String> attaches = together.stream().map(c -> ddl.attach(c.partition(), c.range())).toList();
        Set<String> locked = together.stream().map(c -> c.partition().value()).collect(Collectors.toSet());
        defaultName.ifPresent(d -> locked.add(d.value()));
        List<String> leftover = defaultName.filter(d -> inspection.constraint(PartitionDdl.batchExclusionConstraint(d)
                .value()) != ConstraintState.ABSENT).map(d -> List.of(ddl.dropBatchExclusion(d))).orElse(List.of());
        List<BatchStep> steps = new ArrayList<>();
        if (defaultName.isEmpty() || inspection.defaultBytes() < scanBelowBytes) {
            List<String> statements = concat(leftover, creates, attaches);
            steps.add(batchStep(Step.of("create_and_attach", statements, locked).retriableOn("23514").asFinal(),
                    together, ddl));
            return new Plan(decisions, steps, List.of());
        }
        Identifier d = defaultName.get();
        List<PartitionRange> ranges = together.stream().map(CreatePartition::range).toList();
        steps.add(batchStep(Step.of("exclude_ranges_from_default", concat(leftover,
                List.of(ddl.addBatchExclusion(d, ranges)), List.of()), Set.of(d.value())), together, ddl));
        // a row for one of the months may land in the default partition before the exclusion exists: inspect again
        steps.add(batchStep(Step.of("validate_exclusion", List.of(ddl.validateBatchExclusion(d)), Set.of())
                .retriableOn("23514"), together, ddl));
        steps.add(batchStep(Step.of("create_and_attach", concat(creates, attaches,
                List.of(ddl.dropBatchExclusion(d))), locked).asFinal(), together, ddl));
        return new Plan(decisions, steps, List.of(ddl.dropBatchExclusion(d)));
    }

    /** Attributes a step's statements: a command's own CREATE and ATTACH to it, every other statement to all. */
    private static BatchStep batchStep(Step step, List<CreatePartition> together, PartitionDdl ddl) {
        Map<String, CommandId> owners = new java.util.HashMap<>();
        for (CreatePartition c : together) {
            owners.put(ddl.createStandalone(c.partition()), c.header().id());
            owners.put(ddl.attach(c.partition(), c.range()), c.header().id());
        }
        Map<CommandId, List<String>> byCommand = new LinkedHashMap<>();
        for (CreatePartition c : together) {
            byCommand.put(c.header().id(), step.statements().stream()
                    .filter(s -> !owners.containsKey(s) || owners.get(s).equals(c.header().id())).toList());
        }
        return new BatchStep(step, byCommand);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
