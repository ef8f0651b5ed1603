package io.arxos.partitions.planner.kafka.maintenance;

import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.MaintenanceScope;
import io.arxos.partitions.planner.app.maintenance.PlanMaintenanceRun;
import io.arxos.partitions.planner.app.maintenance.RunPublisher;
import io.arxos.partitions.planner.app.maintenance.RunRequest;
import io.arxos.partitions.planner.domain.maintenance.PlanScope;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun;
import io.arxos.partitions.planner.kafka.RequestLoop;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Plans a run for each maintenance request, publishing it in the transaction that consumes the request (see
 * {@link RequestLoop}). A request the planner can decode but not honour becomes a refused run, so the requester gets
 * a report saying why instead of silence.
 */
public final class MaintenanceRequestListener implements Runnable, AutoCloseable, RequestLoop.Handler<MaintenanceRequest> {

    private static final Logger LOG = Logger.getLogger(MaintenanceRequestListener.class);

    private final RequestLoop<MaintenanceRequest> loop;
    private final KafkaRunPublisher publisher;
    private final Function<RunPublisher, PlanMaintenanceRun> plannerFor;
    private final Clock clock;
    private final Duration defaultDeadline;

    /**
     * @param plannerFor builds the use case around a publisher that also commits the request's offset in the run's
     *                   transaction
     */
    public MaintenanceRequestListener(KafkaSettings settings, KafkaRunPublisher publisher,
            Function<RunPublisher, PlanMaintenanceRun> plannerFor, Clock clock, Duration defaultDeadline) {
        this.loop = new RequestLoop<>(settings, "planner-service", "planner-requests", Topics.MAINTENANCE_REQUESTS,
                Map.of(), this);
        this.publisher = publisher;
        this.plannerFor = plannerFor;
        this.clock = clock;
        this.defaultDeadline = defaultDeadline;
    }

    /** True while the poll loop runs (readiness). */
    public boolean isPolling() {
        return loop.isPolling();
    }

    @Override
    public void run() {
        loop.run();
    }

    @Override
    public void handle(MaintenanceRequest request, Map<TopicPartition, OffsetAndMetadata> consumed,
            ConsumerGroupMetadata group) {
        RunPublisher inTransaction = (run, metrics) -> publisher.publish(run, metrics, consumed, group);
        String runId = request.getEnvelope().getRunId();
        LOG.infof("run %s requested by %s", runId, request.getRequestedBy());
        RunRequest runRequest;
        try {
            runRequest = toRunRequest(request);
        } catch (IllegalArgumentException e) {
            LOG.warnf("run %s refused: %s", runId, e.getMessage());
            refuse(request, e.getMessage(), consumed, group);
            return;
        }
        plannerFor.apply(inTransaction).plan(runRequest);
    }

    @Override
    public void refuse(MaintenanceRequest request, String reason, Map<TopicPartition, OffsetAndMetadata> consumed,
            ConsumerGroupMetadata group) {
        publisher.publish(PlannedRun.refused(request.getEnvelope().getRunId(), PlannedRun.Trigger.REQUEST,
                PlanScope.VALIDATE_ONLY, request.getDryRun(), clock.instant(), reason), List.of(), consumed, group);
    }

    RunRequest toRunRequest(MaintenanceRequest request) {
        MaintenanceScope s = request.getScope();
        PlanScope scope = new PlanScope(s.getValidate(), s.getCreateMissing(), s.getDropExpired(),
                month(s.getCreateFrom()), month(s.getCreateTo()));
        Duration deadline = request.getDeadlineSeconds() > 0 ? Duration.ofSeconds(request.getDeadlineSeconds())
                : defaultDeadline;
        return new RunRequest(request.getEnvelope().getRunId(), PlannedRun.Trigger.REQUEST, scope,
                request.getDatabases(), request.getTables(), request.getDryRun(), deadline);
    }

    private static Optional<YearMonth> month(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month '" + text + "' is not yyyy-MM");
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
