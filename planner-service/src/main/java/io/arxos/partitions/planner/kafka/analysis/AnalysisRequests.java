package io.arxos.partitions.planner.kafka.analysis;

import io.arxos.partitions.events.AnalysisRequest;
import io.arxos.partitions.planner.app.analysis.AnalysisRequestSpec;
import io.arxos.partitions.planner.app.analysis.AnalysisResult;
import io.arxos.partitions.planner.app.analysis.AnalyzeDatabases;
import io.arxos.partitions.planner.domain.RequestExpiry;
import io.arxos.partitions.planner.kafka.RequestLoop;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Analysis requests: each analysis is run and published in the transaction that consumes its request (see
 * {@link RequestLoop}); a request it cannot honour (bad window, unknown database) gets a refused analysis.
 */
public record AnalysisRequests(KafkaAnalysisPublisher publisher, AnalyzeDatabases analysis,
        Clock clock) implements RequestLoop.Handler<AnalysisRequest, AnalysisRequestSpec> {

    /** One analysis holds the poll loop for its window and profiling: far more than the default 5 min, one at a time. */
    public static final Map<String, Object> CONSUMER_OVERRIDES = Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
            (int) AnalysisRequestSpec.MAX_OBSERVATION.plusMinutes(30).toMillis(),
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);

    @Override
    public AnalysisRequestSpec read(AnalysisRequest request) {
        RequestExpiry.check("analysis", request.getEnvelope().getRunId(), request.getEnvelope().getOccurredAt(),
                request.getPlanWithinSeconds(), clock.instant());
        return new AnalysisRequestSpec(request.getEnvelope().getRunId(), request.getRequestedBy(),
                request.getDatabases(), request.getTables(), Duration.ofSeconds(request.getObservationSeconds()));
    }

    @Override
    public void answer(AnalysisRequestSpec spec, RequestLoop.Consumed consumed) {
        analysis.analyze(spec, result -> publisher.publish(result, consumed.offsets(), consumed.group()));
    }

    @Override
    public void refuse(AnalysisRequest request, String reason, RequestLoop.Consumed consumed) {
        publisher.publish(AnalysisResult.refused(request.getEnvelope().getRunId(), request.getRequestedBy(),
                clock.instant(), reason), consumed.offsets(), consumed.group());
    }
}
