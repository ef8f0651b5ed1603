package io.arxos.partitions.reporter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.events.BenchmarkOutcome;
import io.arxos.partitions.events.BenchmarkQuery;
import io.arxos.partitions.events.BenchmarkReport;
import io.arxos.partitions.events.BenchmarkRun;
import io.arxos.partitions.events.BenchmarkTarget;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.events.QueryMeasurement;
import io.arxos.partitions.events.ReportStatus;
import io.arxos.partitions.events.SideMeasurement;
import io.arxos.partitions.events.TableId;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BenchmarkTopologyTest {

    private static final Instant AT = Instant.parse("2026-12-07T14:00:00Z");
    private static final String ID = "benchmark-1";
    private final TopologyHarness harness = new TopologyHarness(AT);

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void reportsABenchmarkOnceEveryTableOfItsPlanAnswered() {
        harness.benchmarkRuns.pipeInput(ID, run("t1", "t2"));
        harness.benchmarkOutcomes.pipeInput("arxos/public.t1", outcome("t1", 10, 1));
        assertThat(harness.benchmarkReports.isEmpty()).isTrue();

        harness.benchmarkOutcomes.pipeInput("arxos/public.t2", outcome("t2", 1, 3));

        KeyValue<String, BenchmarkReport> report = harness.benchmarkReports.readKeyValue();
        assertThat(report.key).isEqualTo(ID);
        assertThat(report.value.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(report.value.getTables()).isEqualTo(2);
        assertThat(report.value.getFaster()).isEqualTo(1);
        assertThat(report.value.getSlower()).isEqualTo(1);
        assertThat(report.value.getExitCode()).isEqualTo(2);
        assertThat(report.value.getRegressions()).singleElement().satisfies(r -> assertThat(r.getTable())
                .isEqualTo("arxos/public.t2"));
        assertThat(report.value.getMarkdown()).startsWith("# Performance Benchmark Report");
        assertThat(report.value.getJson()).contains("\"benchmarkId\" : \"" + ID + "\"");
        assertThat(report.value.getHtml()).contains("<svg");
        assertThat(harness.emitted).containsExactly("benchmark " + ID + ":COMPLETE:2");
    }

    @Test
    void aTableThatNeverAnswersMakesTheReportIncompleteAtTheDeadline() {
        harness.benchmarkRuns.pipeInput(ID, run("t1", "t2"));
        harness.benchmarkOutcomes.pipeInput("arxos/public.t1", outcome("t1", 10, 1));

        harness.driver.advanceWallClockTime(Duration.ofMinutes(11));

        BenchmarkReport report = harness.benchmarkReports.readValue();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.INCOMPLETE);
        assertThat(report.getExitCode()).isEqualTo(1);
        assertThat(report.getMarkdown()).contains("arxos/public.t2: no outcome by the deadline");
    }

    private static BenchmarkRun run(String... tables) {
        return BenchmarkRun.newBuilder().setEnvelope(CoreTypes.envelope(ID, "planner-service", AT))
                .setRequestedBy("test").setTargets(List.of(tables).stream().map(BenchmarkTopologyTest::target)
                        .toList())
                .setRuns(9).setWarmups(2).setDeadline(AT.plus(Duration.ofMinutes(10))).build();
    }

    private static BenchmarkTarget target(String table) {
        return BenchmarkTarget.newBuilder().setCommandId("benchmark:" + table).setTable(TableId.newBuilder()
                .setDatabase("arxos").setSchemaName("public").setTableName(table).build())
                .setBefore("public." + table + "_backup").setAfter("public." + table).setBaseline("migration-backup")
                .setQueries(List.of(BenchmarkQuery.newBuilder().setName("last_7_days").setCategory("time_range")
                        .setDescription("rows in the last 7 days").setSql("SELECT count(*) FROM {relation}")
                        .build()))
                .build();
    }

    /** Nine runs around {@code before} ms and {@code after} ms. */
    private static BenchmarkOutcome outcome(String table, double before, double after) {
        BenchmarkTarget target = target(table);
        return BenchmarkOutcome.newBuilder().setEnvelope(CoreTypes.envelope(ID, "executor-service", AT))
                .setCommandId(target.getCommandId()).setTarget(target).setStatus(OutcomeStatus.SUCCEEDED)
                .setVacuumed(true).setPartitionsInTable(13).setDurationMillis(1500)
                .setMeasurements(List.of(QueryMeasurement.newBuilder().setQuery(target.getQueries().get(0))
                        .setBefore(side(target.getBefore(), before, 0)).setAfter(side(target.getAfter(), after, 1))
                        .build()))
                .build();
    }

    private static SideMeasurement side(String relation, double millis, int partitions) {
        return SideMeasurement.newBuilder().setRelation(relation)
                .setTimesMillis(List.of(1.0, 1.02, 0.98, 1.01, 0.99, 1.0, 1.03, 0.97, 1.0).stream()
                        .map(f -> f * millis).toList())
                .setRows(1).setChecksum("42").setPartitionsScanned(partitions).setPartitionsPrunedAtRunTime(0)
                .setSharedHitBlocks(100).setSharedReadBlocks(0).setScanNodes(List.of("Index Scan on " + relation))
                .build();
    }
}
