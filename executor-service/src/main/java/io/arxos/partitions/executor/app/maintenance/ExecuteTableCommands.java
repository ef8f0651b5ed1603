package io.arxos.partitions.executor.app.maintenance;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.ErrorClassifier;
import io.arxos.partitions.executor.domain.maintenance.CommandGuard;
import io.arxos.partitions.executor.domain.maintenance.CreatePartitionBatch;
import io.arxos.partitions.executor.domain.maintenance.CreatePartitionBatch.BatchStep;
import io.arxos.partitions.executor.domain.maintenance.CreatePartitionBatch.Decision;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand.CreatePartition;
import io.arxos.partitions.executor.domain.maintenance.Outcome;
import io.arxos.partitions.executor.domain.maintenance.Rejection;
import io.arxos.partitions.executor.domain.maintenance.TableInspection;
import io.arxos.partitions.inventory.FleetInventory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Use case: the commands waiting for one table, in their order, in as few transactions as they allow. A run of
 * consecutive creates of the same run shares one inspection of the table and, where {@link CreatePartitionBatch}
 * lets the months go together, one transaction; every other command goes through {@link ExecuteCommand} as before.
 * Every command still gets an outcome of its own, with the statements it took part in. If the shared steps fail for
 * good, each of their commands is tried again alone, so one bad month cannot take its siblings down with it.
 */
public final class ExecuteTableCommands {

    private static final Logger LOG = Logger.getLogger(ExecuteTableCommands.class);

    /** One queued command and what carries over between its attempts. */
    public record Attempt(ExecutorCommand command, AttemptContext context) {
    }

    private final FleetInventory inventory;
    private final TableInspector inspector;
    private final StepRunner runner;
    private final ExecuteCommand single;
    private final Clock clock;
    private final long scanBelowBytes;

    /**
     * @param scanBelowBytes a default partition smaller than this is scanned by ATTACH instead of being fenced off
     *     by a validated exclusion first (see {@link CreatePartitionBatch})
     */
    public ExecuteTableCommands(FleetInventory inventory, TableInspector inspector, StepRunner runner,
            ExecuteCommand single, Clock clock, long scanBelowBytes) {
        this.inventory = inventory;
        this.inspector = inspector;
        this.runner = runner;
        this.single = single;
        this.clock = clock;
        this.scanBelowBytes = scanBelowBytes;
    }

    /**
     * @return results for a prefix of {@code attempts}, in order: finished outcomes and, when a command must wait for
     *     a retry, its {@link AttemptResult.RetryLater} last (the commands behind it wait with it)
     */
    public List<AttemptResult> attempt(List<Attempt> attempts) {
        List<AttemptResult> results = new ArrayList<>();
        boolean rowsMoved = false;
        int i = 0;
        while (i < attempts.size()) {
            int end = createsEnd(attempts, i);
            Attempt next = attempts.get(i);
            List<AttemptResult> group;
            if (end > i) {
                group = creates(attempts.subList(i, end));
            } else {
                next.context().nextAttempt();
                group = List.of(single.attemptCounted(next.command(), next.context(), rowsMoved));
            }
            for (AttemptResult result : group) {
                results.add(result);
                if (result instanceof AttemptResult.RetryLater) {
                    return results;
                }
                rowsMoved |= ((AttemptResult.Finished) result).outcome().rowsMoved() > 0;
            }
            i += group.size();
        }
        return results;
    }

    /** The end of the run of creates starting at {@code from} that share run and dry-run flag ({@code from} if none). */
    private static int createsEnd(List<Attempt> attempts, int from) {
        if (!(attempts.get(from).command() instanceof CreatePartition first)) {
            return from;
        }
        int end = from + 1;
        while (end < attempts.size() && attempts.get(end).command() instanceof CreatePartition next
                && next.header().runId().equals(first.header().runId())
                && next.header().dryRun() == first.header().dryRun()
                && next.header().table().equals(first.header().table())) {
            end++;
        }
        return end;
    }

    private List<AttemptResult> creates(List<Attempt> group) {
        TableKey table = group.get(0).command().header().table();
        Instant now = clock.instant();
        Optional<TablePolicy> policy = inventory.policy(table);
        AttemptResult[] results = new AttemptResult[group.size()];
        List<Integer> open = new ArrayList<>();
        for (int k = 0; k < group.size(); k++) {
            Attempt a = group.get(k);
            a.context().nextAttempt();
            Optional<Rejection> rejection = CommandGuard.check(a.command(), policy, now);
            if (rejection.isPresent()) {
                LOG.warnf("%s rejected: %s", a.command().header().id(), rejection.get().message());
                results[k] = ExecuteCommand.finished(Outcome.rejected(rejection.get(), single.elapsed(a.context()),
                        a.context().attempt()));
            } else {
                open.add(k);
            }
        }
        if (!open.isEmpty()) {
            try {
                planAndRun(table, policy.orElseThrow(), group, open, results, now);
            } catch (StepFailure failure) {
                for (int k : open) {
                    results[k] = single.failedAttempt(group.get(k).command(), group.get(k).context(), failure,
                            Optional.empty(), List.of());
                }
            } catch (RuntimeException bug) {
                // the single path has its own handling of what breaks it: let it decide each command
                LOG.errorf(bug, "batch of %d creates for %s failed unexpectedly; running them one by one", open.size(),
                        table);
                for (int k : open) {
                    results[k] = single.attemptCounted(group.get(k).command(), group.get(k).context());
                }
            }
        }
        return List.of(results);
    }

    private void planAndRun(TableKey table, TablePolicy policy, List<Attempt> group, List<Integer> open,
            AttemptResult[] results, Instant now) throws StepFailure {
        List<CreatePartition> commands = open.stream().map(k -> (CreatePartition) group.get(k).command()).toList();
        TableInspection inspection = inspector.inspectAll(table, policy, commands);
        CreatePartitionBatch.Plan plan = CreatePartitionBatch.plan(policy, commands, inspection, now, scanBelowBytes);
        boolean dryRun = commands.get(0).header().dryRun();
        Shared shared = plan.steps().isEmpty() ? Shared.DONE
                : dryRun ? dryRunTogether(plan, group, open, results) : runTogether(table, plan, group, open, results);
        Optional<AttemptResult> waiting = shared == Shared.RETRY ? java.util.Arrays.stream(results)
                .filter(AttemptResult.RetryLater.class::isInstance).findFirst() : Optional.empty();
        for (int d = 0; d < plan.decisions().size(); d++) {
            int k = open.get(d);
            Attempt a = group.get(k);
            Decision decision = plan.decisions().get(d);
            if (decision instanceof CreatePartitionBatch.Settled settled) {
                results[k] = single.settled(a.command(), settled.procedure(), a.context());
            } else if (decision instanceof CreatePartitionBatch.Alone && waiting.isPresent()) {
                results[k] = waiting.get(); // the table's shared steps retry first; this month waits with them
            } else if (decision instanceof CreatePartitionBatch.Alone
                    || decision instanceof CreatePartitionBatch.Together && shared == Shared.ALONE) {
                results[k] = single.attemptCounted(a.command(), a.context());
            }
        }
    }

    /** What became of the shared steps. */
    private enum Shared { DONE, RETRY, ALONE }

    private Shared dryRunTogether(CreatePartitionBatch.Plan plan, List<Attempt> group, List<Integer> open,
            AttemptResult[] results) {
        for (int d = 0; d < plan.decisions().size(); d++) {
            if (plan.decisions().get(d) instanceof CreatePartitionBatch.Together together) {
                Attempt a = group.get(open.get(d));
                results[open.get(d)] = ExecuteCommand.finished(Outcome.dryRun(
                        plan.statementsOf(together.command().header().id()), single.elapsed(a.context())));
            }
        }
        return Shared.DONE;
    }

    /** Runs the shared steps: done, to be retried later, or failed for good (each command then goes alone). */
    private Shared runTogether(TableKey table, CreatePartitionBatch.Plan plan, List<Attempt> group,
            List<Integer> open, AttemptResult[] results) {
        List<Integer> members = new ArrayList<>();
        for (int d = 0; d < plan.decisions().size(); d++) {
            if (plan.decisions().get(d) instanceof CreatePartitionBatch.Together) {
                members.add(open.get(d));
            }
        }
        for (BatchStep batchStep : plan.steps()) {
            List<StepRunner.LedgerEntry> entries = members.stream().map(k -> new StepRunner.LedgerEntry(
                    group.get(k).command(), group.get(k).context().attempt(),
                    batchStep.statementsByCommand().get(group.get(k).command().header().id()))).toList();
            try {
                runner.runTogether(table, entries, batchStep.step());
            } catch (StepFailure failure) {
                return failedTogether(plan, batchStep, failure, group, members, results);
            } catch (PreconditionFailed refused) {
                runner.compensate(table, group.get(members.get(0)).command(), plan.compensation());
                return Shared.ALONE;
            }
            members.forEach(k -> group.get(k).context().ran(batchStep.statementsByCommand()
                    .get(group.get(k).command().header().id()), 0));
        }
        int others = members.size() - 1;
        for (int k : members) {
            Attempt a = group.get(k);
            results[k] = ExecuteCommand.finished(Outcome.succeeded(a.context().sqlRun(), single.elapsed(a.context()),
                    a.context().attempt(), 0, Optional.ofNullable(others == 0 ? null : "created together with "
                            + others + " other month(s) of " + table.table() + " in one transaction")));
        }
        LOG.infof("%s: %d partitions created together", table, members.size());
        return Shared.DONE;
    }

    /** A retriable failure retries the whole batch later; a permanent one cleans up and sends each month alone. */
    private Shared failedTogether(CreatePartitionBatch.Plan plan, BatchStep batchStep, StepFailure failure,
            List<Attempt> group, List<Integer> members, AttemptResult[] results) {
        boolean retriable = ErrorClassifier.classify(failure.sqlState()) == ErrorClassifier.ErrorClass.RETRIABLE
                || batchStep.step().retriableStates().contains(failure.sqlState());
        if (retriable) {
            for (int k : members) {
                results[k] = single.failedAttempt(group.get(k).command(), group.get(k).context(), failure,
                        Optional.of(batchStep.step()), plan.compensation());
            }
            return Shared.RETRY;
        }
        LOG.warnf("creating %d months of %s together failed (%s %s); each is tried alone", members.size(),
                group.get(members.get(0)).command().header().table(), failure.sqlState(), failure.getMessage());
        if (!plan.compensation().isEmpty()) {
            runner.compensate(group.get(members.get(0)).command().header().table(),
                    group.get(members.get(0)).command(), plan.compensation());
        }
        return Shared.ALONE;
    }
}
