package io.arxos.partitions.reporter.domain.benchmark;

import static io.arxos.partitions.reporter.domain.ReportCells.html;

import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.QueryRow;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG of one table's queries: per query a before bar and an after bar at their medians, each with a
 * whisker from the fastest run to p95, so a reader sees the spread and not only the middle. Each query has its own
 * scale (times differ by orders of magnitude between queries); the labels carry the milliseconds.
 */
final class BenchmarkChart {

    private static final int LABEL = 250;
    private static final int AREA = 360;
    private static final int VALUE = 130;
    private static final int BAR = 11;
    private static final int ROW = 2 * BAR + 12;

    private BenchmarkChart() {
    }

    static String render(String table, List<QueryRow> queries) {
        List<QueryRow> measured = queries.stream().filter(q -> q.before() != null && q.after() != null).toList();
        int height = measured.size() * ROW + 24;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(LABEL + AREA + VALUE)
                .append("\" height=\"").append(height).append("\" font-size=\"12\" font-family=\"sans-serif\">")
                .append("<title>").append(html("Query times before and after partitioning, " + table))
                .append("</title>\n");
        svg.append("<rect x=\"").append(LABEL).append("\" y=\"2\" width=\"10\" height=\"10\" fill=\"#9e9e9e\"/>")
                .append("<text x=\"").append(LABEL + 14).append("\" y=\"11\">before</text>")
                .append("<rect x=\"").append(LABEL + 70).append(
                        "\" y=\"2\" width=\"10\" height=\"10\" fill=\"#1e88e5\"/>")
                .append("<text x=\"").append(LABEL + 84).append("\" y=\"11\">after (whiskers: min–p95)</text>\n");
        int y = 22;
        for (QueryRow q : measured) {
            double scale = AREA / Math.max(Math.max(q.before().p95(), q.after().p95()), 1e-9);
            svg.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + BAR + 4)
                    .append("\" text-anchor=\"end\">").append(html(q.name())).append("</text>\n");
            bar(svg, y, q.before(), scale, "#9e9e9e");
            bar(svg, y + BAR + 2, q.after(), scale, q.verdict() == Verdict.SLOWER ? "#e53935" : "#1e88e5");
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void bar(StringBuilder svg, int y, Spread s, double scale, String colour) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                LABEL, y, Math.max(1, s.median() * scale), BAR, colour));
        double mid = y + BAR / 2.0;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
                + "stroke=\"#212121\"/>", LABEL + s.min() * scale, LABEL + s.p95() * scale, mid, mid));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", LABEL + AREA + 6, y + BAR - 1,
                html(BenchmarkCells.spread(s))));
    }
}
