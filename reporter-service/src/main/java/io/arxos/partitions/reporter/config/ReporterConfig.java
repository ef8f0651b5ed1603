package io.arxos.partitions.reporter.config;

import io.arxos.partitions.schemas.Topics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reporter's own settings ({@code reporter.*}); Kafka and registry settings keep their native names. */
@ConfigMapping(prefix = "reporter")
public interface ReporterConfig {

    /** Directory for {@code <runId>.md|.json|.html}. */
    @WithDefault("./reports")
    String outputDir();

    /** How often the wall-clock punctuator looks for overdue and expired runs. */
    @WithDefault("5s")
    Duration punctuateInterval();

    /** How long a reported run's state is kept (late outcomes of an incomplete run still update its report). */
    @WithDefault("P7D")
    Duration finishedRetention();

    /** How long outcomes whose run plan never arrives are kept. */
    @WithDefault("P1D")
    Duration orphanTtl();

    /**
     * How long an analysis' table analyses may lag behind its run summary; then its report goes out INCOMPLETE with
     * the tables that arrived.
     */
    @WithDefault("PT2M")
    Duration analysisAssemblyTimeout();

    /**
     * The most UTF-8 bytes of Markdown or JSON in one report record; a larger report goes out in pages of this
     * size on {@code partitions.report-pages}. At most 512 KiB (the topics' 1 MB record limit, with room); tests set
     * it small to page every report.
     */
    @WithDefault("524288")
    int reportPageBytes();

    /** Topic creation at start-up. */
    TopicSettings topics();

    /** The report file writer. */
    FileSettings files();

    /** Topic creation settings. */
    interface TopicSettings {

        /** Replication factor of the topics created at start-up; use 1 on a single-broker cluster. */
        @WithDefault("3")
        short replicationFactor();

        /** Retention of the audit-trail topics (plans, commands, outcomes); empty keeps them forever. */
        Optional<Duration> auditRetention();

        /** How long to wait for the Admin client. */
        @WithDefault("30s")
        Duration timeout();
    }

    /** Report file writer settings. */
    interface FileSettings {

        /** Whether this instance writes report files (and so serves them over HTTP). */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * The problems with this configuration, each naming the property and its bad value; empty when it is valid.
     * Checked at start-up so a bad value stops the service before it touches Kafka.
     */
    static List<String> problems(ReporterConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.outputDir().isBlank()) {
            problems.add("reporter.output-dir must not be blank");
        }
        positive(problems, "reporter.punctuate-interval", config.punctuateInterval());
        positive(problems, "reporter.finished-retention", config.finishedRetention());
        positive(problems, "reporter.orphan-ttl", config.orphanTtl());
        positive(problems, "reporter.analysis-assembly-timeout", config.analysisAssemblyTimeout());
        positive(problems, "reporter.topics.timeout", config.topics().timeout());
        if (config.reportPageBytes() < 1024 || config.reportPageBytes() > Topics.REPORT_PAGE_BYTES) {
            problems.add("reporter.report-page-bytes must be between 1024 and " + Topics.REPORT_PAGE_BYTES + ", not "
                    + config.reportPageBytes());
        }
        if (config.topics().replicationFactor() < 1) {
            problems.add("reporter.topics.replication-factor must be at least 1, not "
                    + config.topics().replicationFactor());
        }
        config.topics().auditRetention().ifPresent(d -> positive(problems, "reporter.topics.audit-retention", d));
        return problems;
    }

    /** Throws IllegalArgumentException listing every problem of {@link #problems}. */
    static void validate(ReporterConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid reporter configuration: " + String.join("; ", problems));
        }
    }

    private static void positive(List<String> problems, String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(name + " must be positive, not " + value);
        }
    }
}
