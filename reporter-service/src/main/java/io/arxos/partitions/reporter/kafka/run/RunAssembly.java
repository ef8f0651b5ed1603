package io.arxos.partitions.reporter.kafka.run;

import io.arxos.partitions.reporter.app.run.RunItems;
import io.arxos.partitions.reporter.app.run.RunKind;
import io.arxos.partitions.reporter.app.run.Settlement;
import io.arxos.partitions.reporter.domain.run.ItemSlot;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunMember;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import io.arxos.partitions.reporter.domain.run.RunProgress.ItemApplied;
import io.arxos.partitions.reporter.domain.run.RunProgress.PlanApplied;
import io.arxos.partitions.reporter.domain.run.RunProgress.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps each run's plan, items and progress in a state store and emits the run's report when every announced item
 * is in, or as INCOMPLETE when its deadline passes; forgets a run some time after its report, or when its plan never
 * comes. One mechanism for every kind of run: the decisions are {@link RunProgress}'s, the report is the
 * {@link RunKind}'s; this class loads and stores. Time is the stream's wall clock, so tests drive it.
 */
public final class RunAssembly<P extends RunMember.Plan, I extends RunMember.Item,
        O> implements Processor<String, RunEvent<P, I>, String, O> {

    private static final Logger LOG = Logger.getLogger(RunAssembly.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final RunKind<P, I, O> kind;
    private final String storeName;
    private final Timing timing;
    private final StateLimit<P, I> limit;
    private ProcessorContext<String, O> context;
    private KeyValueStore<String, RunState<P, I>> store;

    /**
     * @param punctuateInterval how often the wall-clock punctuator checks deadlines and retention
     * @param finishedRetention how long a reported run's state is kept
     * @param orphanTtl how long items wait for a plan that does not come
     */
    public record Timing(Duration punctuateInterval, Duration finishedRetention, Duration orphanTtl) {
    }

    /** @param limit the most one state value may hold; a plan larger than that is reported, not stored */
    public RunAssembly(RunKind<P, I, O> kind, String storeName, Timing timing, StateLimit<P, I> limit) {
        this.kind = kind;
        this.storeName = storeName;
        this.timing = timing;
        this.limit = limit;
    }

    @Override
    public void init(ProcessorContext<String, O> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(timing.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> punctuate(Instant.ofEpochMilli(timestamp)));
    }

    @Override
    public void process(Record<String, RunEvent<P, I>> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        String runId = record.value() instanceof RunEvent.PlanArrived<P, I> plan ? plan.plan().runId()
                : ((RunEvent.ItemArrived<P, I>) record.value()).runId();
        if (record.key() != null && !record.key().equals(runId)) {
            LOG.warnf("record key '%s' differs from %s id '%s'; using the %s id", record.key(), kind.noun(), runId,
                    kind.noun());
        }
        if (record.value() instanceof RunEvent.PlanArrived<P, I> plan) {
            onPlan(runId, plan.plan(), now);
        } else if (record.value() instanceof RunEvent.ItemArrived<P, I> item) {
            onItem(runId, item.item(), now);
        }
    }

    private void onPlan(String runId, P plan, Instant now) {
        PlanApplied<I> applied = progress(runId, now).applyPlan(kind.announce(plan, now), id -> slot(runId, id));
        if (applied.duplicate()) {
            LOG.infof("%s %s: plan received again, ignored", kind.noun(), runId);
            return;
        }
        RunState<P, I> planState = RunState.ofPlan(plan);
        int bytes = limit.bytes(storeName, planState);
        if (bytes > limit.maxBytes()) {
            refuseOversizePlan(plan, applied.progress(), bytes, now);
            return;
        }
        store.put(RunStateKeys.plan(runId), planState);
        for (ItemSlot<I> slot : applied.slots()) {
            store.put(RunStateKeys.slot(runId, slot.id()), RunState.of(slot));
        }
        LOG.infof("%s %s: plan with %d items received, %d already in, deadline %s", kind.noun(), runId,
                applied.progress().expectedItems(), applied.progress().answeredItems(), applied.progress().deadline());
        settle(applied.progress(), now);
    }

    private void onItem(String runId, I item, Instant now) {
        String id = item.itemId();
        ItemApplied<I> applied = progress(runId, now).apply(slot(runId, id), id, item);
        switch (applied.effect()) {
            case DUPLICATE -> LOG.infof("%s %s: item %s received again, the first one stands", kind.noun(), runId, id);
            case RUN_FINISHED -> LOG.infof("%s %s: item %s arrived after the complete report, ignored", kind.noun(),
                    runId, id);
            case ACCEPTED -> {
                store.put(RunStateKeys.slot(runId, id), RunState.of(applied.slot()));
                settle(applied.progress(), now);
            }
        }
    }

    /**
     * A plan too large for one state value cannot be kept, so the run cannot be reported from its items: it gets a
     * report saying so at once and counts as settled (its items are then ignored), instead of a changelog record
     * that fails the stream's transaction on every replay.
     */
    private void refuseOversizePlan(P plan, RunProgress progress, int bytes, Instant now) {
        String runId = progress.runId();
        String reason = "its plan takes " + bytes + " bytes in the reporter's state, more than one state record "
                + "holds (" + limit.maxBytes() + ")";
        LOG.errorf("%s %s: %s; reporting it as such", kind.noun(), runId, reason);
        Settlement<O> settlement = kind.unreportable(plan, progress, reason, now);
        long timestamp = now.toEpochMilli();
        settlement.records().forEach(r -> context.forward(new Record<>(r.key(), r.value(), timestamp)));
        context.commit();
        deleteSlotsAndPlan(runId);
        store.put(RunStateKeys.progress(runId), RunState.of(progress.reported(ReportStatus.COMPLETE, now,
                settlement.newAlerts())));
        kind.reported(runId, ReportStatus.INCOMPLETE, settlement.exitCode());
    }

    /** Emits whatever report is due and stores the progress. */
    private void settle(RunProgress progress, Instant now) {
        Verdict verdict = progress.verdict(now);
        String runId = progress.runId();
        if (verdict == Verdict.NONE) {
            store.put(RunStateKeys.progress(runId), RunState.of(progress));
            return;
        }
        ReportStatus status = verdict == Verdict.REPORT_COMPLETE ? ReportStatus.COMPLETE : ReportStatus.INCOMPLETE;
        P plan = store.get(RunStateKeys.plan(runId)).plan();
        long timestamp = now.toEpochMilli();
        Settled<O> settled = settlement(plan, progress, status, now, timestamp);
        Settlement<O> settlement = settled.settlement();
        settlement.records().forEach(r -> context.forward(new Record<>(r.key(), r.value(), timestamp)));
        // someone is waiting for this report: under exactly-once it is visible only once the transaction commits,
        // so commit now instead of at the next commit interval (100 ms)
        context.commit();
        if (status == ReportStatus.COMPLETE) {
            // a complete run needs only its progress from now on: it answers late duplicates with "finished"
            deleteSlotsAndPlan(runId);
        }
        store.put(RunStateKeys.progress(runId), RunState.of(progress.reported(status, now, settlement.newAlerts())));
        kind.reported(runId, settled.emitted(), settlement.exitCode());
        LOG.infof("%s %s: %s report emitted (%d of %d items), exit code %d, %d new alerts", kind.noun(), runId,
                settled.emitted(), progress.answeredItems(), progress.expectedItems(), settlement.exitCode(),
                settlement.newAlerts().size());
    }

    /**
     * The run's report, or when it cannot be built (too large for the heap, a renderer's bug) a small one saying
     * why: a report that fails would otherwise fail again on every replay of the run, and nobody would hear of it.
     */
    private Settled<O> settlement(P plan, RunProgress progress, ReportStatus status, Instant now, long timestamp) {
        try {
            return new Settled<>(kind.settle(plan, items(progress.runId()), progress, status, now,
                    r -> context.forward(new Record<>(r.key(), r.value(), timestamp))), status);
        } catch (RuntimeException | OutOfMemoryError e) {
            // the items and the half-built report are garbage by now, so the small report has the heap again
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            LOG.errorf(e, "%s %s: its %s report of %d items could not be built (%s); sending a report that says so",
                    kind.noun(), progress.runId(), status, progress.answeredItems(), reason);
            // the run counts as settled with the status it had (no retry of what just failed), the report says
            // INCOMPLETE
            return new Settled<>(kind.unreportable(plan, progress, reason, now), ReportStatus.INCOMPLETE);
        }
    }

    /** A settlement and the status of the report it emits. */
    private record Settled<O>(Settlement<O> settlement, ReportStatus emitted) {
    }

    private void punctuate(Instant now) {
        List<RunProgress> runs = new ArrayList<>();
        try (KeyValueIterator<String, RunState<P, I>> it = store.prefixScan(RunStateKeys.PROGRESS_PREFIX, KEYS)) {
            it.forEachRemaining(kv -> runs.add(kv.value.progress()));
        }
        for (RunProgress run : runs) {
            if (run.expired(now, timing.finishedRetention(), timing.orphanTtl())) {
                deleteSlotsAndPlan(run.runId());
                store.delete(RunStateKeys.progress(run.runId()));
                LOG.infof("%s %s: state removed (%s)", kind.noun(), run.runId(), run.planned()
                        ? "retention after its " + run.reported() + " report passed"
                        : "its plan never arrived within the orphan TTL");
            } else if (run.verdict(now) != Verdict.NONE) {
                settle(run, now);
            }
        }
    }

    private RunProgress progress(String runId, Instant now) {
        RunState<P, I> value = store.get(RunStateKeys.progress(runId));
        return value == null ? RunProgress.firstSeen(runId, now) : value.progress();
    }

    private ItemSlot<I> slot(String runId, String itemId) {
        RunState<P, I> value = store.get(RunStateKeys.slot(runId, itemId));
        return value == null ? null : value.slot();
    }

    /** The run's arrived items, read from the store when asked for: none is held longer than its use. */
    private RunItems<I> items(String runId) {
        return new RunItems<>() {
            @Override
            public I get(String itemId) {
                ItemSlot<I> slot = slot(runId, itemId);
                return slot == null || !slot.arrived() ? null : slot.item();
            }

            @Override
            public List<I> all() {
                List<I> items = new ArrayList<>();
                try (KeyValueIterator<String, RunState<P, I>> it = store.prefixScan(RunStateKeys.slotPrefix(runId),
                        KEYS)) {
                    it.forEachRemaining(kv -> {
                        if (kv.value.slot().arrived()) {
                            items.add(kv.value.slot().item());
                        }
                    });
                }
                return items;
            }
        };
    }

    private void deleteSlotsAndPlan(String runId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, RunState<P, I>> it = store.prefixScan(RunStateKeys.slotPrefix(runId), KEYS)) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
        store.delete(RunStateKeys.plan(runId));
    }
}
