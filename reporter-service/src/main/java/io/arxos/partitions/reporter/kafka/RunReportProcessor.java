package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.reporter.app.ComposedReport;
import io.arxos.partitions.reporter.app.ReportComposer;
import io.arxos.partitions.reporter.app.ReportEvents;
import io.arxos.partitions.reporter.domain.Alert;
import io.arxos.partitions.reporter.domain.CommandSlot;
import io.arxos.partitions.reporter.domain.Outcome;
import io.arxos.partitions.reporter.domain.PlannedRun;
import io.arxos.partitions.reporter.domain.ReportStatus;
import io.arxos.partitions.reporter.domain.RunProgress;
import io.arxos.partitions.reporter.domain.RunProgress.OutcomeApplied;
import io.arxos.partitions.reporter.domain.RunProgress.PlanApplied;
import io.arxos.partitions.reporter.domain.RunProgress.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps each run's plan, outcomes and progress in the state store and emits the run's report and alerts when it
 * completes or when its deadline passes. The decisions are {@link RunProgress}'s; this class loads and stores.
 * Time is the stream's wall clock, so tests drive it with the test driver.
 */
final class RunReportProcessor implements Processor<String, RunEvent, String, RunOutput> {

    private static final Logger LOG = Logger.getLogger(RunReportProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final ReportTopology.Settings settings;
    private final ReportEvents events;
    private ProcessorContext<String, RunOutput> context;
    private KeyValueStore<String, RunStateValue> store;

    RunReportProcessor(ReportTopology.Settings settings, ReportEvents events) {
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, RunOutput> context) {
        this.context = context;
        this.store = context.getStateStore(ReportTopology.STORE);
        context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> punctuate(Instant.ofEpochMilli(timestamp)));
    }

    @Override
    public void process(Record<String, RunEvent> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        RunEvent event = record.value();
        if (record.key() != null && !record.key().equals(event.runId())) {
            LOG.warnf("record key '%s' differs from run id '%s'; using the run id", record.key(), event.runId());
        }
        if (event instanceof RunEvent.PlanReceived plan) {
            onPlan(plan.plan(), now);
        } else if (event instanceof RunEvent.OutcomeReceived outcome) {
            onOutcome(outcome.outcome(), now);
        }
    }

    private void onPlan(PlannedRun plan, Instant now) {
        String runId = plan.runId();
        PlanApplied applied = progress(runId, now).applyPlan(plan, id -> slot(runId, id));
        if (applied.duplicate()) {
            LOG.infof("run %s: plan received again, ignored", runId);
            return;
        }
        store.put(StateKeys.plan(runId), RunStateValue.of(plan));
        for (CommandSlot slot : applied.slots()) {
            store.put(StateKeys.slot(runId, slot.commandId()), RunStateValue.of(slot));
        }
        LOG.infof("run %s: plan with %d commands received, %d outcomes already in, deadline %s", runId,
                applied.progress().plannedCommands(), applied.progress().answeredCommands(), plan.deadline());
        settle(applied.progress(), now);
    }

    private void onOutcome(Outcome outcome, Instant now) {
        String runId = outcome.runId();
        OutcomeApplied applied = progress(runId, now).apply(slot(runId, outcome.commandId()), outcome);
        switch (applied.effect()) {
            case DUPLICATE -> LOG.infof("run %s: outcome %s of command %s is a duplicate, the first one stands",
                    runId, outcome.eventId(), outcome.commandId());
            case RUN_FINISHED -> LOG.infof("run %s: outcome of command %s arrived after the complete report, ignored",
                    runId, outcome.commandId());
            case ACCEPTED -> {
                store.put(StateKeys.slot(runId, outcome.commandId()), RunStateValue.of(applied.slot()));
                settle(applied.progress(), now);
            }
        }
    }

    /** Emits whatever report is due and stores the progress. */
    private void settle(RunProgress progress, Instant now) {
        Verdict verdict = progress.verdict(now);
        if (verdict == Verdict.NONE) {
            store.put(StateKeys.progress(progress.runId()), RunStateValue.of(progress));
            return;
        }
        String runId = progress.runId();
        ReportStatus status = verdict == Verdict.REPORT_COMPLETE ? ReportStatus.COMPLETE : ReportStatus.INCOMPLETE;
        PlannedRun plan = store.get(StateKeys.plan(runId)).plan();
        ComposedReport composed = ReportComposer.compose(plan, outcomes(runId), status, now);
        Map<String, Alert> fresh = new LinkedHashMap<>();
        for (Alert alert : composed.alerts()) {
            if (!progress.alerted().contains(alert.fingerprint())) {
                fresh.putIfAbsent(alert.fingerprint(), alert);
            }
        }
        long timestamp = now.toEpochMilli();
        context.forward(new Record<>(runId, new RunOutput.ReportReady(composed), timestamp));
        fresh.values().forEach(a -> context.forward(new Record<>(a.key(), new RunOutput.AlertRaised(a, now),
                timestamp)));
        if (status == ReportStatus.COMPLETE) {
            // a complete run needs only its progress from now on: it answers late duplicates with "finished"
            deleteSlotsAndPlan(runId);
        }
        store.put(StateKeys.progress(runId), RunStateValue.of(progress.reported(status, now, fresh.keySet())));
        events.reportEmitted(runId, status, composed.report().exitCode());
        LOG.infof("run %s: %s report emitted, exit code %d, %d new alerts", runId, status,
                composed.report().exitCode(), fresh.size());
    }

    private void punctuate(Instant now) {
        List<RunProgress> runs = new ArrayList<>();
        try (KeyValueIterator<String, RunStateValue> it = store.prefixScan(StateKeys.PROGRESS_PREFIX, KEYS)) {
            it.forEachRemaining(kv -> runs.add(kv.value.progress()));
        }
        for (RunProgress run : runs) {
            if (run.expired(now, settings.finishedRetention(), settings.orphanTtl())) {
                deleteSlotsAndPlan(run.runId());
                store.delete(StateKeys.progress(run.runId()));
                LOG.infof("run %s: state removed (%s)", run.runId(),
                        run.planned() ? "retention after its " + run.reported() + " report passed"
                                : "its plan never arrived within the orphan TTL");
            } else if (run.verdict(now) != Verdict.NONE) {
                settle(run, now);
            }
        }
    }

    private RunProgress progress(String runId, Instant now) {
        RunStateValue value = store.get(StateKeys.progress(runId));
        return value == null ? RunProgress.firstSeen(runId, now) : value.progress();
    }

    private CommandSlot slot(String runId, String commandId) {
        RunStateValue value = store.get(StateKeys.slot(runId, commandId));
        return value == null ? null : value.slot();
    }

    private Map<String, Outcome> outcomes(String runId) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        try (KeyValueIterator<String, RunStateValue> it = store.prefixScan(StateKeys.slotPrefix(runId), KEYS)) {
            it.forEachRemaining(kv -> {
                if (kv.value.slot().hasOutcome()) {
                    outcomes.put(kv.value.slot().commandId(), kv.value.slot().outcome());
                }
            });
        }
        return outcomes;
    }

    private void deleteSlotsAndPlan(String runId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, RunStateValue> it = store.prefixScan(StateKeys.slotPrefix(runId), KEYS)) {
            it.forEachRemaining((KeyValue<String, RunStateValue> kv) -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
        store.delete(StateKeys.plan(runId));
    }
}
