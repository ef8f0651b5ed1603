package io.arxos.partitions.reporter.domain.analysis;

import static io.arxos.partitions.reporter.domain.analysis.SampleAnalyses.REPORTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Estimate;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.Recommendation;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable.RowsPerMonth;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport.Summary;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisReportBuilderTest {

    private static final YearMonth JUNE_2025 = YearMonth.of(2025, 6);

    @Test
    void listsCandidatesByPriorityThenSizeAndCountsEveryPriority() {
        AnalysisReport report = AnalysisReportBuilder.build(SampleAnalyses.run(), SampleAnalyses.tables(),
                ReportStatus.COMPLETE, REPORTED_AT);

        assertThat(report.tables()).extracting(AnalysedTable::key).containsExactly("orders/public.events",
                "orders/public.orders", "orders/public.countries");
        Summary s = report.summary();
        assertThat(List.of(s.tablesAnalysed(), s.high(), s.medium(), s.low(), s.blocked(), s.notRecommended()))
                .containsExactly(3, 1, 0, 0, 1, 1);
        assertThat(s.highTables()).containsExactly("orders/public.events");
        assertThat(s.blockedTables()).containsExactly("orders/public.orders");
        assertThat(s.candidates()).extracting(AnalysisReport.CandidateLine::blockers).containsExactly(0, 1);
        assertThat(report.generatedAt()).isEqualTo("2025-06-15T10:01:05Z");
    }

    @Test
    void exitsZeroWhenEveryDatabaseWasAnalysedAndEveryTableArrived() {
        AnalysedRun clean = SampleAnalyses.run("a-clean", 3, SampleAnalyses.ordersDatabase(3));

        assertThat(AnalysisReportBuilder.build(clean, SampleAnalyses.tables(), ReportStatus.COMPLETE, REPORTED_AT)
                .exitCode()).isZero();
    }

    @Test
    void exitsOneWhenADatabaseFailedTheReportIsIncompleteOrTheRequestWasRefused() {
        AnalysedRun clean = SampleAnalyses.run("a-clean", 3, SampleAnalyses.ordersDatabase(3));

        assertThat(AnalysisReportBuilder.build(SampleAnalyses.run(), SampleAnalyses.tables(), ReportStatus.COMPLETE,
                REPORTED_AT).exitCode()).isEqualTo(1);
        AnalysisReport incomplete = AnalysisReportBuilder.build(clean, List.of(SampleAnalyses.events()),
                ReportStatus.INCOMPLETE, REPORTED_AT);
        assertThat(incomplete.exitCode()).isEqualTo(1);
        assertThat(incomplete.missingTables()).isEqualTo(2);
        assertThat(AnalysisReportBuilder.build(SampleAnalyses.refused("r", "no such database"), List.of(),
                ReportStatus.COMPLETE, REPORTED_AT).exitCode()).isEqualTo(1);
    }

    @Test
    void takesRowsPerMonthFromTheLatestMonthBeforeTheAnalysisMonth() {
        assertThat(SampleAnalyses.events().rowsPerMonth(JUNE_2025))
                .contains(new RowsPerMonth(40_200_000, "2025-05"));
        assertThat(SampleAnalyses.countries().rowsPerMonth(JUNE_2025)).isEmpty();
    }

    @Test
    void averagesRowsPerMonthWhenNoMonthIsOverYet() {
        assertThat(SampleAnalyses.orders().rowsPerMonth(YearMonth.of(2025, 4)))
                .contains(new RowsPerMonth(2_500_000, "average of 3 months"));
    }

    @Test
    void countsPartitionsOfAPartitionedTableOrFromTheEstimates() {
        AnalysedTable events = SampleAnalyses.events();
        Recommendation r = events.recommendation();
        AnalysedTable partitioned = new AnalysedTable(events.table(), true, 24, true, 1, 1, 0, 1, events.activity(),
                List.of(), List.of(), List.of(), List.of(), r);
        Recommendation otherName = new Recommendation(r.priority(), r.partitionKey(), r.strategy(), r.interval(),
                r.retentionMonths(), r.premake(), r.advice(), List.of(
                        new Estimate("partitions_touched_7_day_query", "Touched", 2.0, "partitions", "q"),
                        new Estimate("monthly_partitions", "Partitions", 11.0, "partitions", "range")),
                r.migrationStatements());
        AnalysedTable unnamed = new AnalysedTable(events.table(), false, 0, false, 1, 1, 0, 1, events.activity(),
                List.of(), List.of(), List.of(), List.of(), otherName);

        assertThat(events.partitions()).contains(9L);
        assertThat(partitioned.partitions()).contains(24L);
        assertThat(unnamed.partitions()).contains(11L);
        assertThat(SampleAnalyses.countries().partitions()).isEmpty();
    }
}
