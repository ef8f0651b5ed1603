package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.BenchmarkReport;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.reporter.files.ReportArchive;
import io.arxos.partitions.reporter.files.ReportPageFiles;
import io.arxos.partitions.schemas.DeadLetters;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.PollLoop;
import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.SchemaRegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Writes every published report to files. It reads {@code partitions.reports},
 * {@code partitions.analysis-reports} and {@code partitions.benchmark-reports} (and the pages of large reports on
 * {@code partitions.report-pages}, assembled on disk) itself (read_committed, all partitions, from the beginning, no consumer group)
 * rather than writing from the stream processor: files then hold only reports whose transaction committed, every
 * replica of the service serves every report whichever instance built it, and a fresh disk is refilled from the
 * topics at start-up.
 */
public class ReportFileWriter {

    private static final Logger LOG = Logger.getLogger(ReportFileWriter.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final KafkaSettings settings;
    private final ReportArchive archive;
    private final ReportArchive analyses;
    private final ReportArchive benchmarks;
    private final boolean enabled;
    private volatile Follower loop;
    private volatile boolean assigned;
    private Deserializer<RunReport> reports;
    private Deserializer<RunReportPage> pages;
    private PagedReports paged;
    private Deserializer<AnalysisReport> analysisReports;
    private Deserializer<BenchmarkReport> benchmarkReports;
    private KafkaDeadLetterSink deadLetters;

    /** @param enabled false: write nothing ({@code reporter.files.enabled=false}) */
    public ReportFileWriter(KafkaSettings settings, ReportArchive archive, ReportArchive analyses,
            ReportArchive benchmarks, boolean enabled) {
        this.settings = settings;
        this.archive = archive;
        this.analyses = analyses;
        this.benchmarks = benchmarks;
        this.enabled = enabled;
    }

    /** Starts following the report topics on a thread of its own. */
    public void start() {
        if (!enabled) {
            LOG.info("report files disabled (reporter.files.enabled=false)");
            return;
        }
        Map<String, Object> props = settings.consumer("unused", "reporter-report-files");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no group: every instance reads all
        // small fetches: reports are few, and large buffers would dominate a 64 MB heap while catching up
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20");
        // report pages are up to 512 KB each: no more than a few per partition fetch
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(1024 * 1024));
        reports = Topics.REPORTS.valueSerde(settings.registry()).deserializer();
        pages = Topics.REPORT_PAGES.valueSerde(settings.registry()).deserializer();
        paged = new PagedReports(new ReportPageFiles(archive.directory().resolve(".pages")));
        analysisReports = Topics.ANALYSIS_REPORTS.valueSerde(settings.registry()).deserializer();
        benchmarkReports = Topics.BENCHMARK_REPORTS.valueSerde(settings.registry()).deserializer();
        deadLetters = new KafkaDeadLetterSink(settings.admin(), "reporter-report-files-dead-letters");
        loop = new Follower(new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        Thread thread = new Thread(loop, "reporter-report-files");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("writing reports to %s, analyses to %s and benchmarks to %s", archive.directory(),
                analyses.directory(), benchmarks.directory());
    }

    public void stop() {
        Follower running = loop;
        if (running != null) {
            running.close();
        }
    }

    /** True once the writer follows every partition of the report topics. */
    public boolean following() {
        Follower running = loop;
        return running != null && running.isPolling() && assigned;
    }

    /** The poll loop that follows the report topics. */
    private final class Follower extends PollLoop {

        Follower(KafkaConsumer<byte[], byte[]> consumer) {
            super("report files", consumer, RETRY_PAUSE, List.of(deadLetters));
        }

        @Override
        protected void start(KafkaConsumer<byte[], byte[]> consumer) {
            assign(consumer);
        }

        @Override
        protected void round(KafkaConsumer<byte[], byte[]> consumer) throws InterruptedException {
            follow(consumer);
        }
    }

    private void follow(KafkaConsumer<byte[], byte[]> consumer) throws InterruptedException {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofSeconds(1));
        boolean retry = false;
        // per partition: a record that must be retried rewinds only its own partition; the consumer's position in
        // the other partitions of the batch has moved on already, so they are written now
        for (TopicPartition partition : batch.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : batch.records(partition)) {
                String topic = record.topic();
                boolean done = topic.equals(Topics.ANALYSIS_REPORTS.name())
                        ? write(record, analysisReports, this::writeAnalysis, deadLetters)
                        : topic.equals(Topics.BENCHMARK_REPORTS.name())
                                ? write(record, benchmarkReports, this::writeBenchmark, deadLetters)
                                : topic.equals(Topics.REPORT_PAGES.name())
                                        ? write(record, pages, paged::page, deadLetters)
                                        : write(record, reports, this::writeReport, deadLetters);
                if (!done) {
                    // registry or disk trouble: read this record again after a pause
                    consumer.seek(partition, record.offset());
                    retry = true;
                    break;
                }
            }
        }
        if (retry) {
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    /** Every partition of both report topics, from the beginning; waits until the topics exist. */
    private void assign(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.REPORTS.name(), Topics.REPORT_PAGES.name(), Topics.ANALYSIS_REPORTS.name(),
                Topics.BENCHMARK_REPORTS.name())) {
            List<TopicPartition> found = List.of();
            while (loop.running() && found.isEmpty()) {
                try {
                    found = consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                } catch (RetriableException e) {
                    LOG.debugf("partitions of %s not known yet: %s", topic, e.getMessage());
                }
                if (found.isEmpty()) {
                    // the topology producer creates the topics at start-up, maybe after this thread started
                    try {
                        Thread.sleep(RETRY_PAUSE.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            partitions.addAll(found);
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        assigned = true;
    }

    /** @return false when the record should be retried */
    private <T> boolean write(ConsumerRecord<byte[], byte[]> record, Deserializer<T> values, Archiver<T> archiver,
            KafkaDeadLetterSink deadLetters) {
        T report;
        try {
            report = values.deserialize(record.topic(), record.value());
        } catch (SchemaRegistryException e) {
            LOG.warnf("schema registry unavailable while reading a report (%s); retrying", e.getMessage());
            return false;
        } catch (SerializationException e) {
            LOG.warnf("undecodable report at %s-%d@%d sent to %s: %s", record.topic(), record.partition(),
                    record.offset(), Topics.DEAD_LETTERS, e.getMessage());
            deadLetters.send(DeadLetters.of(record, "reporter-report-files", e.getMessage()));
            return true;
        }
        if (report == null) {
            return true;
        }
        try {
            archiver.write(report);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("report at %s-%d@%d could not be written (%s); retrying", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return false;
        }
    }

    private void writeReport(RunReport report) {
        String runId = report.getEnvelope().getRunId();
        if (report.getMarkdownPages() > 0 || report.getJsonPages() > 0) {
            paged.await(report.getEnvelope().getEventId(), new PagedReports.Awaiting(archive, runId,
                    report.getStatus(), report.getMarkdownPages(), report.getJsonPages(), report.getMarkdown(),
                    report.getJson()));
            return;
        }
        archive.write(runId, report.getMarkdown(), report.getJson());
        LOG.infof("run %s: %s report written to %s", runId, report.getStatus(), archive.directory());
    }

    private void writeAnalysis(AnalysisReport report) {
        String id = report.getEnvelope().getRunId();
        if (report.getMarkdownPages() > 0 || report.getJsonPages() > 0) {
            paged.await(report.getEnvelope().getEventId(), new PagedReports.Awaiting(analyses, id,
                    report.getStatus(), report.getMarkdownPages(), report.getJsonPages(), report.getMarkdown(),
                    report.getJson()));
            return;
        }
        analyses.write(id, report.getMarkdown(), report.getJson());
        LOG.infof("analysis %s: %s report written to %s", id, report.getStatus(), analyses.directory());
    }

    private void writeBenchmark(BenchmarkReport report) {
        String id = report.getEnvelope().getRunId();
        benchmarks.write(id, report.getMarkdown(), report.getJson(), report.getHtml());
        LOG.infof("benchmark %s: %s report written to %s", id, report.getStatus(), benchmarks.directory());
    }

    /** Writes one decoded report to its archive; throws when the disk refuses. */
    private interface Archiver<T> {
        void write(T report);
    }
}
