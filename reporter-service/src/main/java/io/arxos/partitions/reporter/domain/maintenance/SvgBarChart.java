package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.ReportCells;
import java.util.List;
import java.util.Locale;

/** An inline SVG horizontal bar chart of one table's partition sizes; the default partition is drawn in orange. */
final class SvgBarChart {

    private static final int LABEL_WIDTH = 230;
    private static final int BAR_AREA = 320;
    private static final int ROW = 22;
    private static final int BAR = 16;

    private SvgBarChart() {
    }

    static String render(String table, List<PartitionSize> partitions) {
        long max = partitions.stream().mapToLong(PartitionSize::sizeBytes).max().orElse(0);
        int height = partitions.size() * ROW + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(LABEL_WIDTH + BAR_AREA + 90)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"Partition sizes of ")
                .append(HtmlRenderer.escape(table)).append("\">\n");
        int y = 2;
        for (PartitionSize p : partitions) {
            // an empty table still gets a visible sliver, so every partition shows a bar
            int width = max <= 0 ? 1 : Math.max(1, (int) Math.round(BAR_AREA * (double) p.sizeBytes() / max));
            String mb = ReportCells.megabytes(p.sizeBytes()) + " MB";
            svg.append("  <text x=\"0\" y=\"").append(y + 13).append("\" font-size=\"12\">")
                    .append(HtmlRenderer.escape(p.name())).append("</text>\n");
            svg.append("  <rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"")
                    .append(width).append("\" height=\"").append(BAR).append("\" fill=\"")
                    .append(p.defaultPartition() ? "#d9822b" : "#3f7fbf").append("\"><title>")
                    .append(HtmlRenderer.escape(p.name())).append(": ").append(mb).append(", ")
                    .append(ReportCells.rows(p.rowEstimate())).append(" rows</title></rect>\n");
            svg.append("  <text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"").append(y + 13)
                    .append("\" font-size=\"12\">").append(String.format(Locale.ROOT, "%s", mb)).append("</text>\n");
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }
}
