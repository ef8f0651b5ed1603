package io.arxos.partitions.reporter.app.benchmark;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.app.run.RunItems;
import io.arxos.partitions.reporter.app.run.RunKind;
import io.arxos.partitions.reporter.app.run.Settlement;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkHtmlRenderer;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkMarkdownRenderer;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkPlan;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReportBuilder;
import io.arxos.partitions.reporter.domain.benchmark.TableBenchmark;
import io.arxos.partitions.reporter.domain.run.Announcement;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.domain.run.RunProgress;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Benchmark runs: the plan lists one command per table, so the report is complete when each has its outcome, and
 * goes out INCOMPLETE at the plan's deadline otherwise.
 *
 * @param json renders a report as JSON (the json adapter's format)
 */
public record BenchmarkRuns(ReportEvents events,
        Function<BenchmarkReport, String> json) implements RunKind<BenchmarkPlan, TableBenchmark, ComposedBenchmark> {

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
    public Settlement<ComposedBenchmark> settle(BenchmarkPlan plan, RunItems<TableBenchmark> tables,
            RunProgress progress, ReportStatus status, Instant now,
            Consumer<Settlement.Keyed<ComposedBenchmark>> ahead) {
        ComposedBenchmark composed = compose(plan, tables.all(), status, now, json);
        return Settlement.report(plan.benchmarkId(), composed, composed.report().exitCode());
    }

    @Override
    public Settlement<ComposedBenchmark> unreportable(BenchmarkPlan plan, RunProgress progress, String reason,
            Instant now) {
        BenchmarkReport report = BenchmarkReportBuilder.build(plan, List.of(), ReportStatus.INCOMPLETE, now)
                .failedWith("the report of this benchmark could not be built (" + reason + ")");
        return Settlement.report(plan.benchmarkId(), new ComposedBenchmark(report, BenchmarkMarkdownRenderer.render(
                report), json.apply(report), BenchmarkHtmlRenderer.render(report)), report.exitCode());
    }

    @Override
    public void reported(String benchmarkId, ReportStatus status, int exitCode) {
        events.benchmarkReportEmitted(benchmarkId, status, exitCode);
    }

    /** The "report a benchmark" use case: builds the report and renders it three ways. */
    public static ComposedBenchmark compose(BenchmarkPlan plan, List<TableBenchmark> tables, ReportStatus status,
            Instant now, Function<BenchmarkReport, String> json) {
        BenchmarkReport report = BenchmarkReportBuilder.build(plan, tables, status, now);
        return new ComposedBenchmark(report, BenchmarkMarkdownRenderer.render(report), json.apply(report),
                BenchmarkHtmlRenderer.render(report));
    }
}
