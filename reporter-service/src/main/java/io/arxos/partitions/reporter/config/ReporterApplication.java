package io.arxos.partitions.reporter.config;

import io.arxos.partitions.reporter.app.analysis.AnalysisRuns;
import io.arxos.partitions.reporter.app.benchmark.BenchmarkRuns;
import io.arxos.partitions.reporter.app.maintenance.MaintenanceRuns;
import io.arxos.partitions.reporter.app.run.ReportEvents;
import io.arxos.partitions.reporter.files.ReportArchive;
import io.arxos.partitions.reporter.http.MicrometerReportEvents;
import io.arxos.partitions.reporter.json.AnalysisJsonFormat;
import io.arxos.partitions.reporter.json.BenchmarkJsonFormat;
import io.arxos.partitions.reporter.json.JsonReportFormat;
import io.arxos.partitions.reporter.kafka.ReportFileWriter;
import io.arxos.partitions.reporter.kafka.ReportTopology;
import io.arxos.partitions.reporter.kafka.StreamsFailureHandler;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.SchemaSubjects;
import io.arxos.partitions.schemas.TopicProvisioner;
import io.arxos.partitions.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Wires the reporter: the topology (one run assembly per kind of run, with its JSON format and metrics), the report
 * archives and the file writer. Quarkus runs the topology and serves HTTP; everything else is built here.
 */
@ApplicationScoped
public class ReporterApplication {

    private static final Logger LOG = Logger.getLogger(ReporterApplication.class);

    /** Kafka and registry client settings under their native names ({@code kafka.*}, {@code schema.registry.url}). */
    @Produces
    @Singleton
    KafkaSettings kafkaSettings(Config config) {
        return KafkaSettings.from(config.getPropertyNames(), name -> config.getOptionalValue(name, String.class));
    }

    @Produces
    @Singleton
    @Named("maintenance")
    ReportArchive reportArchive(ReporterConfig config) {
        ReporterConfig.validate(config);
        return ReportArchive.maintenance(Path.of(config.outputDir()));
    }

    @Produces
    @Singleton
    @Named("analyses")
    ReportArchive analysisArchive(ReporterConfig config) {
        ReporterConfig.validate(config);
        return ReportArchive.analyses(Path.of(config.outputDir()));
    }

    @Produces
    @Singleton
    @Named("benchmarks")
    ReportArchive benchmarkArchive(ReporterConfig config) {
        ReporterConfig.validate(config);
        return ReportArchive.benchmarks(Path.of(config.outputDir()));
    }

    /** Quarkus hands the stream threads' failures to this bean. */
    @Produces
    @Singleton
    StreamsUncaughtExceptionHandler streamsFailureHandler() {
        return new StreamsFailureHandler();
    }

    /** The text an analysis or benchmark report may carry: its topic's record limit, less room for the rest. */
    static final long WHOLE_REPORT_TEXT_BYTES = Topics.REPORT_MAX_BYTES - 256 * 1024;

    @Produces
    @Singleton
    ReportEvents reportEvents(MeterRegistry meters) {
        return new MicrometerReportEvents(meters);
    }

    /**
     * The topology, after creating any missing topic: Quarkus Kafka Streams asks for the topology before it waits for
     * {@code quarkus.kafka-streams.topics}, and would otherwise wait forever on a fresh cluster.
     */
    @Produces
    @Singleton
    Topology topology(ReporterConfig config, KafkaSettings settings, ReportEvents events) {
        ReporterConfig.validate(config);
        List<String> created = TopicProvisioner.ensureTopics(settings.admin(), config.topics().replicationFactor(),
                config.topics().auditRetention().orElse(null), config.topics().timeout());
        SchemaSubjects.govern(settings);
        if (created.isEmpty()) {
            LOG.infof("all topics exist on %s", settings.bootstrapServers());
        } else {
            LOG.infof("created topics %s on %s", created, settings.bootstrapServers());
        }
        return ReportTopology.build(new ReportTopology.Settings(settings.registry(), config.punctuateInterval(),
                config.finishedRetention(), config.orphanTtl()),
                new MaintenanceRuns(events, JsonReportFormat::open, config.reportPageBytes()),
                new AnalysisRuns(events, config.analysisAssemblyTimeout(), AnalysisJsonFormat::render,
                        WHOLE_REPORT_TEXT_BYTES, config.reportPageBytes()),
                new BenchmarkRuns(events, BenchmarkJsonFormat::render, WHOLE_REPORT_TEXT_BYTES));
    }

    @Produces
    @Singleton
    ReportFileWriter reportFileWriter(KafkaSettings settings, @Named("maintenance") ReportArchive reports,
            @Named("analyses") ReportArchive analyses, @Named("benchmarks") ReportArchive benchmarks,
            ReporterConfig config) {
        return new ReportFileWriter(settings, reports, analyses, benchmarks, config.files().enabled());
    }

    void start(@Observes StartupEvent event, ReportFileWriter files) {
        files.start();
    }

    void stop(@Observes ShutdownEvent event, ReportFileWriter files) {
        files.stop();
    }
}
