package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts emitted reports by status: {@code reporter_reports_total{status=…}} and
 * {@code reporter_analysis_reports_total{status=…}} and {@code reporter_benchmark_reports_total{status=…,regression=…}}
 * on /q/metrics.
 */
public class MicrometerReportEvents implements ReportEvents {

    private final MeterRegistry registry;

    public MicrometerReportEvents(MeterRegistry registry) {
        this.registry = registry;
        for (ReportStatus status : ReportStatus.values()) {
            // registered up front so dashboards see zeros rather than missing series
            registry.counter("reporter.reports", "status", status.name());
            registry.counter("reporter.analysis.reports", "status", status.name());
            registry.counter("reporter.benchmark.reports", "status", status.name(), "regression", "false");
        }
    }

    @Override
    public void reportEmitted(String runId, ReportStatus status, int exitCode) {
        registry.counter("reporter.reports", "status", status.name()).increment();
    }

    @Override
    public void analysisReportEmitted(String analysisId, ReportStatus status, int exitCode) {
        registry.counter("reporter.analysis.reports", "status", status.name()).increment();
    }

    @Override
    public void benchmarkReportEmitted(String benchmarkId, ReportStatus status, int exitCode) {
        registry.counter("reporter.benchmark.reports", "status", status.name(), "regression",
                Boolean.toString(exitCode == 2)).increment();
    }
}
