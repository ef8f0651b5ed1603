package io.arxos.partitions.reporter.domain.analysis;

import static io.arxos.partitions.reporter.domain.analysis.AnalysisMarkdownRenderer.NONE;
import static io.arxos.partitions.reporter.domain.analysis.AnalysisMarkdownRenderer.row;

import io.arxos.partitions.reporter.domain.ReportCells;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Activity;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Constraint;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Index;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.MonthRows;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Query;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.TimeColumn;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport.DatabaseLine;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The "Table details" section of the analysis Markdown: what was measured about every table, candidate or not. */
final class AnalysisTableDetails {

    /** Queries listed per table; pg_stat_statements sends them most time-consuming first. */
    static final int TOP_QUERIES = 5;
    /** Query text shown in the table, so one long statement does not swamp the report. */
    static final int QUERY_TEXT_CHARS = 200;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private AnalysisTableDetails() {
    }

    static void render(StringBuilder md, AnalysisReport report) {
        md.append("\n## Table details\n");
        if (report.tables().isEmpty()) {
            md.append("\nNo table analyses.\n");
            return;
        }
        for (AnalysedTable t : report.tables()) {
            md.append("\n### ").append(t.key()).append("\n\n");
            overview(md, t);
            if (!t.priority().candidate()) {
                // candidates' advice is under Recommendations; the others say here why they are left alone
                for (AdviceKind kind : AdviceKind.values()) {
                    AnalysisMarkdownRenderer.advice(md, kind, t.advice(kind));
                }
            }
            activity(md, t.activity());
            timeColumns(md, t.timeColumns());
            indexes(md, t.indexes());
            constraints(md, t.constraints());
            queries(md, t.queries(), queryStatistics(report, t));
            migration(md, t.recommendation().migrationStatements());
        }
    }

    private static void overview(StringBuilder md, AnalysedTable t) {
        md.append("- **Priority**: ").append(t.priority()).append('\n');
        md.append("- **Size**: ").append(ReportCells.bytes(t.totalBytes())).append(" total, heap ")
                .append(ReportCells.bytes(t.heapBytes())).append(", indexes ").append(ReportCells.bytes(t.indexBytes()))
                .append('\n');
        md.append("- **Estimated rows**: ").append(AnalysisMarkdownRenderer.rows(t.estimatedRows())).append('\n');
        md.append("- **Partitioned**: ").append(t.partitioned()
                ? "yes, " + t.partitionCount() + (t.partitionCount() == 1 ? " partition" : " partitions") : "no")
                .append('\n');
        md.append("- **Managed**: ").append(ReportCells.yesNo(t.managed())).append('\n');
    }

    private static void activity(StringBuilder md, Activity a) {
        md.append("\n#### Activity\n\n");
        md.append(a.windowMillis() > 0 ? "Rates over the " + ReportCells.duration(a.windowMillis())
                + " observation window; totals since the statistics were reset.\n\n"
                : "No observation window: totals since the statistics were reset only.\n\n");
        md.append("| | Window rate | Since reset |\n|---|---:|---:|\n");
        row(md, "Inserts", rate(a, a.inserts()), ReportCells.count(a.insertsSinceReset()));
        row(md, "Updates", rate(a, a.updates()), ReportCells.count(a.updatesSinceReset()));
        row(md, "Deletes", rate(a, a.deletes()), ReportCells.count(a.deletesSinceReset()));
        row(md, "Sequential scans", rate(a, a.sequentialScans()), NONE);
        row(md, "Index scans", rate(a, a.indexScans()), NONE);
        md.append("\n- **Dead rows**: ").append(ReportCells.count(a.deadRows())).append('\n');
        md.append("- **Last vacuum**: ").append(instant(a.lastVacuum())).append('\n');
        md.append("- **Last analyze**: ").append(instant(a.lastAnalyze())).append('\n');
    }

    private static String rate(Activity a, long delta) {
        return a.perSecond(delta).map(r -> String.format(Locale.ROOT, "%,.2f/s", r)).orElse(NONE);
    }

    private static void timeColumns(StringBuilder md, List<TimeColumn> columns) {
        md.append("\n#### Time columns\n");
        if (columns.isEmpty()) {
            md.append("\nNo date or timestamp column.\n");
            return;
        }
        for (TimeColumn c : columns) {
            List<String> traits = new ArrayList<>();
            traits.add(c.keyType());
            traits.add(c.notNull() ? "not null" : "nullable");
            traits.add(c.indexed() ? "indexed" : "not indexed");
            md.append("\n**").append(c.column()).append("** (").append(String.join(", ", traits)).append("): ")
                    .append("null fraction ").append(ReportCells.percent(c.nullFraction()))
                    .append(", correlation ").append(c.correlation() == null ? NONE
                            : String.format(Locale.ROOT, "%.3f", c.correlation()))
                    .append(", oldest ").append(c.oldest() == null ? NONE : c.oldest().toString())
                    .append(", newest ").append(c.newest() == null ? NONE : c.newest().toString())
                    .append(".\n");
            String source = ReportCells.orElse(c.source(), "unknown source")
                    + (c.sourceDetail() == null || c.sourceDetail().isBlank() ? "" : ": " + c.sourceDetail());
            if (c.rowsByMonth().isEmpty()) {
                md.append("No rows per month (").append(AnalysisMarkdownRenderer.oneLine(source)).append(").\n");
            } else {
                md.append("Rows per month (").append(AnalysisMarkdownRenderer.oneLine(source)).append("):\n\n");
                months(md, c.rowsByMonth());
            }
        }
    }

    /** Rows per month as one line per year, a column per month: compact however many years the table spans. */
    private static void months(StringBuilder md, List<MonthRows> rows) {
        Map<Integer, String[]> years = new TreeMap<>();
        for (MonthRows m : rows) {
            YearMonth month = YearMonth.parse(m.month());
            years.computeIfAbsent(month.getYear(), y -> new String[12])[month.getMonthValue() - 1] =
                    ReportCells.count(m.rows());
        }
        md.append("| Year | ").append(String.join(" | ", MONTHS)).append(" |\n|---|")
                .append("---:|".repeat(12)).append('\n');
        years.forEach((year, counts) -> {
            String[] cells = new String[13];
            cells[0] = year.toString();
            for (int i = 0; i < 12; i++) {
                cells[i + 1] = counts[i] == null ? "" : counts[i];
            }
            row(md, cells);
        });
    }

    private static void indexes(StringBuilder md, List<Index> indexes) {
        md.append("\n#### Indexes\n\n");
        if (indexes.isEmpty()) {
            md.append("No indexes.\n");
            return;
        }
        md.append("| Index | Columns | Kind | Size | Scans | Definition |\n|---|---|---|---:|---:|---|\n");
        for (Index i : indexes) {
            String kind = i.primary() ? "primary key" : i.unique() ? "unique" : "plain";
            row(md, i.name(), String.join(", ", i.columns()),
                    i.onPartitionsOnly() ? kind + ", on partitions only" : kind, ReportCells.bytes(i.sizeBytes()),
                    ReportCells.count(i.scans()), code(i.definition()));
        }
    }

    private static void constraints(StringBuilder md, List<Constraint> constraints) {
        md.append("\n#### Constraints\n\n");
        if (constraints.isEmpty()) {
            md.append("No keys or foreign keys.\n");
            return;
        }
        md.append("| Constraint | Kind | Columns | Other side | Definition |\n|---|---|---|---|---|\n");
        for (Constraint c : constraints) {
            row(md, c.name(), kind(c.kind()), String.join(", ", c.columns()), otherSide(c), code(c.definition()));
        }
    }

    private static String kind(String kind) {
        if (kind == null) {
            return NONE;
        }
        return switch (kind) {
            case "PRIMARY_KEY" -> "primary key";
            case "UNIQUE" -> "unique";
            case "FOREIGN_KEY_OUT" -> "foreign key (outgoing)";
            case Constraint.FOREIGN_KEY_IN -> "foreign key (incoming)";
            default -> kind;
        };
    }

    private static String otherSide(Constraint c) {
        if (c.otherTable() == null) {
            return NONE;
        }
        String columns = c.otherColumns().isEmpty() ? "" : " (" + String.join(", ", c.otherColumns()) + ")";
        return (Constraint.FOREIGN_KEY_IN.equals(c.kind()) ? "referenced by " : "references ") + c.otherTable()
                + columns;
    }

    private static void queries(StringBuilder md, List<Query> queries, String queryStatistics) {
        md.append("\n#### Top queries\n\n");
        if (queries.isEmpty()) {
            md.append("No statements recorded for this table (pg_stat_statements: ").append(queryStatistics)
                    .append(").\n");
            return;
        }
        md.append("| Calls | Mean ms | Total ms | Rows | Query |\n|---:|---:|---:|---:|---|\n");
        for (Query q : queries.subList(0, Math.min(TOP_QUERIES, queries.size()))) {
            row(md, ReportCells.count(q.calls()), String.format(Locale.ROOT, "%,.2f", q.meanMillis()),
                    String.format(Locale.ROOT, "%,.1f", q.totalMillis()), ReportCells.count(q.rows()),
                    ReportCells.code(ReportCells.truncate(flat(q.text()), QUERY_TEXT_CHARS)));
        }
        if (queries.size() > TOP_QUERIES) {
            md.append("\n").append(queries.size() - TOP_QUERIES).append(" more in the JSON report.\n");
        }
    }

    private static void migration(StringBuilder md, List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        md.append("\n#### Migration statements\n\n");
        AnalysisMarkdownRenderer.sqlBlock(md, statements, "");
    }

    private static String queryStatistics(AnalysisReport report, AnalysedTable t) {
        Optional<DatabaseLine> database = report.databases().stream()
                .filter(d -> d.database().equals(t.table().database())).findFirst();
        return database.map(DatabaseLine::queryStatistics).filter(s -> !s.isBlank()).orElse("unknown");
    }

    private static String code(String text) {
        return text == null || text.isBlank() ? NONE : ReportCells.code(text);
    }

    private static String flat(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String instant(Instant at) {
        return at == null ? "never" : at.toString();
    }
}
