package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.events.AdviceKind;
import io.arxos.partitions.events.AnalysisEstimate;
import io.arxos.partitions.events.AnalysisPriority;
import io.arxos.partitions.events.AnalysisRecommendation;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.events.ConstraintProfile;
import io.arxos.partitions.events.DatabaseAnalysis;
import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.events.IndexProfile;
import io.arxos.partitions.events.MonthRowCount;
import io.arxos.partitions.events.PartitionKeyType;
import io.arxos.partitions.events.QueryPattern;
import io.arxos.partitions.events.TableActivity;
import io.arxos.partitions.events.TableAnalysis;
import io.arxos.partitions.events.TableId;
import io.arxos.partitions.events.TimeColumnProfile;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Activity;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Recommendation;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.TimeColumn;
import java.time.Instant;
import java.util.UUID;

/** Avro analysis events built from the domain fixtures, as the planner would publish them. */
public final class AnalysisAvroEvents {

    private AnalysisAvroEvents() {
    }

    public static AnalysisRun run(AnalysedRun run) {
        return AnalysisRun.newBuilder()
                .setEnvelope(envelope(run.analysisId(), run.requestedAt()))
                .setRequestedBy(run.requestedBy())
                .setDatabases(run.databases().stream().map(d -> DatabaseAnalysis.newBuilder()
                        .setDatabase(d.database()).setError(d.error()).setServerVersion(d.serverVersion())
                        .setTableCount(d.tableCount()).setObservedMillis(d.observedMillis())
                        .setStatsResetAt(d.statsResetAt()).setStatsResetDuringWindow(d.statsResetDuringWindow())
                        .setQueryStatistics(d.queryStatistics()).setElapsedMillis(d.elapsedMillis())
                        .setCollectMillis(d.collectMillis()).build()).toList())
                .setTableCount(run.tableCount())
                .setError(run.error())
                .build();
    }

    public static TableAnalysis table(String analysisId, AnalysedTable t) {
        return TableAnalysis.newBuilder()
                .setEnvelope(envelope(analysisId, Instant.parse("2025-06-15T10:00:00Z")))
                .setTable(TableId.newBuilder().setDatabase(t.table().database()).setSchemaName(t.table().schema())
                        .setTableName(t.table().table()).build())
                .setPartitioned(t.partitioned()).setPartitionCount(t.partitionCount()).setManaged(t.managed())
                .setTotalBytes(t.totalBytes()).setHeapBytes(t.heapBytes()).setIndexBytes(t.indexBytes())
                .setEstimatedRows(t.estimatedRows())
                .setActivity(activity(t.activity()))
                .setTimeColumns(t.timeColumns().stream().map(AnalysisAvroEvents::timeColumn).toList())
                .setIndexes(t.indexes().stream().map(i -> IndexProfile.newBuilder().setName(i.name())
                        .setColumns(i.columns()).setUnique(i.unique()).setPrimary(i.primary())
                        .setSizeBytes(i.sizeBytes()).setScans(i.scans()).setDefinition(i.definition())
                        .setOnPartitionsOnly(i.onPartitionsOnly()).build()).toList())
                .setConstraints(t.constraints().stream().map(c -> ConstraintProfile.newBuilder().setName(c.name())
                        .setKind(c.kind()).setColumns(c.columns()).setOtherTable(c.otherTable())
                        .setOtherColumns(c.otherColumns()).setDefinition(c.definition()).build()).toList())
                .setQueries(t.queries().stream().map(q -> QueryPattern.newBuilder().setQueryId(q.queryId())
                        .setText(q.text()).setCalls(q.calls()).setMeanMillis(q.meanMillis())
                        .setTotalMillis(q.totalMillis()).setRows(q.rows()).build()).toList())
                .setRecommendation(recommendation(t.recommendation()))
                .build();
    }

    /** The Kafka key of a table analysis: its table, not its analysis. */
    public static String tableKey(AnalysedTable t) {
        return t.key();
    }

    private static TableActivity activity(Activity a) {
        return TableActivity.newBuilder().setWindowMillis(a.windowMillis()).setInserts(a.inserts())
                .setUpdates(a.updates()).setDeletes(a.deletes()).setSequentialScans(a.sequentialScans())
                .setIndexScans(a.indexScans()).setInsertsSinceReset(a.insertsSinceReset())
                .setUpdatesSinceReset(a.updatesSinceReset()).setDeletesSinceReset(a.deletesSinceReset())
                .setDeadRows(a.deadRows()).setLastVacuum(a.lastVacuum()).setLastAnalyze(a.lastAnalyze()).build();
    }

    private static TimeColumnProfile timeColumn(TimeColumn c) {
        return TimeColumnProfile.newBuilder().setColumn(c.column()).setKeyType(PartitionKeyType.valueOf(c.keyType()))
                .setNotNull(c.notNull()).setNullFraction(c.nullFraction()).setCorrelation(c.correlation())
                .setIndexed(c.indexed()).setOldest(c.oldest()).setNewest(c.newest())
                .setRowsByMonth(c.rowsByMonth().stream().map(m -> MonthRowCount.newBuilder().setMonth(m.month())
                        .setRows(m.rows()).build()).toList())
                .setSource(c.source()).setSourceDetail(c.sourceDetail()).build();
    }

    private static AnalysisRecommendation recommendation(Recommendation r) {
        return AnalysisRecommendation.newBuilder()
                .setPriority(AnalysisPriority.valueOf(r.priority().name()))
                .setPartitionKey(r.partitionKey()).setStrategy(r.strategy()).setInterval(r.interval())
                .setRetentionMonths(r.retentionMonths()).setPremake(r.premake())
                .setAdvice(r.advice().stream().map(a -> io.arxos.partitions.events.Advice.newBuilder()
                        .setKind(AdviceKind.valueOf(a.kind().name())).setMessage(a.message()).setBasis(a.basis())
                        .setSql(a.sql()).build()).toList())
                .setEstimates(r.estimates().stream().map(e -> AnalysisEstimate.newBuilder().setName(e.name())
                        .setLabel(e.label()).setValue(e.value()).setUnit(e.unit()).setBasis(e.basis()).build())
                        .toList())
                .setMigrationStatements(r.migrationStatements())
                .build();
    }

    private static EventEnvelope envelope(String analysisId, Instant at) {
        return EventEnvelope.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(at).setRunId(analysisId)
                .setProducer("planner-service").build();
    }
}
