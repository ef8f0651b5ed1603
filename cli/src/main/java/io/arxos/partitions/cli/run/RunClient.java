package io.arxos.partitions.cli.run;

import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.events.ReportPageFormat;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.TopicSpec;
import io.arxos.partitions.serde.AvroSerdeConfig;
import io.arxos.partitions.serde.RestSchemaRegistryClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
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

    /** How long past a plan's deadline the report may take: the reporter notices the deadline, then renders. */
    static final Duration REPORT_MARGIN = Duration.ofSeconds(30);

    /** Something did not answer; the message says which and what to check. */
    public static final class Unreachable extends Exception {
        public Unreachable(String message) {
            super(message);
        }
    }

    /**
     * What came back for a run: the planner's plan and the reporter's report, each if it came in time, and when the
     * rendering asked for came in pages, that rendering whole.
     */
    public record Answers<P, A>(Optional<P> plan, Optional<A> report, Optional<String> paged) {
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
     * report (or, for a kind whose plans carry a deadline, until a margin past that deadline), and for a paged report
     * until its pages are in. The topics are listened to from before the request goes out.
     *
     * @param rendering the rendering to put together when the report comes in pages (only it is kept in memory)
     */
    public <R extends SpecificRecord, P extends SpecificRecord, A extends SpecificRecord> Answers<P, A> exchange(
            RunExchange<R, P, A> kind, R request, Duration planWait, Duration reportWait, ReportPageFormat rendering,
            Consumer<String> progress) {
        String id = idOf(request);
        List<TopicSpec<?>> topics = new ArrayList<>(List.of(kind.plans(), kind.reports()));
        if (kind.paging() != null) {
            topics.add(kind.paging().topic());
        }
        try (AnswerListener answers = AnswerListener.atEndOf(settings, topics);
                RequestSender sender = new RequestSender(settings)) {
            sender.send(kind.requests(), id, request, id);
            progress.accept(id + " requested; " + kind.waiting().apply(request));
            long start = System.nanoTime();
            long end = start + planWait.plus(reportWait).toNanos();
            P plan = null;
            A report = null;
            PageCollector pages = new PageCollector(id, rendering);
            while (report == null || !pages.complete(kind, report)) {
                long now = System.nanoTime();
                if (plan == null && now - start > planWait.toNanos() || now > end) {
                    break;
                }
                for (AnswerListener.Answer answer : answers.poll(Duration.ofMillis(250))) {
                    P planned = answer.on(kind.plans());
                    A reported = answer.on(kind.reports());
                    if (plan == null && planned != null && idOf(planned).equals(id)) {
                        plan = planned;
                        if (kind.runTime() != null) {
                            end = System.nanoTime() + kind.runTime().apply(plan).plus(REPORT_MARGIN).toNanos();
                        }
                        progress.accept(kind.planned().apply(plan) + "; waiting for the report");
                    } else if (reported != null && idOf(reported).equals(id)) {
                        report = reported;
                    } else if (kind.paging() != null) {
                        pages.take(answer.on(kind.paging().topic()));
                    }
                }
            }
            boolean whole = report != null && pages.complete(kind, report);
            return new Answers<>(Optional.ofNullable(plan), Optional.ofNullable(report),
                    whole ? pages.text(report) : Optional.empty());
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
