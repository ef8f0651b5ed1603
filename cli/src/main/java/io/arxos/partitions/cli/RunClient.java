package io.arxos.partitions.cli;

import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.AnalysisRequest;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
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
import java.util.function.Function;
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
 * Sends a maintenance or analysis request and waits for the planner's answer and the reporter's report. It listens
 * before it asks (positions at the end of both answer topics first), so a fast answer cannot slip past it.
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

    /** A client for {@code config} once Kafka and the registry answered; empty (and why, on {@code err}) if not. */
    static Optional<RunClient> reachable(Map<String, String> config, java.io.PrintWriter err) {
        RunClient client = new RunClient(config);
        try {
            client.checkReachable(Duration.ofSeconds(10));
            return Optional.of(client);
        } catch (Unreachable e) {
            err.println("partctl: " + e.getMessage());
            return Optional.empty();
        }
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
        Answers<RunPlan, RunReport> answers = exchange(Topics.MAINTENANCE_REQUESTS, request, Topics.RUN_PLANS,
                Topics.REPORTS, planWait, reportWait, progress, "waiting for the planner",
                plan -> "planned " + plan.getCommandCount() + " commands over " + plan.getDatabases().size()
                        + " database(s); waiting for the report");
        return new Result(answers.first(), answers.last());
    }

    /** What came back for an analysis: the planner's summary and the reporter's report. */
    record AnalysisResult(Optional<AnalysisRun> run, Optional<AnalysisReport> report) {
    }

    AnalysisResult analyze(AnalysisRequest request, Duration analysisWait, Duration reportWait,
            Consumer<String> progress) {
        Answers<AnalysisRun, AnalysisReport> answers = exchange(Topics.ANALYSIS_REQUESTS, request,
                Topics.ANALYSIS_RUNS, Topics.ANALYSIS_REPORTS, analysisWait, reportWait, progress,
                "observing statistics for " + request.getObservationSeconds() + " s, then profiling",
                run -> "analysed " + run.getTableCount() + " tables over " + run.getDatabases().size()
                        + " database(s); waiting for the report");
        return new AnalysisResult(answers.first(), answers.last());
    }

    /**
     * A channel that sends commands on {@code commands} and waits, per command, for the answer with the same id on
     * {@code answers} (listening before it sends). Close it when done.
     */
    <C extends SpecificRecord, A extends SpecificRecord> CommandChannel<C, A> channel(TopicSpec<C> commands,
            TopicSpec<A> answers, Function<A, String> answerId) {
        return new CommandChannel<>(settings, commands, answers, answerId);
    }

    private record Answers<A, B>(Optional<A> first, Optional<B> last) {
    }

    /**
     * Sends {@code request} and waits for the record of the same id on {@code firstTopic} (the planner's answer),
     * then on {@code lastTopic} (the reporter's).
     */
    private <R extends SpecificRecord, A extends SpecificRecord, B extends SpecificRecord> Answers<A, B> exchange(
            TopicSpec<R> requestTopic, R request, TopicSpec<A> firstTopic, TopicSpec<B> lastTopic, Duration firstWait,
            Duration lastWait, Consumer<String> progress, String waiting, Function<A, String> firstArrived) {
        String id = idOf(request);
        Map<String, Object> consumerConfig = answerConsumer(settings);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(firstTopic.name(), lastTopic.name())) {
                for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            send(requestTopic, id, request);
            progress.accept(id + " requested; " + waiting);
            Deserializer<A> firsts = firstTopic.valueSerde(settings.registry()).deserializer();
            Deserializer<B> lasts = lastTopic.valueSerde(settings.registry()).deserializer();
            long start = System.nanoTime();
            A first = null;
            B last = null;
            while (last == null) {
                long elapsed = System.nanoTime() - start;
                if (first == null && elapsed > firstWait.toNanos() || elapsed > firstWait.plus(lastWait).toNanos()) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    if (r.topic().equals(firstTopic.name()) && first == null) {
                        A candidate = firsts.deserialize(r.topic(), r.value());
                        if (idOf(candidate).equals(id)) {
                            first = candidate;
                            progress.accept(firstArrived.apply(first));
                        }
                    } else if (r.topic().equals(lastTopic.name())) {
                        B candidate = lasts.deserialize(r.topic(), r.value());
                        if (idOf(candidate).equals(id)) {
                            last = candidate;
                        }
                    }
                }
            }
            return new Answers<>(Optional.ofNullable(first), Optional.ofNullable(last));
        } finally {
            // it commits nothing and leaves no group: waiting for its last fetch to come back would only delay exit
            consumer.close(Duration.ZERO);
        }
    }

    /**
     * A consumer for the answers, assigned (no group membership), that asks the broker often: a short-lived client
     * waiting for one record, whose read_committed fetch would otherwise sit out the broker's wait (100 ms) at a
     * transaction that commits meanwhile.
     */
    static Map<String, Object> answerConsumer(KafkaSettings settings) {
        Map<String, Object> config = settings.consumer("partctl-" + UUID.randomUUID(), "partctl");
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        return config;
    }

    private <R extends SpecificRecord> void send(TopicSpec<R> topic, String id, R request) {
        Map<String, Object> producerConfig = settings.producer("partctl");
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        try (KafkaProducer<String, R> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                topic.valueSerde(settings.registry()).serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), id, request));
            producer.flush();
        }
    }

    private static String idOf(SpecificRecord record) {
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
