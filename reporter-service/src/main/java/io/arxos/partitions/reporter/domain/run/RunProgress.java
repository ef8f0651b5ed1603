package io.arxos.partitions.reporter.domain.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The bookkeeping of one run of any kind: whether its plan arrived, how many of the items it announced are in, what
 * was reported and which alerts went out. It holds counts, not the plan or the items (those live in their own
 * slots), so updating it per item stays cheap however large the run is.
 *
 * @param deadline when the report is due without the missing items; null until the plan arrives
 * @param expectedItems items the plan announced
 * @param answeredItems announced items that arrived
 * @param receivedItems distinct items that arrived, announced or not
 * @param anyItemCounts the plan counted its items without listing them, so every distinct item counts
 * @param reported the last report emitted, null before the first
 * @param alerted fingerprints of alerts already sent, so a later report does not repeat them
 */
public record RunProgress(String runId, Instant firstSeenAt, boolean planned, Instant deadline, int expectedItems,
        int answeredItems, int receivedItems, boolean anyItemCounts, ReportStatus reported, Instant reportedAt,
        Set<String> alerted) {

    public RunProgress {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        alerted = alerted == null ? Set.of() : Set.copyOf(alerted);
    }

    /** A run seen for the first time at {@code now}, by its plan or by an early item. */
    public static RunProgress firstSeen(String runId, Instant now) {
        return new RunProgress(runId, now, false, null, 0, 0, 0, false, null, null, Set.of());
    }

    /**
     * Takes the run's plan: marks every listed item's slot and counts the items that came before the plan (for a
     * plan that only counts, every item in so far). A second copy of the plan (a redelivery) changes nothing.
     *
     * @param slots the current slot of an item id, or null when there is none
     */
    public <I> PlanApplied<I> applyPlan(Announcement plan, Function<String, ItemSlot<I>> slots) {
        if (planned) {
            return new PlanApplied<>(this, List.of(), true);
        }
        if (!plan.listsItems()) {
            return new PlanApplied<>(with(true, plan.deadline(), plan.expected(), receivedItems, receivedItems, true),
                    List.of(), false);
        }
        List<ItemSlot<I>> marked = new ArrayList<>(plan.ids().size());
        int answered = 0;
        for (String id : plan.ids()) {
            ItemSlot<I> current = slots.apply(id);
            ItemSlot<I> slot = (current == null ? ItemSlot.<I>empty(id) : current).markPlanned();
            marked.add(slot);
            answered += slot.arrived() ? 1 : 0;
        }
        return new PlanApplied<>(with(true, plan.deadline(), plan.expected(), answered, receivedItems, false), marked,
                false);
    }

    /**
     * Takes one item. The first item per id wins; later copies (a producer redelivering after a crash) are
     * duplicates. Items of a run already reported complete change nothing either.
     *
     * @param current the item's slot, or null when there is none yet
     */
    public <I> ItemApplied<I> apply(ItemSlot<I> current, String id, I item) {
        if (finished()) {
            return new ItemApplied<>(this, current, Effect.RUN_FINISHED);
        }
        ItemSlot<I> slot = current == null ? ItemSlot.<I>empty(id) : current;
        if (slot.arrived()) {
            return new ItemApplied<>(this, slot, Effect.DUPLICATE);
        }
        boolean counts = slot.planned() || (planned && anyItemCounts);
        RunProgress next = with(planned, deadline, expectedItems, answeredItems + (counts ? 1 : 0), receivedItems + 1,
                anyItemCounts);
        return new ItemApplied<>(next, slot.with(item), Effect.ACCEPTED);
    }

    /** Items of a run already reported complete change nothing. */
    public boolean finished() {
        return reported == ReportStatus.COMPLETE;
    }

    /** Every announced item is in (immediately so for a plan that announced none). */
    public boolean complete() {
        return planned && answeredItems >= expectedItems;
    }

    /** Items announced but not (yet) received. */
    public int missingItems() {
        return Math.max(0, expectedItems - answeredItems);
    }

    /** What report, if any, is due at {@code now}. */
    public Verdict verdict(Instant now) {
        if (!planned) {
            return Verdict.NONE;
        }
        if (complete()) {
            return finished() ? Verdict.NONE : Verdict.REPORT_COMPLETE;
        }
        return reported == null && !now.isBefore(deadline) ? Verdict.REPORT_INCOMPLETE : Verdict.NONE;
    }

    /** The progress after a report with {@code status} went out at {@code now} with the given alerts. */
    public RunProgress reported(ReportStatus status, Instant now, Collection<String> alertFingerprints) {
        Set<String> all = new HashSet<>(alerted);
        all.addAll(alertFingerprints);
        return new RunProgress(runId, firstSeenAt, planned, deadline, expectedItems, answeredItems, receivedItems,
                anyItemCounts, Objects.requireNonNull(status, "status"), now, all);
    }

    /**
     * Whether the run's state can go: a reported run {@code retention} after its last report; a run whose plan
     * never came {@code orphanTtl} after its first item. A planned, unreported run waits for its deadline.
     */
    public boolean expired(Instant now, Duration retention, Duration orphanTtl) {
        if (!planned) {
            return !now.isBefore(firstSeenAt.plus(orphanTtl));
        }
        return reported != null && !now.isBefore(reportedAt.plus(retention));
    }

    private RunProgress with(boolean isPlanned, Instant due, int expected, int answered, int received,
            boolean anyCounts) {
        return new RunProgress(runId, firstSeenAt, isPlanned, due, expected, answered, received, anyCounts, reported,
                reportedAt, alerted);
    }

    /** What the reporter should do for a run now. */
    public enum Verdict { NONE, REPORT_COMPLETE, REPORT_INCOMPLETE }

    /** What an item did to the run. */
    public enum Effect { ACCEPTED, DUPLICATE, RUN_FINISHED }

    /** The result of {@link #applyPlan}: new progress and the slots to store (none for a duplicate plan). */
    public record PlanApplied<I>(RunProgress progress, List<ItemSlot<I>> slots, boolean duplicate) {
    }

    /** The result of {@link #apply}: new progress and the item's slot. */
    public record ItemApplied<I>(RunProgress progress, ItemSlot<I> slot, Effect effect) {
    }
}
