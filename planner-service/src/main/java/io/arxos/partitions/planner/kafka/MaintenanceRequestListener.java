package io.arxos.partitions.planner.kafka;

import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.MaintenanceScope;
import io.arxos.partitions.planner.app.PlanMaintenanceRun;
import io.arxos.partitions.planner.app.RunPublisher;
import io.arxos.partitions.planner.app.RunRequest;
import io.arxos.partitions.planner.domain.PlanScope;
import io.arxos.partitions.planner.domain.PlannedRun;
import io.arxos.partitions.schemas.DeadLetters;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Consumes maintenance requests one at a time and plans a run for each. A request the planner cannot decode goes to
 * the dead-letter topic; a request it can decode but not honour becomes a refused run, so the requester gets a report
 * saying why instead of silence.
 */
public final class MaintenanceRequestListener implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MaintenanceRequestListener.class);
    private static final String GROUP = "planner-service";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Deserializer<MaintenanceRequest> requests;
    private final PlanMaintenanceRun planner;
    private final RunPublisher refusals;
    private final Clock clock;
    private final Duration defaultDeadline;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean polling;

    public MaintenanceRequestListener(KafkaSettings settings, PlanMaintenanceRun planner, RunPublisher refusals,
            Clock clock, Duration defaultDeadline) {
        this.consumer = new KafkaConsumer<>(settings.consumer(GROUP, "planner-requests"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(settings.producer("planner-dead-letters"), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.requests = Topics.MAINTENANCE_REQUESTS.valueSerde(settings.registry()).deserializer();
        this.planner = planner;
        this.refusals = refusals;
        this.clock = clock;
        this.defaultDeadline = defaultDeadline;
    }

    /** True while the poll loop runs (readiness). */
    public boolean isPolling() {
        return polling;
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(Topics.MAINTENANCE_REQUESTS.name()));
        try {
            while (running.get()) {
                polling = true;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record);
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } finally {
            polling = false;
            consumer.close();
            deadLetters.close();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        MaintenanceRequest request;
        try {
            request = requests.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            LOG.warnf("undecodable maintenance request at %s-%d@%d sent to %s: %s", record.topic(),
                    record.partition(), record.offset(), Topics.DEAD_LETTERS, e.getMessage());
            deadLetters.send(DeadLetters.of(record, GROUP, e.getMessage()));
            deadLetters.flush();
            return;
        }
        String runId = request.getEnvelope().getRunId();
        LOG.infof("run %s requested by %s", runId, request.getRequestedBy());
        RunRequest runRequest;
        try {
            runRequest = toRunRequest(request);
        } catch (IllegalArgumentException e) {
            LOG.warnf("run %s refused: %s", runId, e.getMessage());
            refusals.publish(PlannedRun.refused(runId, PlannedRun.Trigger.REQUEST, PlanScope.VALIDATE_ONLY,
                    request.getDryRun(), clock.instant(), e.getMessage()), List.of());
            return;
        }
        planner.plan(runRequest);
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
        running.set(false);
        consumer.wakeup();
    }
}
