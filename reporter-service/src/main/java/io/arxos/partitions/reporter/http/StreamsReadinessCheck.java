package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.kafka.ReportFileWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Kafka Streams application is RUNNING; also shows whether report files are being written. */
@Readiness
@ApplicationScoped
public class StreamsReadinessCheck implements HealthCheck {

    private final KafkaStreams streams;
    private final ReportFileWriter files;

    public StreamsReadinessCheck(KafkaStreams streams, ReportFileWriter files) {
        this.streams = streams;
        this.files = files;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams.state();
        return HealthCheckResponse.named("reporter-streams")
                .status(state == KafkaStreams.State.RUNNING)
                .withData("state", state.name())
                .withData("reportFiles", files.following() ? "following" : "not following")
                .build();
    }
}
