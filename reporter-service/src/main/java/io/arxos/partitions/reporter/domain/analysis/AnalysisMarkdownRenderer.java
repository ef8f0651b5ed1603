package io.arxos.partitions.reporter.domain.analysis;

import io.arxos.partitions.reporter.domain.ReportCells;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Advice;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Estimate;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Recommendation;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport.CandidateLine;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport.DatabaseLine;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport.Summary;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.util.List;

/**
 * Renders an {@link AnalysisReport} as Markdown, laid out like a DBA's partitioning analysis: databases, executive
 * summary, estimates, recommendations, then every table's details ({@link AnalysisTableDetails}).
 */
public final class AnalysisMarkdownRenderer {

    static final String NONE = "—";

    private AnalysisMarkdownRenderer() {
    }

    public static String render(AnalysisReport report) {
        StringBuilder md = new StringBuilder("# Partitioning analysis\n\n");
        md.append("- **Analysis ID**: ").append(report.analysisId()).append('\n');
        md.append("- **Requested by**: ").append(ReportCells.orElse(report.requestedBy(), NONE)).append('\n');
        md.append("- **Requested at**: ").append(report.requestedAt()).append('\n');
        md.append("- **Generated at**: ").append(report.generatedAt()).append('\n');
        md.append("- **Status**: ").append(report.status());
        if (report.status() == ReportStatus.INCOMPLETE) {
            md.append(" — ").append(report.receivedTables()).append(" of ").append(report.expectedTables())
                    .append(" table analyses arrived, ").append(report.missingTables())
                    .append(" missing when the assembly timeout passed");
        }
        md.append('\n');
        md.append("- **Exit code**: ").append(report.exitCode()).append('\n');
        if (report.error() != null) {
            md.append("- **Error**: request refused: ").append(report.error()).append('\n');
        }
        databases(md, report);
        summary(md, report.summary());
        estimates(md, report.candidates());
        recommendations(md, report.candidates());
        AnalysisTableDetails.render(md, report);
        return md.toString();
    }

    private static void databases(StringBuilder md, AnalysisReport report) {
        md.append("\n## Databases\n\n");
        if (report.databases().isEmpty()) {
            md.append("No database was analysed.\n");
            return;
        }
        md.append("| Database | Server version | Tables analysed | Observation window | Statistics reset "
                + "| pg_stat_statements | Elapsed | Error |\n|---|---|---:|---|---|---|---|---|\n");
        for (DatabaseLine d : report.databases()) {
            String tables = d.receivedTables() == d.expectedTables() ? Integer.toString(d.expectedTables())
                    : d.receivedTables() + " of " + d.expectedTables();
            row(md, d.database(), ReportCells.orElse(d.serverVersion(), NONE), tables,
                    d.observedMillis() > 0 ? ReportCells.duration(d.observedMillis()) : NONE, statsReset(d),
                    ReportCells.orElse(d.queryStatistics(), NONE), elapsed(d),
                    d.error() == null ? NONE : "⚠️ " + d.error());
        }
    }

    private static String statsReset(DatabaseLine d) {
        String at = d.statsResetAt() == null ? "never" : d.statsResetAt().toString();
        return d.statsResetDuringWindow() ? at + " — during the window, its rates are unusable" : at;
    }

    private static String elapsed(DatabaseLine d) {
        String total = ReportCells.duration(d.elapsedMillis());
        return d.collectMillis() > 0 ? total + " (" + ReportCells.duration(d.collectMillis()) + " collecting)" : total;
    }

    private static void summary(StringBuilder md, Summary s) {
        md.append("\n## Executive summary\n\n");
        md.append("- **Tables analysed**: ").append(s.tablesAnalysed()).append('\n');
        priority(md, AnalysisPriority.HIGH, s.high(), s.highTables());
        priority(md, AnalysisPriority.MEDIUM, s.medium(), s.mediumTables());
        priority(md, AnalysisPriority.LOW, s.low(), s.lowTables());
        priority(md, AnalysisPriority.BLOCKED, s.blocked(), s.blockedTables());
        md.append("- **NOT_RECOMMENDED**: ").append(s.notRecommended()).append('\n');
        if (s.unknown() > 0) {
            md.append("- **UNKNOWN** (priority unknown to this reporter): ").append(s.unknown()).append('\n');
        }
        if (s.candidates().isEmpty()) {
            md.append("\nNo table is a partitioning candidate.\n");
            return;
        }
        md.append("\n| Table | Priority | Size | Est. rows | Rows/month | Key | Interval | Partitions | Blockers |\n")
                .append("|---|---|---:|---:|---:|---|---|---:|---:|\n");
        for (CandidateLine c : s.candidates()) {
            row(md, c.table(), c.priority().name(), ReportCells.bytes(c.totalBytes()), rows(c.estimatedRows()),
                    c.rowsPerMonth() == null ? NONE
                            : ReportCells.count(c.rowsPerMonth()) + " (" + c.rowsPerMonthBasis() + ")",
                    ReportCells.orElse(c.partitionKey(), NONE), ReportCells.orElse(c.interval(), NONE),
                    c.partitions() == null ? NONE : ReportCells.count(c.partitions()),
                    Integer.toString(c.blockers()));
        }
    }

    private static void priority(StringBuilder md, AnalysisPriority priority, int count, List<String> tables) {
        md.append("- **").append(priority).append("**: ").append(count);
        if (!tables.isEmpty()) {
            md.append(" — ").append(String.join(", ", tables));
        }
        md.append('\n');
    }

    private static void estimates(StringBuilder md, List<AnalysedTable> candidates) {
        md.append("\n## Estimates\n");
        if (candidates.isEmpty()) {
            md.append("\nNo candidates, no estimates.\n");
            return;
        }
        for (AnalysedTable t : candidates) {
            md.append("\n### ").append(t.key()).append(" (").append(t.priority()).append(")\n\n");
            List<Estimate> estimates = t.recommendation().estimates();
            if (estimates.isEmpty()) {
                md.append("No estimates.\n");
                continue;
            }
            md.append("| Estimate | Value | Basis |\n|---|---:|---|\n");
            for (Estimate e : estimates) {
                row(md, ReportCells.orElse(e.label(), e.name()), ReportCells.estimate(e.value(), e.unit()),
                        ReportCells.orElse(e.basis(), NONE));
            }
        }
    }

    private static void recommendations(StringBuilder md, List<AnalysedTable> candidates) {
        md.append("\n## Recommendations\n");
        if (candidates.isEmpty()) {
            md.append("\nNo table needs partitioning.\n");
            return;
        }
        int number = 0;
        for (AnalysedTable t : candidates) {
            Recommendation r = t.recommendation();
            md.append("\n### ").append(++number).append(". ").append(t.key()).append(" — ").append(r.priority())
                    .append("\n\n");
            md.append("- **Strategy**: ").append(ReportCells.orElse(r.strategy(), NONE)).append('\n');
            md.append("- **Partition key**: ").append(ReportCells.orElse(r.partitionKey(), NONE)).append('\n');
            md.append("- **Interval**: ").append(ReportCells.orElse(r.interval(), NONE)).append('\n');
            md.append("- **Retention**: ").append(r.retentionMonths() == null ? NONE
                    : r.retentionMonths() + (r.retentionMonths() == 1 ? " month" : " months")).append('\n');
            md.append("- **Premake**: ").append(r.premake() == null ? NONE
                    : r.premake() + (r.premake() == 1 ? " partition" : " partitions") + " ahead").append('\n');
            for (AdviceKind kind : AdviceKind.values()) {
                advice(md, kind, t.advice(kind));
            }
        }
    }

    /** The advice of one kind under its heading; nothing when there is none. */
    static void advice(StringBuilder md, AdviceKind kind, List<Advice> advice) {
        if (advice.isEmpty()) {
            return;
        }
        md.append("\n#### ").append(kind.heading()).append("\n\n");
        for (Advice a : advice) {
            md.append("- ").append(oneLine(a.message())).append('\n');
            if (a.basis() != null && !a.basis().isBlank()) {
                md.append("  Basis: ").append(oneLine(a.basis())).append('\n');
            }
            if (a.sql() != null && !a.sql().isBlank()) {
                md.append('\n');
                sqlBlock(md, List.of(a.sql()), "  ");
            }
        }
    }

    /** A fenced SQL block, statements separated by a blank line, every line indented by {@code indent}. */
    static void sqlBlock(StringBuilder md, List<String> statements, String indent) {
        String body = String.join("\n\n", statements.stream().map(String::strip).toList());
        String fence = ReportCells.fence(body);
        md.append(indent).append(fence).append("sql\n");
        body.lines().forEach(line -> md.append(line.isEmpty() ? "" : indent + line).append('\n'));
        md.append(indent).append(fence).append('\n');
    }

    static String rows(long estimate) {
        return estimate < 0 ? "?" : ReportCells.count(estimate);
    }

    /** Free text on one line, so it cannot end a list item or start a heading. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(ReportCells.cell(cell)).append(" |");
        }
        md.append('\n');
    }
}
