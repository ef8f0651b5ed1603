package io.arxos.partitions.reporter.kafka.analysis;

import io.arxos.partitions.events.AnalysisRecommendation;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.events.DatabaseAnalysis;
import io.arxos.partitions.events.TableActivity;
import io.arxos.partitions.events.TableAnalysis;
import io.arxos.partitions.events.TableId;
import io.arxos.partitions.events.TimeColumnProfile;
import io.arxos.partitions.reporter.domain.TableName;
import io.arxos.partitions.reporter.domain.analysis.AdviceKind;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun.AnalysedDatabase;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Activity;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Advice;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Constraint;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Estimate;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Index;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.MonthRows;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Query;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Recommendation;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.TimeColumn;
import io.arxos.partitions.reporter.domain.analysis.AnalysisPriority;
import java.util.Arrays;

/** Translates the analysis events the reporter consumes into its domain records. */
public final class AnalysisEventMapper {

    private AnalysisEventMapper() {
    }

    public static AnalysedRun run(AnalysisRun run) {
        return new AnalysedRun(run.getEnvelope().getRunId(), run.getRequestedBy(), run.getEnvelope().getOccurredAt(),
                run.getDatabases().stream().map(AnalysisEventMapper::database).toList(), run.getTableCount(),
                run.getError());
    }

    private static AnalysedDatabase database(DatabaseAnalysis d) {
        return new AnalysedDatabase(d.getDatabase(), d.getError(), d.getServerVersion(), d.getTableCount(),
                d.getObservedMillis(), d.getStatsResetAt(), d.getStatsResetDuringWindow(), d.getQueryStatistics(),
                d.getElapsedMillis(), d.getCollectMillis());
    }

    public static AnalysedTable table(TableAnalysis t) {
        TableId id = t.getTable();
        return new AnalysedTable(new TableName(id.getDatabase(), id.getSchemaName(), id.getTableName()),
                t.getPartitioned(), t.getPartitionCount(), t.getManaged(), t.getTotalBytes(), t.getHeapBytes(),
                t.getIndexBytes(), t.getEstimatedRows(), activity(t.getActivity()),
                t.getTimeColumns().stream().map(AnalysisEventMapper::timeColumn).toList(),
                t.getIndexes().stream().map(i -> new Index(i.getName(), i.getColumns(), i.getUnique(), i.getPrimary(),
                        i.getSizeBytes(), i.getScans(), i.getDefinition(), i.getOnPartitionsOnly())).toList(),
                t.getConstraints().stream().map(c -> new Constraint(c.getName(), c.getKind(), c.getColumns(),
                        c.getOtherTable(), c.getOtherColumns(), c.getDefinition())).toList(),
                t.getQueries().stream().map(q -> new Query(q.getQueryId(), q.getText(), q.getCalls(),
                        q.getMeanMillis(), q.getTotalMillis(), q.getRows())).toList(),
                recommendation(t.getRecommendation()));
    }

    private static Activity activity(TableActivity a) {
        return new Activity(a.getWindowMillis(), a.getInserts(), a.getUpdates(), a.getDeletes(),
                a.getSequentialScans(), a.getIndexScans(), a.getInsertsSinceReset(), a.getUpdatesSinceReset(),
                a.getDeletesSinceReset(), a.getDeadRows(), a.getLastVacuum(), a.getLastAnalyze());
    }

    private static TimeColumn timeColumn(TimeColumnProfile c) {
        return new TimeColumn(c.getColumn(), c.getKeyType() == null ? "UNKNOWN" : c.getKeyType().name(),
                c.getNotNull(), c.getNullFraction(), c.getCorrelation(), c.getIndexed(), c.getOldest(), c.getNewest(),
                c.getRowsByMonth().stream().map(m -> new MonthRows(m.getMonth(), m.getRows())).toList(),
                c.getSource(), c.getSourceDetail());
    }

    private static Recommendation recommendation(AnalysisRecommendation r) {
        return new Recommendation(priority(r.getPriority()), r.getPartitionKey(), r.getStrategy(), r.getInterval(),
                r.getRetentionMonths(), r.getPremake(),
                r.getAdvice().stream().map(a -> new Advice(adviceKind(a.getKind()), a.getMessage(), a.getBasis(),
                        a.getSql())).toList(),
                r.getEstimates().stream().map(e -> new Estimate(e.getName(), e.getLabel(), e.getValue(), e.getUnit(),
                        e.getBasis())).toList(),
                r.getMigrationStatements());
    }

    /** A symbol this reporter does not know (a newer planner) is UNKNOWN rather than a failed stream. */
    public static AnalysisPriority priority(io.arxos.partitions.events.AnalysisPriority priority) {
        return priority == null ? AnalysisPriority.UNKNOWN : Arrays.stream(AnalysisPriority.values())
                .filter(p -> p.name().equals(priority.name())).findFirst().orElse(AnalysisPriority.UNKNOWN);
    }

    public static AdviceKind adviceKind(io.arxos.partitions.events.AdviceKind kind) {
        return kind == null ? AdviceKind.UNKNOWN : Arrays.stream(AdviceKind.values())
                .filter(k -> k.name().equals(kind.name())).findFirst().orElse(AdviceKind.UNKNOWN);
    }
}
