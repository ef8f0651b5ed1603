package io.arxos.partitions.reporter.domain.benchmark;

import static io.arxos.partitions.reporter.domain.ReportCells.html;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.change;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.partitions;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.ratio;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.spread;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.verdict;

import io.arxos.partitions.reporter.domain.ReportCells;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.QueryRow;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.Regression;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.TableSection;

/** The benchmark report as a standalone HTML page: the Markdown's content, with a chart per table. */
public final class BenchmarkHtmlRenderer {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;"
            + "padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;"
            + "padding:.2rem .5rem}td.num{text-align:right}pre{background:#f5f5f5;padding:.5rem;overflow-x:auto}"
            + "tr.SLOWER td{background:#ffebee}tr.VOID td{background:#fff8e1}";

    private BenchmarkHtmlRenderer() {
    }

    public static String render(BenchmarkReport r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<title>Performance Benchmark Report — ").append(html(r.benchmarkId())).append("</title>\n");
        h.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<h1>Performance Benchmark Report</h1>\n");
        h.append("<p>Benchmark <code>").append(html(r.benchmarkId())).append("</code>, generated ")
                .append(r.generatedAt()).append(", requested by ").append(html(r.requestedBy())).append(": <strong>")
                .append(r.status()).append("</strong> (exit code ").append(r.exitCode()).append(")</p>\n");
        BenchmarkReport.Summary s = r.summary();
        h.append("<h2>Executive summary</h2>\n<ul><li>").append(s.tables()).append(" tables, ").append(s.queries())
                .append(" queries: faster ").append(s.faster()).append(", no significant difference ")
                .append(s.unchanged()).append(", slower ").append(s.slower()).append(", void ").append(s.voided())
                .append("</li>\n");
        if (s.averageChangePercent() != null) {
            h.append("<li>Average median change ").append(change(s.averageChangePercent())).append("; best ")
                    .append(html(s.best().query() + " on " + s.best().table())).append(' ')
                    .append(change(s.best().changePercent())).append("; worst ")
                    .append(html(s.worst().query() + " on " + s.worst().table())).append(' ')
                    .append(change(s.worst().changePercent())).append("</li>\n");
        }
        h.append("</ul>\n");
        if (!r.regressions().isEmpty()) {
            h.append(
                    "<h2>Regressions</h2>\n<table><tr><th>Table</th><th>Query</th><th>Change</th><th>Noise</th></tr>\n");
            for (Regression g : r.regressions()) {
                h.append("<tr class=\"SLOWER\"><td>").append(html(g.table())).append("</td><td>").append(html(g
                        .query()))
                        .append("</td><td class=\"num\">").append(change(g.changePercent()))
                        .append("</td><td class=\"num\">±").append(String.format(java.util.Locale.ROOT, "%.1f %%",
                                g.noisePercent()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        list(h, "Not measured", r.failures());
        for (TableSection t : r.tables()) {
            table(h, t);
        }
        list(h, "Left out", r.skipped());
        h.append("<h2>Method</h2>\n<p>").append(html(BenchmarkMarkdownRenderer.method(r))).append("</p>\n");
        return h.append("</body>\n</html>\n").toString();
    }

    private static void list(StringBuilder h, String title, java.util.List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        h.append("<h2>").append(title).append("</h2>\n<ul>\n");
        lines.forEach(l -> h.append("<li>").append(html(l)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static void table(StringBuilder h, TableSection t) {
        h.append("<h2>").append(html(t.table().key())).append("</h2>\n<ul>\n<li>Before: <code>")
                .append(html(t.before())).append("</code> — ").append(html(t.baseline() + ": " + t.baselineMeaning()))
                .append("</li>\n<li>After: <code>").append(html(t.after())).append("</code>, ")
                .append(t.partitionsInTable()).append(" partitions</li>\n<li>VACUUM ANALYZE first: ")
                .append(ReportCells.yesNo(t.vacuumed())).append("</li>\n<li>Status: ").append(html(t.status()))
                .append(", ").append(ReportCells.duration(t.durationMillis()))
                .append(t.error() == null ? "" : " — " + html(t.error())).append("</li>\n</ul>\n");
        if (t.queries().isEmpty()) {
            return;
        }
        h.append(BenchmarkChart.render(t.table().key(), t.queries()));
        h.append("<table><tr><th>Query</th><th>Before median (min–p95)</th><th>After median (min–p95)</th>"
                + "<th>Change</th><th>Verdict</th><th>Partitions scanned after</th><th>Cache hit before / after</th>"
                + "<th>Plan before → after</th></tr>\n");
        for (QueryRow q : t.queries()) {
            h.append("<tr class=\"").append(q.verdict()).append("\"><td title=\"").append(html(q.sql())).append("\">")
                    .append(html(q.name())).append("</td><td class=\"num\">").append(spread(q.before()))
                    .append("</td><td class=\"num\">").append(spread(q.after())).append("</td><td class=\"num\">")
                    .append(change(q.changePercent())).append("</td><td>").append(verdict(q.verdict()))
                    .append(q.voidReason() == null ? "" : ": " + html(q.voidReason())).append("</td><td>")
                    .append(partitions(q.partitionsScannedAfter(), t.partitionsInTable(), true)).append("</td><td>")
                    .append(ratio(q.cacheHitBefore())).append(" / ").append(ratio(q.cacheHitAfter()))
                    .append("</td><td>").append(html(q.planBefore() + " → " + q.planAfter())).append("</td></tr>\n");
        }
        h.append("</table>\n<details><summary>Queries</summary>\n");
        for (QueryRow q : t.queries()) {
            h.append("<p><strong>").append(html(q.name())).append("</strong>: ").append(html(q.description()))
                    .append("</p>\n<pre>").append(html(q.sql())).append("</pre>\n");
        }
        h.append("</details>\n");
    }
}
