package io.arxos.partitions.reporter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReporterConfigTest {

    @Test
    void acceptsTheDefaults() {
        assertThat(ReporterConfig.problems(config("./reports", Duration.ofSeconds(5), (short) 3))).isEmpty();
    }

    @Test
    void namesEveryBadPropertyAndItsValue() {
        assertThatThrownBy(() -> ReporterConfig.validate(config(" ", Duration.ZERO, (short) 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid reporter configuration: reporter.output-dir must not be blank; "
                        + "reporter.punctuate-interval must be positive, not PT0S; "
                        + "reporter.topics.replication-factor must be at least 1, not 0");
    }

    @Test
    void refusesAnAnalysisAssemblyTimeoutThatIsNotPositive() {
        assertThat(ReporterConfig.problems(config("./reports", Duration.ofSeconds(5), (short) 1,
                Duration.ofSeconds(-1)))).containsExactly("reporter.analysis-assembly-timeout must be positive, not "
                        + "PT-1S");
    }

    @Test
    void refusesAReportPageSizeBeyondWhatATopicRecordHolds() {
        assertThat(ReporterConfig.problems(config("./reports", Duration.ofSeconds(5), (short) 1,
                Duration.ofMinutes(2), 1024 * 1024))).containsExactly("reporter.report-page-bytes must be between "
                        + "1024 and 524288, not 1048576");
    }

    private static ReporterConfig config(String dir, Duration interval, short replication) {
        return config(dir, interval, replication, Duration.ofMinutes(2));
    }

    private static ReporterConfig config(String dir, Duration interval, short replication, Duration assembly) {
        return config(dir, interval, replication, assembly, 512 * 1024);
    }

    private static ReporterConfig config(String dir, Duration interval, short replication, Duration assembly,
            int pageBytes) {
        return new ReporterConfig() {
            @Override
            public int reportPageBytes() {
                return pageBytes;
            }

            @Override
            public String outputDir() {
                return dir;
            }

            @Override
            public Duration punctuateInterval() {
                return interval;
            }

            @Override
            public Duration finishedRetention() {
                return Duration.ofDays(7);
            }

            @Override
            public Duration orphanTtl() {
                return Duration.ofDays(1);
            }

            @Override
            public Duration analysisAssemblyTimeout() {
                return assembly;
            }

            @Override
            public TopicSettings topics() {
                return new TopicSettings() {
                    @Override
                    public short replicationFactor() {
                        return replication;
                    }

                    @Override
                    public Optional<Duration> auditRetention() {
                        return Optional.empty();
                    }

                    @Override
                    public Duration timeout() {
                        return Duration.ofSeconds(30);
                    }
                };
            }

            @Override
            public FileSettings files() {
                return () -> true;
            }
        };
    }
}
