package io.arxos.partitions.planner.kafka.analysis;

import io.arxos.partitions.events.AdviceKind;
import io.arxos.partitions.events.AnalysisEstimate;
import io.arxos.partitions.events.AnalysisPriority;
import io.arxos.partitions.events.AnalysisRecommendation;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.events.ConstraintProfile;
import io.arxos.partitions.events.DatabaseAnalysis;
import io.arxos.partitions.events.IndexProfile;
import io.arxos.partitions.events.MonthRowCount;
import io.arxos.partitions.events.QueryPattern;
import io.arxos.partitions.events.TableActivity;
import io.arxos.partitions.events.TableAnalysis;
import io.arxos.partitions.events.TimeColumnProfile;
import io.arxos.partitions.planner.app.analysis.AnalysisResult;
import io.arxos.partitions.planner.app.analysis.AnalysisResult.AnalysedTable;
import io.arxos.partitions.planner.app.analysis.AnalysisResult.DatabaseResult;
import io.arxos.partitions.planner.domain.analysis.Activity;
import io.arxos.partitions.planner.domain.analysis.Advice;
import io.arxos.partitions.planner.domain.analysis.DatabaseProfile;
import io.arxos.partitions.planner.domain.analysis.Estimate;
import io.arxos.partitions.planner.domain.analysis.IndexInfo;
import io.arxos.partitions.planner.domain.analysis.KeyConstraint;
import io.arxos.partitions.planner.domain.analysis.ObservedQuery;
import io.arxos.partitions.planner.domain.analysis.Recommendation;
import io.arxos.partitions.planner.domain.analysis.TableProfile;
import io.arxos.partitions.planner.domain.analysis.TimeColumn;
import io.arxos.partitions.planner.kafka.TransactionalPublisher;
import io.arxos.partitions.schemas.CoreTypes;
import java.util.List;

/** Maps an analysis to the Avro events it is published as: one TableAnalysis per table and the AnalysisRun. */
final class AnalysisEventMapper {

    /** Statement texts are cut here: pg_stat_statements keeps up to track_activity_query_size (1 kB by default). */
    static final int MAX_QUERY_TEXT = 2000;

    private AnalysisEventMapper() {
    }

    static AnalysisRun run(AnalysisResult result) {
        return AnalysisRun.newBuilder()
                .setEnvelope(CoreTypes.envelope(result.analysisId(), TransactionalPublisher.PRODUCER, result
                        .analysedAt()))
                .setRequestedBy(result.requestedBy())
                .setDatabases(result.databases().stream().map(AnalysisEventMapper::database).toList())
                .setTableCount(result.tableCount())
                .setError(result.refusal().orElse(null))
                .build();
    }

    private static DatabaseAnalysis database(DatabaseResult d) {
        DatabaseAnalysis.Builder b = DatabaseAnalysis.newBuilder()
                .setDatabase(d.database())
                .setError(d.error().orElse(null))
                .setTableCount(d.tables().size())
                .setElapsedMillis(d.elapsed().toMillis())
                .setObservedMillis(0)
                .setStatsResetDuringWindow(false)
                .setQueryStatistics("not read");
        d.profile().ifPresent(p -> b.setServerVersion(p.serverVersion())
                .setObservedMillis(p.window().toMillis())
                .setStatsResetAt(p.statsReset().orElse(null))
                .setStatsResetDuringWindow(p.statsResetDuringWindow())
                .setQueryStatistics(queryStatistics(p))
                .setCollectMillis(p.collectTime().toMillis()));
        return b.build();
    }

    private static String queryStatistics(DatabaseProfile p) {
        return p.skipped().isEmpty() ? p.queryStatistics() : p.queryStatistics() + "; skipped tables: "
                + String.join(", ", p.skipped());
    }

    static TableAnalysis table(AnalysisResult result, AnalysedTable t) {
        TableProfile p = t.profile();
        return TableAnalysis.newBuilder()
                .setEnvelope(CoreTypes.envelope(result.analysisId(), TransactionalPublisher.PRODUCER, result
                        .analysedAt()))
                .setTable(CoreTypes.tableId(t.key()))
                .setPartitioned(p.partitioned())
                .setPartitionCount(p.partitionCount())
                .setManaged(p.policy().isPresent())
                .setTotalBytes(p.totalBytes())
                .setHeapBytes(p.heapBytes())
                .setIndexBytes(p.indexBytes())
                .setEstimatedRows(p.estimatedRows())
                .setActivity(activity(p.activity()))
                .setTimeColumns(p.timeColumns().stream().map(AnalysisEventMapper::timeColumn).toList())
                .setIndexes(p.indexes().stream().map(AnalysisEventMapper::index).toList())
                .setConstraints(p.constraints().stream().map(AnalysisEventMapper::constraint).toList())
                .setQueries(p.queries().stream().map(AnalysisEventMapper::query).toList())
                .setRecommendation(recommendation(t.recommendation()))
                .build();
    }

    private static TableActivity activity(Activity a) {
        return TableActivity.newBuilder()
                .setWindowMillis(a.window().toMillis())
                .setInserts(a.inserts()).setUpdates(a.updates()).setDeletes(a.deletes())
                .setSequentialScans(a.sequentialScans()).setIndexScans(a.indexScans())
                .setInsertsSinceReset(a.insertsSinceReset()).setUpdatesSinceReset(a.updatesSinceReset())
                .setDeletesSinceReset(a.deletesSinceReset()).setDeadRows(a.deadRows())
                .setLastVacuum(a.lastVacuum().orElse(null)).setLastAnalyze(a.lastAnalyze().orElse(null))
                .build();
    }

    private static TimeColumnProfile timeColumn(TimeColumn c) {
        List<MonthRowCount> months = c.rowsByMonth().entrySet().stream()
                .map(e -> new MonthRowCount(e.getKey().toString(), e.getValue())).toList();
        return TimeColumnProfile.newBuilder()
                .setColumn(c.name().value())
                .setKeyType(CoreTypes.keyType(c.type()))
                .setNotNull(c.notNull())
                .setNullFraction(c.nullFraction())
                .setCorrelation(c.correlation().isPresent() ? c.correlation().getAsDouble() : null)
                .setIndexed(c.indexed())
                .setOldest(c.oldest().orElse(null))
                .setNewest(c.newest().orElse(null))
                .setRowsByMonth(months)
                .setSource(c.source().name().toLowerCase(java.util.Locale.ROOT))
                .setSourceDetail(c.sourceDetail())
                .build();
    }

    private static IndexProfile index(IndexInfo i) {
        return IndexProfile.newBuilder()
                .setName(i.name()).setColumns(i.columns()).setUnique(i.unique()).setPrimary(i.primary())
                .setSizeBytes(i.sizeBytes()).setScans(i.scans()).setDefinition(i.definition())
                .setOnPartitionsOnly(i.onPartitionsOnly())
                .build();
    }

    private static ConstraintProfile constraint(KeyConstraint c) {
        return ConstraintProfile.newBuilder()
                .setName(c.name()).setKind(c.kind().name()).setColumns(c.columns())
                .setOtherTable(c.otherTable().orElse(null)).setOtherColumns(c.otherColumns())
                .setDefinition(c.definition())
                .build();
    }

    private static QueryPattern query(ObservedQuery q) {
        String text = q.text().length() <= MAX_QUERY_TEXT ? q.text() : q.text().substring(0, MAX_QUERY_TEXT);
        return new QueryPattern(q.queryId(), text, q.calls(), q.meanMillis(), q.totalMillis(), q.rows());
    }

    private static AnalysisRecommendation recommendation(Recommendation r) {
        return AnalysisRecommendation.newBuilder()
                .setPriority(AnalysisPriority.valueOf(r.priority().name()))
                .setPartitionKey(r.partitionKey().orElse(null))
                .setStrategy(r.strategy().orElse(null))
                .setInterval(r.interval().map(i -> i.label()).orElse(null))
                .setRetentionMonths(r.retentionMonths().isPresent() ? r.retentionMonths().getAsInt() : null)
                .setPremake(r.premake().isPresent() ? r.premake().getAsInt() : null)
                .setAdvice(r.advice().stream().map(AnalysisEventMapper::advice).toList())
                .setEstimates(r.estimates().stream().map(AnalysisEventMapper::estimate).toList())
                .setMigrationStatements(r.migrationStatements())
                .build();
    }

    private static io.arxos.partitions.events.Advice advice(Advice a) {
        return new io.arxos.partitions.events.Advice(AdviceKind.valueOf(a.kind().name()), a.message(),
                a.basis().orElse(null), a.sql().orElse(null));
    }

    private static AnalysisEstimate estimate(Estimate e) {
        return new AnalysisEstimate(e.name(), e.label(), e.value().isPresent() ? e.value().getAsDouble() : null,
                e.unit().label(), e.basis());
    }

}
