package io.arxos.partitions.cli.run;

import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
import io.arxos.partitions.serde.AvroSerdeConfig;
import io.arxos.partitions.serde.RestSchemaRegistryClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * partctl's side of every conversation with the services: checks that Kafka and the registry answer, sends a run
 * request and waits for the planner's plan and the reporter's report (listening before it asks), and opens command
 * channels for step-by-step work such as migrations.
 */
public final class RunClient {

    /** Something did not answer; the message says which and what to check. */
    public static final class Unreachable extends Exception {
        public Unreachable(String message) {
            super(message);
        }
    }

    /** What came back for a run: the planner's plan and the reporter's report, each if it came in time. */
    public record Answers<P, A>(Optional<P> plan, Optional<A> report) {
    }

    private final KafkaSettings settings;
    private final Map<String, String> config;

    public RunClient(Map<String, String> config) {
        this.config = config;
        this.settings = KafkaSettings.from(config);
    }

    /** A client for {@code config} once Kafka and the registry answered; empty (and why, on {@code err}) if not. */
    public static Optional<RunClient> reachable(Map<String, String> config, PrintWriter err) {
        RunClient client = new RunClient(config);
        try {
            client.checkReachable(Duration.ofSeconds(10));
            return Optional.of(client);
        } catch (Unreachable e) {
            err.println("partctl: " + e.getMessage());
            return Optional.empty();
        }
    }

    public void checkReachable(Duration timeout) throws Unreachable {
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

    /**
     * Sends {@code request} and waits up to {@code planWait} for its plan, then up to {@code reportWait} more for its
     * report. Both topics are listened to from before the request goes out.
     */
    public <R extends SpecificRecord, P extends SpecificRecord, A extends SpecificRecord> Answers<P, A> exchange(
            RunExchange<R, P, A> kind, R request, Duration planWait, Duration reportWait, Consumer<String> progress) {
        String id = idOf(request);
        try (AnswerListener answers = AnswerListener.atEndOf(settings, List.of(kind.plans(), kind.reports()));
                RequestSender sender = new RequestSender(settings)) {
            sender.send(kind.requests(), id, request, id);
            progress.accept(id + " requested; " + kind.waiting().apply(request));
            long start = System.nanoTime();
            P plan = null;
            A report = null;
            while (report == null) {
                long elapsed = System.nanoTime() - start;
                if (plan == null && elapsed > planWait.toNanos() || elapsed > planWait.plus(reportWait).toNanos()) {
                    break;
                }
                for (AnswerListener.Answer answer : answers.poll(Duration.ofMillis(250))) {
                    P planned = answer.on(kind.plans());
                    A reported = answer.on(kind.reports());
                    if (plan == null && planned != null && idOf(planned).equals(id)) {
                        plan = planned;
                        progress.accept(kind.planned().apply(plan) + "; waiting for the report");
                    } else if (reported != null && idOf(reported).equals(id)) {
                        report = reported;
                    }
                }
            }
            return new Answers<>(Optional.ofNullable(plan), Optional.ofNullable(report));
        }
    }

    /**
     * A channel that sends commands on {@code commands} and waits, per command, for the answer with the same id on
     * {@code answers} (listening before it sends). Close it when done.
     */
    public <C extends SpecificRecord, A extends SpecificRecord> CommandChannel<C, A> channel(TopicSpec<C> commands,
            TopicSpec<A> answers, Function<A, String> answerId) {
        return new CommandChannel<>(settings, commands, answers, answerId);
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
