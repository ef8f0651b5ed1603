package io.arxos.partitions.reporter.app.benchmark;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.app.run.WholeReportKind;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkHtmlRenderer;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkMarkdownRenderer;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkPlan;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReportBuilder;
import io.arxos.partitions.reporter.domain.benchmark.TableBenchmark;
import io.arxos.partitions.reporter.domain.run.Announcement;
import io.arxos.partitions.reporter.domain.run.PagedText;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Benchmark runs: the plan lists one command per table, so the report is complete when each has its outcome, and
 * goes out INCOMPLETE at the plan's deadline otherwise.
 *
 * @param json renders a report as JSON (the json adapter's format)
 * @param maxTextBytes the most UTF-8 text its record may carry; a larger report is replaced by one saying so
 */
public record BenchmarkRuns(ReportEvents events, Function<BenchmarkReport, String> json,
        long maxTextBytes) implements WholeReportKind<BenchmarkPlan, TableBenchmark, ComposedBenchmark> {

    @Override
    public String noun() {
        return "benchmark";
    }

    @Override
    public Announcement announce(BenchmarkPlan plan, Instant now) {
        return Announcement.of(plan.targets().stream().map(BenchmarkPlan.Target::commandId).toList(),
                plan.deadline());
    }

    @Override
    public String runId(BenchmarkPlan plan) {
        return plan.benchmarkId();
    }

    @Override
    public int exitCode(ComposedBenchmark report) {
        return report.report().exitCode();
    }

    @Override
    public long textBytes(ComposedBenchmark report) {
        return PagedText.utf8Bytes(report.markdown(), report.json(), report.html());
    }

    @Override
    public void reported(String benchmarkId, ReportStatus status, int exitCode) {
        events.benchmarkReportEmitted(benchmarkId, status, exitCode);
    }

    /** The "report a benchmark" use case: builds the report and renders it three ways. */
    @Override
    public ComposedBenchmark compose(BenchmarkPlan plan, List<TableBenchmark> tables, ReportStatus status, Instant now,
            String failure) {
        BenchmarkReport built = BenchmarkReportBuilder.build(plan, tables, status, now);
        BenchmarkReport report = failure == null ? built : built.failedWith(failure);
        return new ComposedBenchmark(report, BenchmarkMarkdownRenderer.render(report), json.apply(report),
                BenchmarkHtmlRenderer.render(report));
    }
}
