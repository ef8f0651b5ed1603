package io.arxos.partitions.reporter;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.EVENTS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.arxos.partitions.events.AlertKind;
import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.PartitionAlert;
import io.arxos.partitions.events.ReportPageFormat;
import io.arxos.partitions.events.ReportStatus;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.reporter.domain.analysis.AnalysedTable;
import io.arxos.partitions.reporter.domain.analysis.SampleAnalyses;
import io.arxos.partitions.reporter.domain.maintenance.CommandStatus;
import io.arxos.partitions.reporter.domain.maintenance.Finding;
import io.arxos.partitions.reporter.domain.maintenance.Fixtures;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.reporter.domain.maintenance.SampleRuns;
import io.arxos.partitions.reporter.json.JsonReportFormat;
import io.arxos.partitions.reporter.kafka.AnalysisAvroEvents;
import io.arxos.partitions.reporter.kafka.AvroEvents;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.ConfluentAvroSerializer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaAndRegistryResource.class)
class ReporterIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "schema.registry.url")
    String registryUrl;
    @ConfigProperty(name = "reporter.output-dir")
    String outputDir;
    @TestHTTPResource("/")
    URI base;

    @Test
    void publishesStoresAndServesTheReportOfARunFromPlanAndOutcomes() throws Exception {
        double completeBefore = completeReports();
        KafkaSettings settings = KafkaSettings.of(bootstrapServers, registryUrl);
        String runId = "it-" + UUID.randomUUID();
        PlannedCommand create = Fixtures.create("c-create", "audit_logs_p2025_02");
        PlannedCommand validate = Fixtures.validate("c-validate", AUDIT_LOGS);
        PlannedCommand failing = Fixtures.create("c-events", "events_p2025_02");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PlannedRun plan = new PlannedRun(runId, "REQUEST", false, now, now.plus(Duration.ofMinutes(10)),
                List.of(Fixtures.database("orders", Fixtures.table(AUDIT_LOGS, List.of(), create, validate),
                        Fixtures.table(EVENTS, List.of(), failing))), null);
        Finding expired = Fixtures.finding("DEFAULT_ROWS_EXPIRED", "audit_logs_default", "5 rows before 2023-12",
                5L);
        List<Outcome> outcomes = List.of(
                outcome(runId, create, AUDIT_LOGS).build(),
                outcome(runId, validate, AUDIT_LOGS).findings(expired)
                        .partitions(Fixtures.month("audit_logs_p2025_02", 2025, 2, 120, 65_536),
                                Fixtures.defaultPartition("audit_logs_default", 5, 8192)).build(),
                outcome(runId, failing, EVENTS).status(CommandStatus.FAILED).error("23514", "default has rows")
                        .build());

        try (KafkaProducer<String, Object> producer = producer(settings)) {
            producer.send(new ProducerRecord<>(Topics.RUN_PLANS.name(), runId, AvroEvents.plan(plan))).get();
            for (Outcome o : outcomes) {
                producer.send(new ProducerRecord<>(Topics.OUTCOMES.name(), o.table().key(), AvroEvents.outcome(o)))
                        .get();
            }
        }

        RunReport report = awaitAll(settings, Topics.REPORTS, runId, 1).get(0).value();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(report.getTotalOperations()).isEqualTo(3);
        assertThat(report.getFailed()).isEqualTo(1);
        assertThat(report.getExitCode()).isEqualTo(1);
        assertThat(report.getMarkdown()).contains("- ✅ validate_table: public.audit_logs (1 finding)")
                .contains("| public.audit_logs | audit_logs_p2025_02 | 2025-02-01 | 2025-03-01 | 120 | 0.06 |");

        List<AlertKind> alerts = awaitAll(settings, Topics.ALERTS, runId, 2).stream()
                .map(r -> r.value().getKind()).toList();
        assertThat(alerts).containsExactlyInAnyOrder(AlertKind.DEFAULT_ROWS_EXPIRED, AlertKind.COMMAND_FAILED);

        Path markdown = Path.of(outputDir).resolve(runId + ".md");
        await().atMost(WAIT).until(() -> Files.exists(markdown));
        assertThat(markdown).content().isEqualTo(report.getMarkdown());

        HttpResponse<String> md = get("reports/" + runId);
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("content-type")).get().asString().startsWith("text/markdown");
        assertThat(md.body()).isEqualTo(report.getMarkdown());
        assertThat(get("reports/" + runId + ".json").body()).isEqualTo(report.getJson());
        assertThat(get("reports/" + runId + ".html").body()).contains("<h1>Partition Maintenance Report</h1>");
        assertThat(get("reports").body()).contains("\"runId\":\"" + runId + "\"");
        HttpResponse<String> missing = get("reports/no-such-run");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no md report for run 'no-such-run'");
        await().atMost(WAIT).until(() -> get("q/health/ready").statusCode() == 200);
        // the other tests' runs count as well: this one adds one
        assertThat(completeReports()).isEqualTo(completeBefore + 1);
    }

    /** reporter_reports_total{status="COMPLETE"}, 0 before the first. */
    private double completeReports() throws IOException, InterruptedException {
        Matcher m = Pattern.compile(
                "reporter_reports_total\\{[^}]*status=\"COMPLETE\"[^}]*} ([0-9.]+)").matcher(get("q/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void reportsAThousandTableRunInPagesAndStoresAndServesItWhole() throws Exception {
        KafkaSettings settings = KafkaSettings.of(bootstrapServers, registryUrl);
        String runId = "it-large-" + UUID.randomUUID();
        List<Outcome> outcomes = new ArrayList<>();
        PlannedRun fixture = SampleRuns.fleet(runId, 250, 4, outcomes);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PlannedRun plan = new PlannedRun(runId, "REQUEST", false, now, now.plus(Duration.ofMinutes(10)),
                fixture.databases(), null);
        try (KafkaProducer<String, Object> producer = producer(settings)) {
            producer.send(new ProducerRecord<>(Topics.RUN_PLANS.name(), runId, AvroEvents.plan(plan))).get();
            for (Outcome o : outcomes) {
                producer.send(new ProducerRecord<>(Topics.OUTCOMES.name(), o.table().key(), AvroEvents.outcome(o)));
            }
            producer.flush();
        }

        RunReport report = awaitAll(settings, Topics.REPORTS, runId, 1).get(0).value();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(report.getTotalOperations()).isEqualTo(4000);
        assertThat(report.getJsonPages()).isGreaterThan(1);
        List<RunReportPage> pages = awaitAll(settings, Topics.REPORT_PAGES, runId,
                report.getJsonPages() + report.getMarkdownPages()).stream().map(ConsumerRecord::value).toList();
        String json = String.join("", pages.stream().filter(p -> p.getFormat() == ReportPageFormat.JSON)
                .map(RunReportPage::getText).toList());

        Path file = Path.of(outputDir).resolve(runId + ".json");
        await().atMost(WAIT).until(() -> Files.exists(file));
        assertThat(file).content().isEqualTo(json);
        String served = get("reports/" + runId + ".json").body();
        assertThat(served).isEqualTo(json);
        assertThat(JsonReportFormat.parse(served).databases()).hasSize(250);
        assertThat(get("reports/" + runId).body()).contains("## Database db249").doesNotContain("pages long");
        assertThat(get("reports/" + runId + ".html").body()).contains("too large for one page");
        assertThat(get("reports").body()).contains("\"runId\":\"" + runId + "\"");
    }

    @Test
    void publishesStoresAndServesTheReportOfAnAnalysisFromItsRunSummaryAndTables() throws Exception {
        KafkaSettings settings = KafkaSettings.of(bootstrapServers, registryUrl);
        String id = "it-analysis-" + UUID.randomUUID();

        try (KafkaProducer<String, Object> producer = producer(settings)) {
            // tables first: they may overtake their run summary, which sits on another partition
            for (AnalysedTable table : SampleAnalyses.tables()) {
                producer.send(new ProducerRecord<>(Topics.TABLE_ANALYSES.name(), table.key(),
                        AnalysisAvroEvents.table(id, table))).get();
            }
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_RUNS.name(), id, AnalysisAvroEvents.run(
                    SampleAnalyses.run(id, 3, SampleAnalyses.ordersDatabase(3))))).get();
        }

        AnalysisReport report = awaitAll(settings, Topics.ANALYSIS_REPORTS, id, 1).get(0).value();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.COMPLETE);
        assertThat(report.getTables()).isEqualTo(3);
        assertThat(report.getHigh()).isEqualTo(1);
        assertThat(report.getBlocked()).isEqualTo(1);
        assertThat(report.getExitCode()).isZero();
        assertThat(report.getMarkdown()).contains("- **HIGH**: 1 — orders/public.events\n");

        Path markdown = Path.of(outputDir).resolve("analyses").resolve(id + ".md");
        await().atMost(WAIT).until(() -> Files.exists(markdown));
        assertThat(markdown).content().isEqualTo(report.getMarkdown());
        HttpResponse<String> md = get("analyses/" + id);
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("content-type")).get().asString().startsWith("text/markdown");
        assertThat(md.body()).isEqualTo(report.getMarkdown());
        assertThat(get("analyses/" + id + ".json").body()).isEqualTo(report.getJson());
        assertThat(get("analyses").body()).contains("\"analysisId\":\"" + id + "\"");
        assertThat(get("reports").body()).doesNotContain(id);
        HttpResponse<String> missing = get("analyses/no-such-analysis");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no md report for analysis 'no-such-analysis'");
        assertThat(get("q/metrics").body())
                .containsPattern("reporter_analysis_reports_total\\{[^}]*status=\"COMPLETE\"[^}]*} 1\\.0");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static KafkaProducer<String, Object> producer(KafkaSettings settings) {
        ConfluentAvroSerializer values = new ConfluentAvroSerializer();
        values.configure(settings.registry(), false);
        return new KafkaProducer<>(settings.producer("reporter-it"), new StringSerializer(),
                (org.apache.kafka.common.serialization.Serializer) values);
    }

    /** Reads {@code topic} until {@code count} records of the run arrived (matched by envelope run id). */
    private static <V extends org.apache.avro.specific.SpecificRecord> List<ConsumerRecord<String, V>> awaitAll(
            KafkaSettings settings, TopicSpec<V> topic, String runId, int count) {
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
                settings.consumer("reporter-it-" + UUID.randomUUID(), "reporter-it"), new StringDeserializer(),
                topic.valueSerde(settings.registry()).deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(500))) {
                    if (runId.equals(envelopeRunId(r.value()))) {
                        found.add(r);
                    }
                }
                return found.size() >= count;
            });
        }
        return found;
    }

    private static String envelopeRunId(Object value) {
        if (value instanceof RunReport report) {
            return report.getEnvelope().getRunId();
        }
        if (value instanceof AnalysisReport analysis) {
            return analysis.getEnvelope().getRunId();
        }
        if (value instanceof RunReportPage page) {
            return page.getEnvelope().getRunId();
        }
        return value instanceof PartitionAlert alert ? alert.getEnvelope().getRunId() : null;
    }
}
