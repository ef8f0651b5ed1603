package io.arxos.partitions.reporter.domain.benchmark;

import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.change;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.partitions;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.ratio;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.spread;
import static io.arxos.partitions.reporter.domain.benchmark.BenchmarkCells.verdict;

import io.arxos.partitions.reporter.domain.ReportCells;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.QueryRow;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.Regression;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.TableSection;
import java.util.Locale;

/** The benchmark report as Markdown, like the guide's performance_benchmark.md, regressions before gains. */
public final class BenchmarkMarkdownRenderer {

    private BenchmarkMarkdownRenderer() {
    }

    public static String render(BenchmarkReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Performance Benchmark Report\n\n");
        md.append("**Benchmark:** `").append(r.benchmarkId()).append("`  \n");
        md.append("**Generated:** ").append(r.generatedAt()).append("  \n");
        md.append("**Requested by:** ").append(r.requestedBy()).append("  \n");
        md.append("**Status:** ").append(r.status()).append(" (exit code ").append(r.exitCode()).append(")\n\n");
        summary(md, r);
        if (!r.regressions().isEmpty()) {
            md.append("## Regressions\n\n| Table | Query | Change | Noise | p |\n|---|---|---:|---:|---:|\n");
            for (Regression g : r.regressions()) {
                md.append("| ").append(g.table()).append(" | ").append(g.query()).append(" | ")
                        .append(change(g.changePercent())).append(" | ±")
                        .append(String.format(Locale.ROOT, "%.1f %%", g.noisePercent())).append(" | ")
                        .append(BenchmarkCells.pValue(g.pValue())).append(" |\n");
            }
            md.append('\n');
        }
        if (!r.failures().isEmpty()) {
            md.append("## Not measured\n\n");
            r.failures().forEach(f -> md.append("- ").append(ReportCells.cell(f)).append('\n'));
            md.append('\n');
        }
        for (TableSection t : r.tables()) {
            table(md, t);
        }
        if (!r.skipped().isEmpty()) {
            md.append("## Left out\n\n");
            r.skipped().forEach(s -> md.append("- ").append(s).append('\n'));
            md.append('\n');
        }
        md.append("## Method\n\n").append(method(r)).append('\n');
        return md.toString();
    }

    /** How the figures were obtained, in words (shared with the HTML page). */
    public static String method(BenchmarkReport r) {
        return "Each query ran on both relations alternately (ABBA: the side that goes first alternates), "
                + r.warmups() + " warm-up runs per side discarded, then " + r.runs() + " timed runs per side, each in "
                + "its own read-only transaction, timed at the client from sending the query to reading its last row. "
                + "A verdict is faster or slower only when a Mann-Whitney U test on the runs gives p < "
                + Verdict.ALPHA + " and the median moved by at least " + (int) (Verdict.MIN_EFFECT * 100)
                + " %, by at least " + Verdict.MIN_EFFECT_MILLIS
                + " ms and by more than the noise (the larger side's interquartile range, in percent of the before "
                + "median). A comparison is void when the two sides returned different rows (row count and an "
                + "order-independent checksum) or a side could not be measured. Partitions, buffers and scan nodes "
                + "come from one EXPLAIN (ANALYZE, BUFFERS) per side after the timed runs.\n";
    }

    private static void summary(StringBuilder md, BenchmarkReport r) {
        BenchmarkReport.Summary s = r.summary();
        md.append("## Executive Summary\n\n");
        md.append("- Tables benchmarked: ").append(s.tables()).append('\n');
        md.append("- Queries compared: ").append(s.queries()).append(" — faster ").append(s.faster())
                .append(", no significant difference ").append(s.unchanged()).append(", slower ").append(s.slower())
                .append(", void ").append(s.voided()).append('\n');
        if (s.averageChangePercent() != null) {
            md.append("- Average median change: ").append(change(s.averageChangePercent())).append('\n');
            md.append("- Best: ").append(s.best().query()).append(" on ").append(s.best().table()).append(" ")
                    .append(change(s.best().changePercent())).append('\n');
            md.append("- Worst: ").append(s.worst().query()).append(" on ").append(s.worst().table()).append(" ")
                    .append(change(s.worst().changePercent())).append('\n');
        }
        md.append('\n');
    }

    private static void table(StringBuilder md, TableSection t) {
        md.append("## ").append(t.table().key()).append("\n\n");
        md.append("- Before: `").append(t.before()).append("` — ").append(t.baseline()).append(": ")
                .append(t.baselineMeaning()).append('\n');
        md.append("- After: `").append(t.after()).append("`, ").append(t.partitionsInTable())
                .append(" partitions\n");
        md.append("- VACUUM ANALYZE first: ").append(ReportCells.yesNo(t.vacuumed()))
                .append(t.vacuumed() ? "" : " (statistics may be stale on a side)").append('\n');
        md.append("- Status: ").append(t.status()).append(", ").append(ReportCells.duration(t.durationMillis()))
                .append(t.error() == null ? "" : " — " + ReportCells.cell(t.error())).append("\n\n");
        if (t.queries().isEmpty()) {
            return;
        }
        boolean plainBefore = !"pruning-off".equals(t.baseline());
        md.append("| Query | Before median (min–p95) | After median (min–p95) | Change | Verdict | Partitions scanned "
                + "after | Cache hit before / after | Plan before → after |\n");
        md.append("|---|---:|---:|---:|---|---|---|---|\n");
        for (QueryRow q : t.queries()) {
            md.append("| ").append(q.name()).append(" | ").append(spread(q.before())).append(" | ")
                    .append(spread(q.after())).append(" | ").append(change(q.changePercent())).append(" | ")
                    .append(verdict(q.verdict()))
                    .append(q.voidReason() == null ? "" : ": " + ReportCells.cell(q.voidReason())).append(" | ")
                    .append(partitions(q.partitionsScannedAfter(), t.partitionsInTable(), true))
                    .append(plainBefore ? "" : " (before: " + q.partitionsScannedBefore() + ")").append(" | ")
                    .append(ratio(q.cacheHitBefore())).append(" / ").append(ratio(q.cacheHitAfter())).append(" | ")
                    .append(q.planBefore()).append(" → ").append(q.planAfter()).append(" |\n");
        }
        md.append("\n### Queries\n\n");
        for (QueryRow q : t.queries()) {
            md.append("- **").append(q.name()).append("** (").append(q.category()).append("): ")
                    .append(q.description()).append("; ").append(q.rowsAfter()).append(" rows, ")
                    .append("noise ±").append(q.noisePercent() == null ? "—"
                            : String.format(Locale.ROOT, "%.1f %%", q.noisePercent()))
                    .append(", p = ").append(BenchmarkCells.pValue(q.pValue())).append("\n\n");
            String fence = ReportCells.fence(q.sql());
            md.append("  ").append(fence).append("sql\n  ").append(q.sql()).append("\n  ").append(fence)
                    .append("\n\n");
        }
    }
}
