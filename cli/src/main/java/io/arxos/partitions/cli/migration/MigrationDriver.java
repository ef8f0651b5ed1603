package io.arxos.partitions.cli.migration;

import static io.arxos.partitions.cli.migration.CopyProgress.number;

import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.MigrationStep;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Drives the executor through one table's migration steps, one command at a time, each answered before the next is
 * sent, and tells the user how it goes: a line per step and, while copying, a progress line per chunk.
 */
record MigrationDriver(MigrationGateway gateway, MigrationCommands commands, Duration timeout, Listener listener) {

    /** Where the driver reports as it goes. */
    interface Listener {
        /** One line per finished step, e.g. {@code public.t prepare: SUCCEEDED (...)}. */
        void step(String line);

        /** The copy progress after each chunk (see {@link CopyProgress}). */
        void progress(String line);
    }

    private static final List<MigrationStep> DRY_RUN_STEPS = List.of(MigrationStep.PREPARE, MigrationStep.CAPTURE,
            MigrationStep.COPY, MigrationStep.VERIFY, MigrationStep.SWAP, MigrationStep.FINALIZE,
            MigrationStep.ROLLBACK);

    /**
     * Runs {@code work} on each table in turn. An unanswered step stops the rest (the executor is not there to answer
     * them); with {@code stopAtProblem} a failure or a difference does too. Tables not reached are listed as not
     * started.
     */
    static List<TableMigration> each(List<MigrationTargets.Target> targets,
            Function<MigrationTargets.Target, TableMigration> work, boolean stopAtProblem) {
        List<TableMigration> results = new ArrayList<>();
        TableMigration stoppedBy = null;
        for (MigrationTargets.Target target : targets) {
            if (stoppedBy != null) {
                results.add(new TableMigration(target.key(), target.partitionKey(), List.of(),
                        TableMigration.Ending.NOT_STARTED,
                        "not started: " + stoppedBy.table() + " stopped the command"));
                continue;
            }
            TableMigration result = work.apply(target);
            results.add(result);
            boolean problem = result.ending() != TableMigration.Ending.DONE;
            if (result.ending() == TableMigration.Ending.NO_ANSWER || stopAtProblem && problem) {
                stoppedBy = result;
            }
        }
        return results;
    }

    /** PREPARE, CAPTURE, COPY until the executor says it is done, then VERIFY. */
    TableMigration migrate(MigrationTargets.Target target) {
        Steps steps = new Steps(target);
        for (MigrationStep step : List.of(MigrationStep.PREPARE, MigrationStep.CAPTURE)) {
            Optional<TableMigration> stop = steps.run(step);
            if (stop.isPresent()) {
                return stop.get();
            }
        }
        Optional<TableMigration> stop = copy(steps);
        return stop.orElseGet(() -> verify(steps));
    }

    /** VERIFY, and SWAP only when the tables are equal. */
    TableMigration swap(MigrationTargets.Target target) {
        Steps steps = new Steps(target);
        TableMigration verified = verify(steps);
        if (verified.ending() != TableMigration.Ending.DONE) {
            return verified;
        }
        MigrationOutcome swapped = steps.send(MigrationStep.SWAP, 0, false);
        if (swapped == null) {
            return steps.noAnswer(MigrationStep.SWAP);
        }
        String blocked = "writers blocked " + number(swapped.getBlockedMillis()) + " ms";
        steps.report(swapped, blocked);
        return succeeded(swapped, false) ? steps.end(TableMigration.Ending.DONE, "swapped; " + blocked)
                : steps.failed(swapped);
    }

    /** FINALIZE after the swap; a finalized migration is fine. */
    TableMigration finish(MigrationTargets.Target target) {
        Steps steps = new Steps(target);
        MigrationOutcome outcome = steps.send(MigrationStep.FINALIZE, 0, false);
        if (outcome == null) {
            return steps.noAnswer(MigrationStep.FINALIZE);
        }
        steps.report(outcome, null);
        return succeeded(outcome, false) || outcome.getStatus() == OutcomeStatus.ALREADY_APPLIED
                ? steps.end(TableMigration.Ending.DONE, "finalized") : steps.failed(outcome);
    }

    /** ROLLBACK; a table with nothing to roll back is fine. */
    TableMigration rollback(MigrationTargets.Target target) {
        Steps steps = new Steps(target);
        MigrationOutcome outcome = steps.send(MigrationStep.ROLLBACK, 0, false);
        if (outcome == null) {
            return steps.noAnswer(MigrationStep.ROLLBACK);
        }
        if (outcome.getStatus() == OutcomeStatus.ALREADY_APPLIED || nothingToRollBack(outcome)) {
            steps.report(outcome, null);
            return steps.end(TableMigration.Ending.DONE, outcome.getStatus() == OutcomeStatus.ALREADY_APPLIED
                    ? "already rolled back" : "nothing to roll back");
        }
        String blocked = "writers blocked " + number(outcome.getBlockedMillis()) + " ms";
        steps.report(outcome, blocked);
        return succeeded(outcome, false) ? steps.end(TableMigration.Ending.DONE, "rolled back; " + blocked)
                : steps.failed(outcome);
    }

    /** STATUS: the migration's phase and how far the copy has come. */
    TableMigration status(MigrationTargets.Target target) {
        Steps steps = new Steps(target);
        MigrationOutcome outcome = steps.send(MigrationStep.STATUS, 0, false);
        if (outcome == null) {
            return steps.noAnswer(MigrationStep.STATUS);
        }
        String state = "phase " + outcome.getPhase() + ", " + copied(outcome);
        steps.report(outcome, state);
        return succeeded(outcome, false) ? steps.end(TableMigration.Ending.DONE, state) : steps.failed(outcome);
    }

    /** VERIFY alone: original (or, after the swap, backup) against the partitioned table, month by month. */
    TableMigration verify(MigrationTargets.Target target) {
        return verify(new Steps(target));
    }

    /** Every step as a dry run: the executor answers with the statements it would run and does nothing. */
    TableMigration dryRun(MigrationTargets.Target target) {
        Steps steps = new Steps(target);
        for (MigrationStep step : DRY_RUN_STEPS) {
            MigrationOutcome outcome = steps.send(step, 1, true);
            if (outcome == null) {
                return steps.noAnswer(step);
            }
            steps.report(outcome, outcome.getStatements().size() + " statement(s)");
            if (!succeeded(outcome, true)) {
                return steps.failed(outcome);
            }
        }
        return steps.end(TableMigration.Ending.DONE, "dry run of " + DRY_RUN_STEPS.size() + " steps");
    }

    private Optional<TableMigration> copy(Steps steps) {
        int chunk = 1;
        while (true) {
            MigrationOutcome outcome = steps.send(MigrationStep.COPY, chunk, false);
            if (outcome == null) {
                return Optional.of(steps.noAnswer(MigrationStep.COPY));
            }
            if (!succeeded(outcome, false)) {
                steps.report(outcome, copied(outcome));
                return Optional.of(steps.failed(outcome));
            }
            // ALREADY_APPLIED means the copy phase was finished before
            boolean done = outcome.getCopyDone() || outcome.getStatus() == OutcomeStatus.ALREADY_APPLIED;
            listener.progress(CopyProgress.line(outcome.getRowsCopied(), outcome.getRowsEstimated(),
                    outcome.getRowsPerSecond(), done));
            if (done) {
                steps.report(outcome, number(outcome.getRowsCopied()) + " rows copied in " + chunk + " chunk"
                        + (chunk == 1 ? "" : "s"));
                return Optional.empty();
            }
            chunk++;
        }
    }

    private TableMigration verify(Steps steps) {
        MigrationOutcome outcome = steps.send(MigrationStep.VERIFY, 0, false);
        if (outcome == null) {
            return steps.noAnswer(MigrationStep.VERIFY);
        }
        int months = outcome.getMonths().size();
        int differences = outcome.getDifferences().size();
        // differences found are the check's result, even when the executor also marks the step FAILED
        if (differences > 0) {
            String note = differences + " of " + months + " month(s) differ";
            steps.report(outcome, note);
            return steps.end(TableMigration.Ending.DIFFERENCES, note);
        }
        if (!succeeded(outcome, false)) {
            steps.report(outcome, null);
            return steps.failed(outcome);
        }
        steps.report(outcome, months + " month(s) compared, all equal");
        return steps.end(TableMigration.Ending.DONE, "verified equal");
    }

    private static boolean succeeded(MigrationOutcome outcome, boolean dryRun) {
        OutcomeStatus status = outcome.getStatus();
        if (dryRun) {
            return status == OutcomeStatus.DRY_RUN;
        }
        return status == OutcomeStatus.SUCCEEDED || status == OutcomeStatus.ALREADY_APPLIED;
    }

    private static boolean nothingToRollBack(MigrationOutcome outcome) {
        return outcome.getStatus() == OutcomeStatus.REJECTED
                && outcome.getMessage().toLowerCase(Locale.ROOT).contains("nothing to roll back");
    }

    private static String copied(MigrationOutcome outcome) {
        String estimate = outcome.getRowsEstimated() > 0 ? " of ~" + number(outcome.getRowsEstimated()) : "";
        return number(outcome.getRowsCopied()) + estimate + " rows copied";
    }

    /** One table's conversation: the answers so far, and how to end it. */
    private final class Steps {
        private final MigrationTargets.Target target;
        private final List<MigrationOutcome> outcomes = new ArrayList<>();
        private String lastCommandId;

        Steps(MigrationTargets.Target target) {
            this.target = target;
        }

        /** Sends the step; null when no answer came in time. */
        MigrationOutcome send(MigrationStep step, int chunk, boolean dryRun) {
            MigrationCommand command = commands.command(target, step, chunk, dryRun);
            lastCommandId = command.getCommandId();
            Optional<MigrationOutcome> outcome = gateway.send(command, timeout);
            outcome.ifPresent(outcomes::add);
            return outcome.orElse(null);
        }

        /** Sends a step that only has to succeed; present when the table stops here. */
        Optional<TableMigration> run(MigrationStep step) {
            MigrationOutcome outcome = send(step, 0, false);
            if (outcome == null) {
                return Optional.of(noAnswer(step));
            }
            report(outcome, null);
            return succeeded(outcome, false) ? Optional.empty() : Optional.of(failed(outcome));
        }

        void report(MigrationOutcome outcome, String detail) {
            String message = outcome.getMessage();
            List<String> parts = new ArrayList<>();
            if (detail != null) {
                parts.add(detail);
            }
            if (message != null && !message.isBlank()) {
                parts.add(message);
            }
            listener.step(target.migration().table() + " " + label(outcome.getStep()) + ": " + outcome.getStatus()
                    + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")"));
        }

        TableMigration failed(MigrationOutcome outcome) {
            return end(TableMigration.Ending.FAILED, label(outcome.getStep()) + " " + outcome.getStatus() + ": "
                    + outcome.getMessage());
        }

        TableMigration noAnswer(MigrationStep step) {
            String note = "no answer to " + label(step) + " (" + lastCommandId + ") within " + timeout.toSeconds()
                    + " s: is executor-service running and consuming " + Topics.MIGRATION_COMMANDS.name() + "?";
            listener.step(target.migration().table() + " " + label(step) + ": " + note);
            return end(TableMigration.Ending.NO_ANSWER, note);
        }

        TableMigration end(TableMigration.Ending ending, String note) {
            return new TableMigration(target.key(), target.partitionKey(), outcomes, ending, note);
        }
    }

    static String label(MigrationStep step) {
        return step.name().toLowerCase(Locale.ROOT);
    }
}
