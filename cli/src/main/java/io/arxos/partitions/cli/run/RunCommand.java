package io.arxos.partitions.cli.run;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.events.ReportPageFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Option;

/**
 * A command that asks the services for one run and prints its report: the options every such command shares
 * (connection, fleet scope, output, {@code --timeout}) and the one way to send a request, wait for the plan and the
 * report, and turn silence into a clear message and exit status 3. A command supplies its request and its
 * {@link RunExchange}.
 */
public abstract class RunCommand<R extends SpecificRecord, P extends SpecificRecord, A extends SpecificRecord>
        extends PartctlCommand<R> {

    private static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,100}";

    private final String idOption;
    private final RunExchange<R, P, A> kind;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "How long the run may take before its report is marked incomplete (e.g. 10m, 1h, or ISO-8601; default "
                    + "for maintain: the planner's, 30 min plus 0.1 s per planned command; otherwise 10 min).")
    private Duration timeout;

    /**
     * @param idOption the command's option for choosing the run id, named in errors
     * @param kind the kind of run: topics and wording
     */
    protected RunCommand(String idOption, RunExchange<R, P, A> kind) {
        this.idOption = idOption;
        this.kind = kind;
    }

    /**
     * The request, with the run id and the databases selected; throws {@link IllegalArgumentException} naming a bad
     * option.
     */
    protected abstract R request(String runId, List<String> databases);

    /** The run id asked for with the command's id option, or null for a new one. */
    protected abstract String requestedId();

    /** The {@code --timeout} given, or else the command's default. */
    protected Duration timeout() {
        return timeout != null ? timeout : defaultTimeout();
    }

    /** Whether {@code --timeout} was given. */
    protected boolean timeoutGiven() {
        return timeout != null;
    }

    /** The timeout when none is given. */
    protected Duration defaultTimeout() {
        return Duration.ofMinutes(10);
    }

    /** How long the planner may take to answer. */
    protected abstract Duration planWait();

    /** How long the reporter may take after the plan arrived. */
    protected abstract Duration reportWait();

    /** Which services to check when the planner answered nothing, e.g. "planner-service ... consuming X". */
    protected String plannerSilence() {
        return "is planner-service running and consuming " + kind.requests().name() + "?";
    }

    /** Which services to check when the plan came but the report did not. */
    protected String reportSilence(P plan) {
        return "is reporter-service running?";
    }

    @Override
    protected final R prepare() {
        requirePositive(timeout());
        return request(runId(), scope.databases(connection));
    }

    @Override
    protected final int execute(R request, RunClient client, PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        RunClient.Answers<P, A> answers = client.exchange(kind, request, planWait(), reportWait(),
                output.json() ? ReportPageFormat.JSON : ReportPageFormat.MARKDOWN, line -> err.println("partctl: "
                        + line));
        if (answers.report().isEmpty()) {
            String id = runIdOf(request);
            long waited = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            err.println("partctl: " + (answers.plan().isEmpty()
                    ? "no answer to " + id + " within " + planWait().toSeconds() + " s: " + plannerSilence()
                    : id + " was planned but no whole report arrived within " + waited + " s: "
                            + reportSilence(answers.plan().get())));
            return ExitCodes.UNREACHABLE;
        }
        A report = answers.report().get();
        String text = answers.paged().orElseGet(() -> (output.json() ? kind.json() : kind.markdown()).apply(report));
        return output.emit(text, kind.exitCode().applyAsInt(report), out, err);
    }

    private String runId() {
        String id = requestedId() != null ? requestedId() : UUID.randomUUID().toString();
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException(idOption + " '" + id + "' must be 1-100 characters of letters, digits,"
                    + " . _ : -");
        }
        return id;
    }

    private static String runIdOf(SpecificRecord record) {
        return ((io.arxos.partitions.events.EventEnvelope) record.get(0)).getRunId();
    }
}
