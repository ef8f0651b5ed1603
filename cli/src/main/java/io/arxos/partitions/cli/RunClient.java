package io.arxos.partitions.cli;

import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import io.arxos.partitions.serde.AvroSerdeConfig;
import io.arxos.partitions.serde.RestSchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends a maintenance request and waits for its run's plan and report. It listens before it asks (positions at the
 * end of the plan and report topics first), so a fast run cannot slip past it.
 */
final class RunClient {

    /** Something did not answer; the message says which and what to check. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** What came back for a run. */
    record Result(Optional<RunPlan> plan, Optional<RunReport> report) {
    }

    private final KafkaSettings settings;
    private final Map<String, String> config;

    RunClient(Map<String, String> config) {
        this.config = config;
        this.settings = KafkaSettings.from(config);
    }

    void checkReachable(Duration timeout) throws Unreachable {
        Map<String, Object> admin = settings.admin();
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new Unreachable("Kafka is not reachable at " + settings.bootstrapServers() + " ("
                    + rootMessage(e) + "). Start the stack (./demo.sh --keep-running) or pass --bootstrap-servers.");
        }
        Map<String, Object> registry = new HashMap<>(settings.registry());
        registry.put(AvroSerdeConfig.REQUEST_TIMEOUT_MS, Long.toString(timeout.toMillis()));
        try {
            new RestSchemaRegistryClient(AvroSerdeConfig.parse(registry)).getAllSubjects();
        } catch (RuntimeException e) {
            throw new Unreachable("the schema registry is not reachable at " + config.get("schema.registry.url")
                    + " (" + rootMessage(e) + "). Pass --schema-registry-url or set SCHEMA_REGISTRY_URL.");
        }
    }

    Result run(MaintenanceRequest request, Duration planWait, Duration reportWait, Consumer<String> progress) {
        String runId = request.getEnvelope().getRunId();
        Map<String, Object> consumerConfig = settings.consumer("partctl-" + UUID.randomUUID(), "partctl");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.RUN_PLANS.name(), Topics.REPORTS.name())) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            send(request);
            progress.accept("run " + runId + " requested; waiting for the planner");
            return await(consumer, runId, planWait, reportWait, progress);
        }
    }

    private void send(MaintenanceRequest request) {
        Map<String, Object> producerConfig = settings.producer("partctl");
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        try (KafkaProducer<String, MaintenanceRequest> producer = new KafkaProducer<>(producerConfig,
                new StringSerializer(), Topics.MAINTENANCE_REQUESTS.valueSerde(settings.registry()).serializer())) {
            producer.send(new ProducerRecord<>(Topics.MAINTENANCE_REQUESTS.name(), request.getEnvelope().getRunId(),
                    request));
            producer.flush();
        }
    }

    private Result await(KafkaConsumer<byte[], byte[]> consumer, String runId, Duration planWait, Duration reportWait,
            Consumer<String> progress) {
        Deserializer<RunPlan> plans = Topics.RUN_PLANS.valueSerde(settings.registry()).deserializer();
        Deserializer<RunReport> reports = Topics.REPORTS.valueSerde(settings.registry()).deserializer();
        long start = System.nanoTime();
        RunPlan plan = null;
        RunReport report = null;
        while (report == null) {
            long elapsed = System.nanoTime() - start;
            if (plan == null && elapsed > planWait.toNanos() || elapsed > planWait.plus(reportWait).toNanos()) {
                break;
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                if (r.topic().equals(Topics.RUN_PLANS.name()) && plan == null) {
                    RunPlan candidate = plans.deserialize(r.topic(), r.value());
                    if (runIdOf(candidate).equals(runId)) {
                        plan = candidate;
                        progress.accept("planned " + plan.getCommandCount() + " commands over "
                                + plan.getDatabases().size() + " database(s); waiting for the report");
                    }
                } else if (r.topic().equals(Topics.REPORTS.name())) {
                    RunReport candidate = reports.deserialize(r.topic(), r.value());
                    if (runIdOf(candidate).equals(runId)) {
                        report = candidate;
                    }
                }
            }
        }
        return new Result(Optional.ofNullable(plan), Optional.ofNullable(report));
    }

    private static String runIdOf(SpecificRecord record) {
        return ((EventEnvelope) record.get(0)).getRunId();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
