package io.arxos.partitions.executor.app.maintenance;

import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.validation.Finding;
import io.arxos.partitions.core.validation.PartitionValidator;
import io.arxos.partitions.core.validation.ValidationSnapshot;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.ErrorClassifier;
import io.arxos.partitions.executor.domain.RetryPolicy;
import io.arxos.partitions.executor.domain.maintenance.CommandGuard;
import io.arxos.partitions.executor.domain.maintenance.CreatePartitionProcedure;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.Outcome;
import io.arxos.partitions.executor.domain.maintenance.Procedure;
import io.arxos.partitions.executor.domain.maintenance.Rejection;
import io.arxos.partitions.executor.domain.maintenance.RetirePartitionProcedure;
import io.arxos.partitions.executor.domain.maintenance.Step;
import io.arxos.partitions.executor.domain.maintenance.TableState;
import io.arxos.partitions.inventory.FleetInventory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * Use case: one attempt at one command. Guard first (no SQL for a refused command), then the ledger (a redelivered
 * command whose change committed re-publishes its outcome and runs no SQL), then inspect the table: a change already
 * in effect, whoever made it, is ALREADY_APPLIED and runs no SQL; otherwise plan the steps and run them. The catalog,
 * not the ledger, decides whether a change is in effect, so a partition dropped by hand is created again. A
 * retriable failure asks for a retry after a backoff; the caller schedules it without holding up other tables.
 */
public final class ExecuteCommand {

    private static final Logger LOG = Logger.getLogger(ExecuteCommand.class);

    private final FleetInventory inventory;
    private final TableInspector inspector;
    private final StepRunner runner;
    private final Ledger ledger;
    private final RetryPolicy retry;
    private final Clock clock;
    private final DoubleSupplier random;

    public ExecuteCommand(FleetInventory inventory, TableInspector inspector, StepRunner runner, Ledger ledger,
            RetryPolicy retry, Clock clock, DoubleSupplier random) {
        this.inventory = inventory;
        this.inspector = inspector;
        this.runner = runner;
        this.ledger = ledger;
        this.retry = retry;
        this.clock = clock;
        this.random = random;
    }

    public AttemptResult attempt(ExecutorCommand command, AttemptContext context) {
        context.nextAttempt();
        return attemptCounted(command, context);
    }

    /** The attempt whose number the caller has already counted. */
    AttemptResult attemptCounted(ExecutorCommand command, AttemptContext context) {
        return attemptCounted(command, context, false);
    }

    /** @param rowsJustMoved an earlier command moved rows into this table moments ago (validation counts exactly) */
    AttemptResult attemptCounted(ExecutorCommand command, AttemptContext context, boolean rowsJustMoved) {
        int attempt = context.attempt();
        Instant now = clock.instant();
        Optional<TablePolicy> policy = inventory.policy(command.header().table());
        Optional<Rejection> rejection = CommandGuard.check(command, policy, now);
        if (rejection.isPresent()) {
            LOG.warnf("%s rejected: %s", command.header().id(), rejection.get().message());
            return finished(Outcome.rejected(rejection.get(), elapsed(context), attempt));
        }
        try {
            if (command instanceof ExecutorCommand.ValidateTable) {
                ValidationSnapshot snapshot = inspector.snapshot(command.header().table(), policy.get(),
                        rowsJustMoved);
                List<Finding> findings = PartitionValidator.validate(policy.get(), snapshot, now);
                return finished(Outcome.validated(findings, snapshot.partitions(), elapsed(context), attempt));
            }
            return change((ExecutorCommand.PartitionCommand) command, policy.get(), context, now);
        } catch (StepFailure failure) {
            return failedAttempt(command, context, failure, Optional.empty(), List.of());
        } catch (RuntimeException bug) {
            // never retry blindly or go silent: a command that breaks the executor still gets a final outcome
            LOG.errorf(bug, "%s failed unexpectedly", command.header().id());
            String message = "internal error: " + bug;
            ledger.recordFailure(command.header().table(), command, attempt, "internal", null, message,
                    context.startedAt());
            return finished(Outcome.failed(context.sqlRun(), elapsed(context), attempt, "internal", null, message));
        } catch (PreconditionFailed refused) {
            LOG.warnf("%s refused inside its transaction: %s", command.header().id(), refused.getMessage());
            return finished(Outcome.rejected(refused.rejection(), elapsed(context), attempt));
        }
    }

    private AttemptResult change(ExecutorCommand.PartitionCommand command, TablePolicy policy, AttemptContext context,
            Instant now) throws StepFailure, PreconditionFailed {
        TableState state = inspector.inspect(command.header().table(), policy, command);
        Procedure procedure = command instanceof ExecutorCommand.CreatePartition create
                ? CreatePartitionProcedure.plan(policy, create, state, now)
                : RetirePartitionProcedure.plan(policy, command, state, now);
        if (procedure instanceof Procedure.AlreadyApplied || procedure instanceof Procedure.Refused) {
            return settled(command, procedure, context);
        }
        Procedure.Steps steps = (Procedure.Steps) procedure;
        if (command.header().dryRun()) {
            return finished(Outcome.dryRun(steps.allStatements(), elapsed(context)));
        }
        for (Step step : steps.steps()) {
            try {
                long moved = runner.run(command.header().table(), command, step, context.attempt());
                context.ran(step.statements(), moved);
            } catch (StepFailure failure) {
                return failedAttempt(command, context, failure, Optional.of(step), steps.compensation());
            }
        }
        return finished(Outcome.succeeded(context.sqlRun(), elapsed(context), context.attempt(), context.rowsMoved(),
                Optional.ofNullable(detail(command, context.rowsMoved()))));
    }

    /**
     * The outcome of a command that needs no SQL. A change in effect may be this very command's, committed before a
     * crash kept its outcome from being published: the ledger (read only then) tells, and its outcome is re-published.
     */
    AttemptResult settled(ExecutorCommand command, Procedure procedure, AttemptContext context) throws StepFailure {
        if (procedure instanceof Procedure.Refused refused) {
            return finished(Outcome.rejected(refused.rejection(), elapsed(context), context.attempt()));
        }
        if (!command.header().dryRun()) {
            Optional<Ledger.AppliedChange> applied;
            try {
                applied = ledger.findApplied(command.header().table(), command);
            } catch (Ledger.IdReused e) {
                return finished(Outcome.rejected(new Rejection(Rejection.Rule.COMMAND_ID_REUSED, e.getMessage()),
                        elapsed(context), context.attempt()));
            }
            if (applied.isPresent()) {
                return finished(Outcome.succeeded(applied.get().sql(), elapsed(context), context.attempt(),
                        applied.get().rowsMoved(), Optional.of("applied at " + applied.get().finishedAt()
                                + "; outcome re-published from the ledger")));
            }
        }
        return finished(Outcome.alreadyApplied(((Procedure.AlreadyApplied) procedure).detail(), elapsed(context),
                context.attempt()));
    }

    AttemptResult failedAttempt(ExecutorCommand command, AttemptContext context, StepFailure failure,
            Optional<Step> step, List<String> compensation) {
        String state = failure.sqlState();
        boolean retriable = ErrorClassifier.classify(state) == ErrorClassifier.ErrorClass.RETRIABLE
                || step.map(s -> s.retriableStates().contains(state)).orElse(false);
        String errorClass = (retriable ? ErrorClassifier.ErrorClass.RETRIABLE : ErrorClassifier.ErrorClass.PERMANENT)
                .label();
        ledger.recordFailure(command.header().table(), command, context.attempt(), errorClass, state,
                failure.getMessage(), context.startedAt());
        Optional<Duration> delay = retriable ? retry.delayAfter(context.attempt(), random.getAsDouble())
                : Optional.empty();
        if (delay.isPresent()) {
            LOG.infof("%s attempt %d failed (%s %s); retrying in %d ms", command.header().id(), context.attempt(),
                    state, failure.getMessage(), delay.get().toMillis());
            return new AttemptResult.RetryLater(delay.get(), failure.getMessage());
        }
        if (!compensation.isEmpty()) {
            runner.compensate(command.header().table(), command, compensation);
        }
        LOG.errorf("%s failed after %d attempts: %s %s", command.header().id(), context.attempt(), state,
                failure.getMessage());
        return finished(Outcome.failed(context.sqlRun(), elapsed(context), context.attempt(), errorClass, state,
                failure.getMessage()));
    }

    private static String detail(ExecutorCommand.PartitionCommand command, long rowsMoved) {
        if (command instanceof ExecutorCommand.DetachPartition detach) {
            return "archived as " + detach.archiveSchema() + "." + detach.partition();
        }
        return rowsMoved > 0 ? rowsMoved + " rows moved out of the default partition" : null;
    }

    long elapsed(AttemptContext context) {
        return Math.max(0, Duration.between(context.startedAt(), clock.instant()).toMillis());
    }

    static AttemptResult finished(Outcome outcome) {
        return new AttemptResult.Finished(outcome);
    }
}
