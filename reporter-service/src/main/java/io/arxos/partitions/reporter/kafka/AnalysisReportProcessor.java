package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.reporter.app.AnalysisComposer;
import io.arxos.partitions.reporter.app.ComposedAnalysis;
import io.arxos.partitions.reporter.app.ReportEvents;
import io.arxos.partitions.reporter.domain.AnalysedRun;
import io.arxos.partitions.reporter.domain.AnalysedTable;
import io.arxos.partitions.reporter.domain.AnalysisProgress;
import io.arxos.partitions.reporter.domain.ReportStatus;
import io.arxos.partitions.reporter.domain.RunProgress.Verdict;
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
 * Assembles each analysis from its run summary and its table analyses (in either order, one per table key) and emits
 * its report once every announced table is in, or as INCOMPLETE when the assembly timeout after the run summary
 * passes. The decisions are {@link AnalysisProgress}'s; this class loads and stores. Time is the wall clock.
 */
final class AnalysisReportProcessor implements Processor<String, AnalysisEvent, String, ComposedAnalysis> {

    private static final Logger LOG = Logger.getLogger(AnalysisReportProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final ReportTopology.Settings settings;
    private final ReportEvents events;
    private ProcessorContext<String, ComposedAnalysis> context;
    private KeyValueStore<String, AnalysisStateValue> store;

    AnalysisReportProcessor(ReportTopology.Settings settings, ReportEvents events) {
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, ComposedAnalysis> context) {
        this.context = context;
        this.store = context.getStateStore(ReportTopology.ANALYSIS_STORE);
        context.schedule(settings.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> punctuate(Instant.ofEpochMilli(timestamp)));
    }

    @Override
    public void process(Record<String, AnalysisEvent> record) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        AnalysisEvent event = record.value();
        if (record.key() != null && !record.key().equals(event.analysisId())) {
            LOG.warnf("record key '%s' differs from analysis id '%s'; using the analysis id", record.key(),
                    event.analysisId());
        }
        if (event instanceof AnalysisEvent.RunArrived run) {
            onRun(run.run(), now);
        } else if (event instanceof AnalysisEvent.TableArrived table) {
            onTable(table.analysisId(), table.table(), now);
        }
    }

    private void onRun(AnalysedRun run, Instant now) {
        String id = run.analysisId();
        AnalysisProgress progress = progress(id, now);
        if (progress.runReceived()) {
            LOG.infof("analysis %s: run summary received again, ignored", id);
            return;
        }
        store.put(AnalysisStateKeys.run(id), AnalysisStateValue.of(run));
        AnalysisProgress next = progress.withRun(run, now, settings.analysisAssemblyTimeout());
        LOG.infof("analysis %s: run summary expects %d tables, %d already in%s", id, run.tableCount(),
                next.receivedTables(), run.error() == null ? "" : ", request refused: " + run.error());
        settle(next, now);
    }

    private void onTable(String id, AnalysedTable table, Instant now) {
        AnalysisProgress progress = progress(id, now);
        if (progress.finished()) {
            LOG.infof("analysis %s: table %s arrived after the complete report, ignored", id, table.key());
            return;
        }
        String key = AnalysisStateKeys.table(id, table.key());
        if (store.get(key) != null) {
            LOG.infof("analysis %s: table %s received again, the first one stands", id, table.key());
            return;
        }
        store.put(key, AnalysisStateValue.of(table));
        settle(progress.withTable(), now);
    }

    /** Emits whatever report is due and stores the progress. */
    private void settle(AnalysisProgress progress, Instant now) {
        Verdict verdict = progress.verdict(now);
        String id = progress.analysisId();
        if (verdict == Verdict.NONE) {
            store.put(AnalysisStateKeys.progress(id), AnalysisStateValue.of(progress));
            return;
        }
        ReportStatus status = verdict == Verdict.REPORT_COMPLETE ? ReportStatus.COMPLETE : ReportStatus.INCOMPLETE;
        AnalysedRun run = store.get(AnalysisStateKeys.run(id)).run();
        ComposedAnalysis composed = AnalysisComposer.compose(run, tables(id), status, now);
        context.forward(new Record<>(id, composed, now.toEpochMilli()));
        if (status == ReportStatus.COMPLETE) {
            // a complete analysis needs only its progress from now on: it answers late duplicates with "finished"
            deleteTablesAndRun(id);
        }
        store.put(AnalysisStateKeys.progress(id), AnalysisStateValue.of(progress.reported(status, now)));
        events.analysisReportEmitted(id, status, composed.report().exitCode());
        LOG.infof("analysis %s: %s report emitted (%d of %d tables), exit code %d", id, status,
                progress.receivedTables(), progress.expectedTables(), composed.report().exitCode());
    }

    private void punctuate(Instant now) {
        List<AnalysisProgress> analyses = new ArrayList<>();
        try (KeyValueIterator<String, AnalysisStateValue> it = store.prefixScan(AnalysisStateKeys.PROGRESS_PREFIX,
                KEYS)) {
            it.forEachRemaining(kv -> analyses.add(kv.value.progress()));
        }
        for (AnalysisProgress analysis : analyses) {
            if (analysis.expired(now, settings.finishedRetention(), settings.orphanTtl())) {
                deleteTablesAndRun(analysis.analysisId());
                store.delete(AnalysisStateKeys.progress(analysis.analysisId()));
                LOG.infof("analysis %s: state removed (%s)", analysis.analysisId(), analysis.runReceived()
                        ? "retention after its " + analysis.reported() + " report passed"
                        : "its run summary never arrived within the orphan TTL");
            } else if (analysis.verdict(now) != Verdict.NONE) {
                settle(analysis, now);
            }
        }
    }

    private AnalysisProgress progress(String id, Instant now) {
        AnalysisStateValue value = store.get(AnalysisStateKeys.progress(id));
        return value == null ? AnalysisProgress.firstSeen(id, now) : value.progress();
    }

    private List<AnalysedTable> tables(String id) {
        List<AnalysedTable> tables = new ArrayList<>();
        try (KeyValueIterator<String, AnalysisStateValue> it = store.prefixScan(AnalysisStateKeys.tablePrefix(id),
                KEYS)) {
            it.forEachRemaining(kv -> tables.add(kv.value.table()));
        }
        return tables;
    }

    private void deleteTablesAndRun(String id) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, AnalysisStateValue> it = store.prefixScan(AnalysisStateKeys.tablePrefix(id),
                KEYS)) {
            it.forEachRemaining(kv -> keys.add(kv.key));
        }
        keys.forEach(store::delete);
        store.delete(AnalysisStateKeys.run(id));
    }
}
