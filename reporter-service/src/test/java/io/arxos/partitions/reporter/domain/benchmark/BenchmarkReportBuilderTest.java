package io.arxos.partitions.reporter.domain.benchmark;

import static io.arxos.partitions.reporter.domain.benchmark.Benchmarks.AT;
import static io.arxos.partitions.reporter.domain.benchmark.Benchmarks.outcome;
import static io.arxos.partitions.reporter.domain.benchmark.Benchmarks.pair;
import static io.arxos.partitions.reporter.domain.benchmark.Benchmarks.plan;
import static io.arxos.partitions.reporter.domain.benchmark.Benchmarks.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkReportBuilderTest {

    private static final TableBenchmark.QueryPair FASTER = pair("last_7_days", side("before", "x", 0, 10, 10.1, 9.9,
            10.2, 9.8, 10, 10.1, 9.9, 10), side("after", "x", 1, 1, 1.1, 0.9, 1, 1.05, 0.95, 1, 1, 1.02));
    private static final TableBenchmark.QueryPair SLOWER = pair("group_by_action_all", side("before", "y", 0, 1, 1.1,
            0.9, 1, 1.05, 0.95, 1, 1, 1.02), side("after", "y", 13, 3, 3.1, 2.9, 3.2, 3, 3.05, 2.95, 3, 3.1));

    @Test
    void regressionsComeFirstAndSetExitCodeTwo() {
        BenchmarkReport r = BenchmarkReportBuilder.build(plan("benchmark:1"), List.of(outcome("SUCCEEDED", FASTER,
                SLOWER)), ReportStatus.COMPLETE, AT);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.regressions()).singleElement().satisfies(g -> {
            assertThat(g.query()).isEqualTo("group_by_action_all");
            assertThat(g.changePercent()).isGreaterThan(150);
        });
        assertThat(r.tables().get(0).queries()).extracting(BenchmarkReport.QueryRow::name)
                .containsExactly("group_by_action_all", "last_7_days");
        assertThat(r.summary().faster()).isEqualTo(1);
        assertThat(r.summary().slower()).isEqualTo(1);
        assertThat(r.summary().best().query()).isEqualTo("last_7_days");
        assertThat(r.summary().worst().query()).isEqualTo("group_by_action_all");
    }

    @Test
    void onlyGainsAndTiesExitZero() {
        BenchmarkReport r = BenchmarkReportBuilder.build(plan("benchmark:1"), List.of(outcome("SUCCEEDED", FASTER)),
                ReportStatus.COMPLETE, AT);

        assertThat(r.exitCode()).isZero();
        assertThat(r.tables().get(0).queries().get(0).partitionsScannedAfter()).isEqualTo(1);
        assertThat(r.skipped()).singleElement().asString().contains("no unpartitioned twin");
    }

    @Test
    void aMissingOutcomeIsNamedAndTheReportExitsOne() {
        BenchmarkReport r = BenchmarkReportBuilder.build(plan("benchmark:1", "benchmark:2"), List.of(outcome(
                "SUCCEEDED", FASTER)), ReportStatus.INCOMPLETE, AT);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.failures()).singleElement().asString().contains("no outcome by the deadline");
    }

    @Test
    void aVoidComparisonIsNoPass() {
        TableBenchmark.QueryPair different = pair("q", side("before", "1", 0, 1, 1, 1), side("after", "2", 1, 1, 1,
                1));
        BenchmarkReport r = BenchmarkReportBuilder.build(plan("benchmark:1"), List.of(outcome("SUCCEEDED",
                different)), ReportStatus.COMPLETE, AT);

        assertThat(r.summary().voided()).isEqualTo(1);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.summary().averageChangePercent()).isNull();
    }

    @Test
    void theRenderingsShowTheVerdictsSpreadAndChart() {
        BenchmarkReport r = BenchmarkReportBuilder.build(plan("benchmark:1"), List.of(outcome("SUCCEEDED", FASTER,
                SLOWER)), ReportStatus.COMPLETE, AT);

        String md = BenchmarkMarkdownRenderer.render(r);
        assertThat(md).startsWith("# Performance Benchmark Report").contains("## Executive Summary",
                "## Regressions", "| group_by_action_all |", "SLOWER", "faster", "1 of 13", "Index Scan ×1",
                "Mann-Whitney");
        assertThat(md.indexOf("## Regressions")).isLessThan(md.indexOf("## arxos/public.audit_logs_legacy"));
        String html = BenchmarkHtmlRenderer.render(r);
        assertThat(html).contains("<svg", "<title>Query times before and after partitioning",
                "<tr class=\"SLOWER\">");
    }
}
