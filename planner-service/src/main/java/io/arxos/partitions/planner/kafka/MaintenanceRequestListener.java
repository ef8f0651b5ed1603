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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Consumes maintenance requests one at a time and plans a run for each; the request's offset is committed in the
 * run's own Kafka transaction, so a crash can neither lose a request nor publish its run twice. A request the planner
 * cannot decode goes to the dead-letter topic; a request it can decode but not honour becomes a refused run, so the
 * requester gets a report saying why instead of silence.
 */
public final class MaintenanceRequestListener implements Runnable, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MaintenanceRequestListener.class);
    private static final String GROUP = "planner-service";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final Deserializer<MaintenanceRequest> requests;
    private final KafkaRunPublisher publisher;
    private final Function<RunPublisher, PlanMaintenanceRun> plannerFor;
    private final Clock clock;
    private final Duration defaultDeadline;
    private static final int MAX_FAILURES = 5;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private int failures;
    private String lastFailure;
    private volatile boolean polling;

    /**
     * @param plannerFor builds the use case around a publisher that also commits the request's offset in the run's
     *                   transaction
     */
    public MaintenanceRequestListener(KafkaSettings settings, KafkaRunPublisher publisher,
            Function<RunPublisher, PlanMaintenanceRun> plannerFor, Clock clock, Duration defaultDeadline) {
        this.consumer = new KafkaConsumer<>(settings.consumer(GROUP, "planner-requests"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(settings.producer("planner-dead-letters"), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.requests = Topics.MAINTENANCE_REQUESTS.valueSerde(settings.registry()).deserializer();
        this.publisher = publisher;
        this.plannerFor = plannerFor;
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
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (!handled(record)) {
                            break; // re-polls from the record that failed
                        }
                    }
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // the only poll thread must not end on a transient Kafka error
                    LOG.errorf(e, "polling maintenance requests failed; retrying in 1 s");
                    pause(1000);
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

    /**
     * False when the run could not be published: the record is sought back and retried after a pause. After
     * {@link #MAX_FAILURES} failures of the same request it is answered with a refused run instead, so one bad
     * request cannot hold up every request behind it.
     */
    private boolean handled(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (failures >= MAX_FAILURES) {
                refuse(record);
            } else {
                handle(record);
            }
            failures = 0;
            return true;
        } catch (RuntimeException e) {
            failures++;
            lastFailure = e.getMessage();
            LOG.errorf(e, "request at %s-%d@%d not planned (attempt %d): %s; retrying in 5 s", record.topic(),
                    record.partition(), record.offset(), failures, e.getMessage());
            consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
            pause(5000);
            return false;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void refuse(ConsumerRecord<byte[], byte[]> record) {
        MaintenanceRequest request = requests.deserialize(record.topic(), record.value());
        publisher.publish(PlannedRun.refused(request.getEnvelope().getRunId(), PlannedRun.Trigger.REQUEST,
                PlanScope.VALIDATE_ONLY, request.getDryRun(), clock.instant(), "planning failed " + failures
                        + " times: " + lastFailure), List.of(), consumedThrough(record), consumer.groupMetadata());
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        MaintenanceRequest request;
        try {
            request = requests.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            LOG.warnf("undecodable maintenance request at %s-%d@%d sent to %s: %s", record.topic(),
                    record.partition(), record.offset(), Topics.DEAD_LETTERS, e.getMessage());
            try {
                deadLetters.send(DeadLetters.of(record, GROUP, e.getMessage())).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | InterruptedException failed) {
                throw new IllegalStateException("dead letter not written: " + failed.getMessage(), failed);
            }
            consumer.commitSync(consumedThrough(record));
            return;
        }
        RunPublisher inTransaction = (run, metrics) -> publisher.publish(run, metrics, consumedThrough(record),
                consumer.groupMetadata());
        String runId = request.getEnvelope().getRunId();
        LOG.infof("run %s requested by %s", runId, request.getRequestedBy());
        RunRequest runRequest;
        try {
            runRequest = toRunRequest(request);
        } catch (IllegalArgumentException e) {
            LOG.warnf("run %s refused: %s", runId, e.getMessage());
            inTransaction.publish(PlannedRun.refused(runId, PlannedRun.Trigger.REQUEST, PlanScope.VALIDATE_ONLY,
                    request.getDryRun(), clock.instant(), e.getMessage()), List.of());
            return;
        }
        plannerFor.apply(inTransaction).plan(runRequest);
    }

    private static Map<TopicPartition, OffsetAndMetadata> consumedThrough(ConsumerRecord<?, ?> record) {
        return Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
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
