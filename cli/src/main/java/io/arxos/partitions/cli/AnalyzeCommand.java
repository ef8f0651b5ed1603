package io.arxos.partitions.cli;

import io.arxos.partitions.events.AnalysisReport;
import io.arxos.partitions.events.AnalysisRequest;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryException;
import io.arxos.partitions.inventory.InventoryLoader;
import io.arxos.partitions.schemas.CoreTypes;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code partctl analyze}: the guide's analysis, run by the planner and reported by the reporter. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse databases for partitioning: which tables deserve it, with which key and interval, what",
            "it costs and buys (estimates from the data), what stands in the way, and the migration statements.",
            "Reads only. Exit status: 0 analysed, 1 incomplete or a database could not be read, 3 Kafka/registry/",
            "services unreachable, 64 usage error."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ReportOutput output;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "Only the inventory database with this URL (repeatable).")
    List<String> databaseUrls = new ArrayList<>();

    @Option(names = "--database", paramLabel = "ID", description = "Only the inventory database with this id "
            + "(repeatable). Default: the whole fleet.")
    List<String> databaseIds = new ArrayList<>();

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "Only this table (repeatable). Default: "
            + "every table.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--observe", defaultValue = "PT60S", paramLabel = "DURATION",
            description = "How long to watch the statistics counters for insert/update/delete rates (ISO-8601, "
                    + "at most PT10M; default ${DEFAULT-VALUE}).")
    Duration observe;

    @Option(names = "--timeout", defaultValue = "PT10M", paramLabel = "DURATION",
            description = "How long to wait for the analysis after the observation window (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--analysis-id", paramLabel = "ID", description = "Use this analysis id (default: a new UUID); "
            + "the reporter serves the report at GET /analyses/ID.")
    String analysisId;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        AnalysisRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException | InventoryException e) {
            err.println("partctl: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RunClient client = RunClient.reachable(connection.clientConfig(), err).orElse(null);
        if (client == null) {
            return ExitCodes.UNREACHABLE;
        }
        RunClient.AnalysisResult result = client.analyze(request, observe.plus(timeout), Duration.ofSeconds(60),
                line -> err.println("partctl: " + line));
        if (result.report().isEmpty()) {
            String id = request.getEnvelope().getRunId();
            err.println("partctl: " + (result.run().isEmpty()
                    ? "no analysis " + id + " within " + observe.plus(timeout).toSeconds() + " s: is planner-service "
                    + "running and consuming partitions.analysis-requests?"
                    : "analysis " + id + " published but no report arrived within 60 s: is reporter-service running?"));
            return ExitCodes.UNREACHABLE;
        }
        AnalysisReport report = result.report().get();
        return output.emit(output.json() ? report.getJson() : report.getMarkdown(), report.getExitCode(), out, err);
    }

    private AnalysisRequest request() {
        output.validate();
        if (observe.isNegative() || observe.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("--observe " + observe + " must be between PT0S and PT10M");
        }
        List<String> databases = List.of();
        if (!databaseUrls.isEmpty() || !databaseIds.isEmpty()) {
            FleetInventory inventory = new InventoryLoader().load(connection.inventory);
            databases = DatabaseSelection.resolve(inventory, connection.inventory, databaseUrls, databaseIds);
        }
        for (String table : tables) {
            if (!table.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("--table '" + table + "' must be schema.table in plain lower case");
            }
        }
        String id = analysisId != null ? analysisId : UUID.randomUUID().toString();
        if (!id.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new IllegalArgumentException("--analysis-id '" + id + "' must be 1-100 characters of letters, "
                    + "digits, . _ : -");
        }
        return AnalysisRequest.newBuilder()
                .setEnvelope(CoreTypes.envelope(id, "partctl", Instant.now()))
                .setRequestedBy(ReportOutput.requester())
                .setDatabases(databases)
                .setTables(tables)
                .setObservationSeconds((int) observe.toSeconds())
                .setDeadlineSeconds((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()))
                .build();
    }
}
