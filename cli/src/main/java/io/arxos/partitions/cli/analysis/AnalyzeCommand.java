package io.arxos.partitions.cli.analysis;

import io.arxos.partitions.cli.run.ReportOutput;
import io.arxos.partitions.cli.run.RunCommand;
import io.arxos.partitions.cli.run.RunExchange;
import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.AnalysisRequest;
import io.arxos.partitions.events.AnalysisRun;
import io.arxos.partitions.schemas.CoreTypes;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code partctl analyze}: the guide's analysis, run by the planner and reported by the reporter. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse databases for partitioning: which tables deserve it, with which key and interval, what",
            "it costs and buys (estimates from the data), what stands in the way, and the migration statements.",
            "Reads only. Exit status: 0 analysed, 1 incomplete or a database could not be read, 3 Kafka/registry/",
            "services unreachable, 64 usage error."})
public final class AnalyzeCommand extends RunCommand<AnalysisRequest, AnalysisRun, AnalysisReport> {

    /** Analyses: a request, the planner's run summary (tables analysed), the reporter's analysis report. */
    static final RunExchange<AnalysisRequest, AnalysisRun, AnalysisReport> ANALYSES = new RunExchange<>(
            Topics.ANALYSIS_REQUESTS, Topics.ANALYSIS_RUNS, Topics.ANALYSIS_REPORTS,
            request -> "observing statistics for " + request.getObservationSeconds() + " s, then profiling",
            run -> "analysed " + run.getTableCount() + " tables over " + run.getDatabases().size() + " database(s)",
            AnalysisReport::getMarkdown, AnalysisReport::getJson, AnalysisReport::getExitCode)
            .paged(new RunExchange.Paging<>(Topics.REPORT_PAGES, AnalysisReport::getMarkdownPages,
                    AnalysisReport::getJsonPages), null);

    @Option(names = "--observe", defaultValue = "PT60S", paramLabel = "DURATION",
            description = "How long to watch the statistics counters for insert/update/delete rates (e.g. 60s, "
                    + "at most PT10M; default ${DEFAULT-VALUE}).")
    Duration observe;

    @Option(names = "--analysis-id", paramLabel = "ID", description = "Use this analysis id (default: a new UUID); "
            + "the reporter serves the report at GET /analyses/ID.")
    String analysisId;

    public AnalyzeCommand() {
        super("--analysis-id", ANALYSES);
    }

    @Override
    protected String requestedId() {
        return analysisId;
    }

    /** The observation window, then the analysis itself (--timeout). */
    @Override
    protected Duration planWait() {
        return observe.plus(timeout());
    }

    @Override
    protected Duration reportWait() {
        return Duration.ofSeconds(60);
    }

    @Override
    protected AnalysisRequest request(String id, List<String> databases) {
        if (observe.isNegative() || observe.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("--observe " + observe + " must be between PT0S and PT10M");
        }
        return AnalysisRequest.newBuilder()
                .setEnvelope(CoreTypes.envelope(id, "partctl", Instant.now()))
                .setRequestedBy(ReportOutput.requester())
                .setDatabases(databases)
                .setTables(scope.tables())
                .setObservationSeconds((int) observe.toSeconds())
                .setDeadlineSeconds((int) Math.min(Integer.MAX_VALUE, timeout().toSeconds()))
                // the summary comes an observation window after the planner reads the request
                .setPlanWithinSeconds(seconds(timeout()))
                .build();
    }
}
