package io.arxos.partitions.planner.kafka.analysis;

import io.arxos.partitions.events.AnalysisRequest;
import io.arxos.partitions.planner.app.analysis.AnalysisRequestSpec;
import io.arxos.partitions.planner.app.analysis.AnalysisResult;
import io.arxos.partitions.planner.app.analysis.AnalyzeDatabases;
import io.arxos.partitions.planner.kafka.RequestLoop;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Runs an analysis for each analysis request and publishes it in the transaction that consumes the request (see
 * {@link RequestLoop}); a request it cannot honour (bad window, unknown database) gets a refused analysis.
 */
public final class AnalysisRequestListener implements Runnable, AutoCloseable, RequestLoop.Handler<AnalysisRequest> {

    private static final Logger LOG = Logger.getLogger(AnalysisRequestListener.class);

    private final RequestLoop<AnalysisRequest> loop;
    private final KafkaAnalysisPublisher publisher;
    private final AnalyzeDatabases analysis;
    private final Clock clock;

    public AnalysisRequestListener(KafkaSettings settings, KafkaAnalysisPublisher publisher, AnalyzeDatabases analysis,
            Clock clock) {
        // one analysis holds the poll loop for its window and profiling: give it far more than the default 5 min
        Map<String, Object> overrides = Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) AnalysisRequestSpec.MAX_OBSERVATION.plusMinutes(30).toMillis(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        this.loop = new RequestLoop<>(settings, "planner-service-analysis", "planner-analysis",
                Topics.ANALYSIS_REQUESTS, overrides, this);
        this.publisher = publisher;
        this.analysis = analysis;
        this.clock = clock;
    }

    public boolean isPolling() {
        return loop.isPolling();
    }

    @Override
    public void run() {
        loop.run();
    }

    @Override
    public void handle(AnalysisRequest request, Map<TopicPartition, OffsetAndMetadata> consumed,
            ConsumerGroupMetadata group) {
        String id = request.getEnvelope().getRunId();
        LOG.infof("analysis %s requested by %s", id, request.getRequestedBy());
        AnalysisRequestSpec spec;
        try {
            spec = new AnalysisRequestSpec(id, request.getRequestedBy(), request.getDatabases(), request.getTables(),
                    Duration.ofSeconds(request.getObservationSeconds()));
        } catch (IllegalArgumentException e) {
            LOG.warnf("analysis %s refused: %s", id, e.getMessage());
            refuse(request, e.getMessage(), consumed, group);
            return;
        }
        analysis.analyze(spec, result -> publisher.publish(result, consumed, group));
    }

    @Override
    public void refuse(AnalysisRequest request, String reason, Map<TopicPartition, OffsetAndMetadata> consumed,
            ConsumerGroupMetadata group) {
        publisher.publish(AnalysisResult.refused(request.getEnvelope().getRunId(), request.getRequestedBy(),
                clock.instant(), reason), consumed, group);
    }

    @Override
    public void close() {
        loop.close();
    }
}
