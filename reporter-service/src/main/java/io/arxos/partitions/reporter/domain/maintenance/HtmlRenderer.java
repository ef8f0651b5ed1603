package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.ReportCells;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.DatabaseSection;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.OperationLine;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.Summary;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.TableNote;
import java.util.List;

/** Renders a {@link MaintenanceReport} as a standalone HTML page with an inline SVG chart of partition sizes. */
public final class HtmlRenderer {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;"
            + "padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;"
            + "padding:.2rem .5rem}td.num{text-align:right}pre{background:#f5f5f5;padding:.5rem;overflow-x:auto}";

    private HtmlRenderer() {
    }

    public static String render(MaintenanceReport r) {
        return render(r, null);
    }

    /** As {@link #render(MaintenanceReport)}, with {@code note} (plain text, or null) below the summary. */
    public static String render(MaintenanceReport r, String note) {
        StringBuilder html = new StringBuilder(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.append("<title>Partition Maintenance Report — ").append(escape(r.runId())).append("</title>\n");
        html.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Partition Maintenance Report</h1>\n<ul>\n");
        item(html, "Run ID", r.runId());
        item(html, "Trigger", r.trigger());
        item(html, "Dry run", ReportCells.yesNo(r.dryRun()));
        item(html, "Generated at", String.valueOf(r.generatedAt()));
        item(html, "Status", r.status().name());
        item(html, "Exit code", Integer.toString(r.exitCode()));
        if (r.error() != null) {
            item(html, "Error", r.error());
        }
        html.append("</ul>\n");
        summary(html, r.summary());
        if (note != null) {
            html.append("<p><em>").append(escape(note)).append("</em></p>\n");
        }
        for (DatabaseSection section : r.databases()) {
            database(html, section, r.dryRun());
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder html, Summary s) {
        html.append("<h2>Executive Summary</h2>\n<ul>\n");
        item(html, "Total Operations", Integer.toString(s.totalOperations()));
        item(html, "Successful", Integer.toString(s.successful()));
        item(html, "Failed", Integer.toString(s.failed()));
        item(html, "Rejected", Integer.toString(s.rejected()));
        item(html, "Partitions Created", Integer.toString(s.partitionsCreated()));
        item(html, "Partitions Dropped", Integer.toString(s.partitionsDropped()));
        item(html, "Partitions Detached", Integer.toString(s.partitionsDetached()));
        item(html, "Rows moved out of default partitions", Long.toString(s.rowsMovedFromDefault()));
        item(html, "Validation findings", Integer.toString(s.validationFindings()));
        html.append("</ul>\n");
    }

    private static void database(StringBuilder html, DatabaseSection section, boolean dryRun) {
        html.append("<h2>Database ").append(escape(section.database())).append("</h2>\n<ul>\n");
        if (!section.reachable()) {
            html.append("<li>⚠️ unreachable: ").append(escape(ReportCells.orElse(section.error(), "no reason given")))
                    .append("</li>\n");
        }
        for (OperationLine op : section.operations()) {
            html.append("<li>").append(ReportCells.emoji(op.status())).append(' ')
                    .append(escape(ReportCells.sentence(op))).append("</li>\n");
        }
        html.append("</ul>\n");
        notes(html, "Planner notes", section.notes());
        notes(html, "Validation findings", section.validationFindings());
        sizes(html, section.operations());
        if (dryRun) {
            sql(html, section.operations());
        }
    }

    private static void notes(StringBuilder html, String title, List<TableNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        html.append("<h3>").append(title).append("</h3>\n<table>\n")
                .append("<tr><th>Table</th><th>Kind</th><th>Partition</th><th>Rows</th><th>Detail</th></tr>\n");
        for (TableNote n : notes) {
            html.append("<tr><td>").append(escape(n.table())).append("</td><td>").append(escape(n.kind()))
                    .append("</td><td>").append(escape(n.partition() == null ? "—" : n.partition()))
                    .append("</td><td class=\"num\">").append(n.rows() == null ? "" : n.rows())
                    .append("</td><td>").append(escape(n.detail())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void sizes(StringBuilder html, List<OperationLine> operations) {
        for (OperationLine op : operations) {
            if (op.partitions().isEmpty()) {
                continue;
            }
            html.append("<h3>Partition sizes after the run: ").append(escape(op.table())).append("</h3>\n");
            html.append(SvgBarChart.render(op.table(), op.partitions()));
            html.append("<table>\n<tr><th>Partition</th><th>From</th><th>To</th><th>Rows (est.)</th>"
                    + "<th>Size (MB)</th></tr>\n");
            for (PartitionSize p : op.partitions()) {
                html.append("<tr><td>").append(escape(p.name())).append("</td><td>")
                        .append(ReportCells.bound(p, true)).append("</td><td>").append(ReportCells.bound(p, false))
                        .append("</td><td class=\"num\">").append(ReportCells.rows(p.rowEstimate()))
                        .append("</td><td class=\"num\">").append(ReportCells.megabytes(p.sizeBytes()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static void sql(StringBuilder html, List<OperationLine> operations) {
        if (operations.stream().allMatch(op -> op.sql().isEmpty())) {
            return;
        }
        html.append("<h3>SQL (dry run, not executed)</h3>\n");
        for (OperationLine op : operations) {
            if (!op.sql().isEmpty()) {
                html.append("<h4>").append(escape(op.operation() + ": " + ReportCells.target(op))).append("</h4>\n")
                        .append("<pre><code>").append(escape(String.join("\n", op.sql().stream().map(
                                MarkdownRenderer::terminated).toList()))).append("</code></pre>\n");
            }
        }
    }

    private static void item(StringBuilder html, String label, String value) {
        html.append("<li><strong>").append(label).append("</strong>: ").append(escape(value)).append("</li>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        return ReportCells.html(text);
    }
}
