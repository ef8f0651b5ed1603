package io.arxos.partitions.reporter.domain.analysis;

import io.arxos.partitions.reporter.domain.analysis.AnalysedRun.AnalysedDatabase;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport.CandidateLine;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport.DatabaseLine;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport.Summary;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds an {@link AnalysisReport} from the run summary and the table analyses received so far. */
public final class AnalysisReportBuilder {

    /** Report order: priority, then the largest tables first, then by name so the order is stable. */
    static final Comparator<AnalysedTable> ORDER = Comparator.comparing(AnalysedTable::priority)
            .thenComparing(Comparator.comparingLong(AnalysedTable::totalBytes).reversed())
            .thenComparing(AnalysedTable::key);

    private AnalysisReportBuilder() {
    }

    public static AnalysisReport build(AnalysedRun run, Collection<AnalysedTable> received, ReportStatus status,
            Instant now) {
        List<AnalysedTable> tables = received.stream().sorted(ORDER).toList();
        List<DatabaseLine> databases = run.databases().stream().map(d -> line(d, tables)).toList();
        // the analysis month is not over: rows per month come from the month before it
        YearMonth current = YearMonth.from(run.requestedAt().atOffset(ZoneOffset.UTC));
        int exitCode = status == ReportStatus.INCOMPLETE || run.failed() ? 1 : 0;
        return new AnalysisReport(run.analysisId(), status, exitCode, now.truncatedTo(ChronoUnit.SECONDS),
                run.requestedBy(), run.requestedAt(), run.error(), run.tableCount(), tables.size(), databases,
                summarize(tables, current), tables);
    }

    private static DatabaseLine line(AnalysedDatabase d, List<AnalysedTable> tables) {
        int received = (int) tables.stream().filter(t -> t.table().database().equals(d.database())).count();
        return new DatabaseLine(d.database(), d.serverVersion(), d.tableCount(), received, d.observedMillis(),
                d.statsResetAt(), d.statsResetDuringWindow(), d.queryStatistics(), d.elapsedMillis(),
                d.collectMillis(), d.error());
    }

    private static Summary summarize(List<AnalysedTable> tables, YearMonth current) {
        Map<AnalysisPriority, List<String>> names = new EnumMap<>(AnalysisPriority.class);
        for (AnalysisPriority p : AnalysisPriority.values()) {
            names.put(p, new ArrayList<>());
        }
        List<CandidateLine> candidates = new ArrayList<>();
        for (AnalysedTable t : tables) {
            names.get(t.priority()).add(t.key());
            if (t.priority().candidate()) {
                candidates.add(candidate(t, current));
            }
        }
        return new Summary(tables.size(), names.get(AnalysisPriority.HIGH).size(),
                names.get(AnalysisPriority.MEDIUM).size(), names.get(AnalysisPriority.LOW).size(),
                names.get(AnalysisPriority.BLOCKED).size(), names.get(AnalysisPriority.NOT_RECOMMENDED).size(),
                names.get(AnalysisPriority.UNKNOWN).size(), names.get(AnalysisPriority.HIGH),
                names.get(AnalysisPriority.MEDIUM), names.get(AnalysisPriority.LOW),
                names.get(AnalysisPriority.BLOCKED), candidates);
    }

    private static CandidateLine candidate(AnalysedTable t, YearMonth current) {
        Optional<AnalysedTable.RowsPerMonth> perMonth = t.rowsPerMonth(current);
        return new CandidateLine(t.key(), t.priority(), t.totalBytes(), t.estimatedRows(),
                perMonth.map(AnalysedTable.RowsPerMonth::rows).orElse(null),
                perMonth.map(AnalysedTable.RowsPerMonth::basis).orElse(null), t.recommendation().partitionKey(),
                t.recommendation().interval(), t.partitions().orElse(null), t.advice(AdviceKind.BLOCKER).size());
    }
}
