package io.arxos.partitions.reporter.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The bookkeeping of one run: whether its plan arrived, how many planned commands have a final outcome, what was
 * reported and which alerts went out. It holds counts, not the plan or the outcomes (those live in their own
 * slots), so updating it per outcome stays cheap however large the run is.
 *
 * @param deadline the plan's deadline, null until the plan arrives
 * @param reported the last report emitted, null before the first
 * @param alerted fingerprints of alerts already sent, so a later report does not repeat them
 */
public record RunProgress(String runId, Instant firstSeenAt, boolean planned, Instant deadline, int plannedCommands,
        int answeredCommands, ReportStatus reported, Instant reportedAt, Set<String> alerted) {

    public RunProgress {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        alerted = alerted == null ? Set.of() : Set.copyOf(alerted);
    }

    /** A run seen for the first time at {@code now}, by its plan or by an early outcome. */
    public static RunProgress firstSeen(String runId, Instant now) {
        return new RunProgress(runId, now, false, null, 0, 0, null, null, Set.of());
    }

    /**
     * Takes the run's plan: marks every planned command's slot and counts the outcomes that came before the plan.
     * A second copy of the plan (a redelivery) changes nothing.
     *
     * @param slots the current slot of a command id, or null when there is none
     */
    public PlanApplied applyPlan(PlannedRun plan, Function<String, CommandSlot> slots) {
        if (planned) {
            return new PlanApplied(this, List.of(), true);
        }
        Set<String> ids = new LinkedHashSet<>();
        plan.commandIds().forEach(ids::add);
        List<CommandSlot> marked = new ArrayList<>(ids.size());
        int answered = 0;
        for (String id : ids) {
            CommandSlot current = slots.apply(id);
            CommandSlot slot = (current == null ? CommandSlot.empty(id) : current).markPlanned();
            marked.add(slot);
            answered += slot.hasOutcome() ? 1 : 0;
        }
        RunProgress next = new RunProgress(runId, firstSeenAt, true, plan.deadline(), ids.size(), answered,
                reported, reportedAt, alerted);
        return new PlanApplied(next, marked, false);
    }

    /**
     * Takes one final outcome. The first outcome per command id wins; later copies (an executor redelivering after
     * a crash) are duplicates. Outcomes of a run already reported complete change nothing either.
     *
     * @param current the command's slot, or null when there is none yet
     */
    public OutcomeApplied apply(CommandSlot current, Outcome outcome) {
        if (reported == ReportStatus.COMPLETE) {
            return new OutcomeApplied(this, current, Effect.RUN_FINISHED);
        }
        CommandSlot slot = current == null ? CommandSlot.empty(outcome.commandId()) : current;
        if (slot.hasOutcome()) {
            return new OutcomeApplied(this, slot, Effect.DUPLICATE);
        }
        CommandSlot answered = slot.withOutcome(outcome);
        RunProgress next = answered.planned()
                ? new RunProgress(runId, firstSeenAt, planned, deadline, plannedCommands, answeredCommands + 1,
                        reported, reportedAt, alerted)
                : this;
        return new OutcomeApplied(next, answered, Effect.ACCEPTED);
    }

    /** Every planned command has a final outcome (immediately so for a plan without commands). */
    public boolean complete() {
        return planned && answeredCommands >= plannedCommands;
    }

    /** What report, if any, is due at {@code now}. */
    public Verdict verdict(Instant now) {
        if (!planned) {
            return Verdict.NONE;
        }
        if (complete()) {
            return reported == ReportStatus.COMPLETE ? Verdict.NONE : Verdict.REPORT_COMPLETE;
        }
        return reported == null && !now.isBefore(deadline) ? Verdict.REPORT_INCOMPLETE : Verdict.NONE;
    }

    /** The progress after a report with {@code status} went out at {@code now} with the given alerts. */
    public RunProgress reported(ReportStatus status, Instant now, Collection<String> alertFingerprints) {
        Set<String> all = new HashSet<>(alerted);
        all.addAll(alertFingerprints);
        return new RunProgress(runId, firstSeenAt, planned, deadline, plannedCommands, answeredCommands,
                Objects.requireNonNull(status, "status"), now, all);
    }

    /**
     * Whether the run's state can go: a reported run {@code retention} after its last report; a run whose plan
     * never came {@code orphanTtl} after its first outcome. A planned, unreported run waits for its deadline.
     */
    public boolean expired(Instant now, Duration retention, Duration orphanTtl) {
        if (!planned) {
            return !now.isBefore(firstSeenAt.plus(orphanTtl));
        }
        return reported != null && !now.isBefore(reportedAt.plus(retention));
    }

    /** What the reporter should do for a run now. */
    public enum Verdict { NONE, REPORT_COMPLETE, REPORT_INCOMPLETE }

    /** What an outcome did to the run. */
    public enum Effect { ACCEPTED, DUPLICATE, RUN_FINISHED }

    /** The result of {@link #applyPlan}: new progress and the slots to store (none for a duplicate plan). */
    public record PlanApplied(RunProgress progress, List<CommandSlot> slots, boolean duplicate) {
    }

    /** The result of {@link #apply}: new progress and the command's slot. */
    public record OutcomeApplied(RunProgress progress, CommandSlot slot, Effect effect) {
    }
}
