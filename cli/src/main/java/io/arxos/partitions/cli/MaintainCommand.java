package io.arxos.partitions.cli;

import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
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

/** {@code partctl maintain}: the guide's maintenance job, run through the services, waiting for the report. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Run partition maintenance through Kafka and print the run's report.",
            "Without options: full maintenance (create missing months, move default-partition rows, retire expired",
            "partitions, validate). Exit status: 0 all went well, 1 an operation failed or the run is incomplete,",
            "2 validation found problems, 3 Kafka/registry/services unreachable, 64 usage error."})
public final class MaintainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--validate-only", description = "Only validate; change nothing.")
    boolean validateOnly;

    @Option(names = "--create-partitions", arity = "2", paramLabel = "MONTH",
            description = "Create the months FROM TO (yyyy-MM), e.g. --create-partitions 2024-01 2024-12.")
    List<String> createRange = new ArrayList<>();

    @Option(names = "--create-missing-partitions", description = "Create missing months through premake and move "
            + "default-partition rows into them.")
    boolean createMissing;

    @Option(names = "--drop-old-partitions", description = "Drop (or detach, per policy) partitions past retention.")
    boolean dropOld;

    @Option(names = "--dry-run", description = "Print the exact DDL that would run; change nothing.")
    boolean dryRun;

    @Mixin
    ReportOutput output;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "Only the inventory database with this URL (repeatable).")
    List<String> databaseUrls = new ArrayList<>();

    @Option(names = "--database", paramLabel = "ID", description = "Only the inventory database with this id "
            + "(repeatable). Default: the whole fleet.")
    List<String> databaseIds = new ArrayList<>();

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "Only this managed table (repeatable).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "PT10M", paramLabel = "DURATION",
            description = "How long the run may take before its report is marked incomplete (ISO-8601, default "
                    + "${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--run-id", paramLabel = "ID", description = "Use this run id (default: a new UUID); lets "
            + "automation find the report by id, e.g. GET /reports/ID.json on the reporter.")
    String runId;

    @Option(names = "--plan-timeout", defaultValue = "PT60S", paramLabel = "DURATION",
            description = "How long to wait for the planner to publish the run's plan (default ${DEFAULT-VALUE}).")
    Duration planTimeout;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        MaintenanceRequest request;
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
        RunClient.Result result = client.run(request, planTimeout, timeout.plusSeconds(30),
                line -> err.println("partctl: " + line));
        if (result.report().isEmpty()) {
            err.println("partctl: " + silence(request, result));
            return ExitCodes.UNREACHABLE;
        }
        return print(result.report().get(), out, err);
    }

    private MaintenanceRequest request() {
        output.validate();
        RunScope scope = RunScope.of(validateOnly, createMissing, dropOld, createRange);
        List<String> databases = List.of();
        if (!databaseUrls.isEmpty() || !databaseIds.isEmpty()) {
            FleetInventory inventory = new InventoryLoader().load(connection.inventory);
            databases = DatabaseSelection.resolve(inventory, connection.inventory, databaseUrls, databaseIds);
        }
        String id = runId != null ? runId : UUID.randomUUID().toString();
        if (!id.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new IllegalArgumentException("--run-id '" + id + "' must be 1-100 characters of letters, digits, . _ : -");
        }
        return MaintenanceRequest.newBuilder()
                .setEnvelope(CoreTypes.envelope(id, "partctl", Instant.now()))
                .setRequestedBy(ReportOutput.requester())
                .setScope(scope.toEvent())
                .setDatabases(databases)
                .setTables(tables)
                .setDryRun(dryRun)
                .setDeadlineSeconds((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()))
                .build();
    }

    private String silence(MaintenanceRequest request, RunClient.Result result) {
        String runId = request.getEnvelope().getRunId();
        if (result.plan().isEmpty()) {
            return "no plan for run " + runId + " within " + planTimeout.toSeconds() + " s: is planner-service running"
                    + " and consuming partitions.maintenance-requests?";
        }
        RunPlan plan = result.plan().get();
        return "run " + runId + " planned " + plan.getCommandCount() + " commands but no report arrived within "
                + timeout.plusSeconds(30).toSeconds() + " s: are executor-service and reporter-service running?";
    }

    private int print(RunReport report, PrintWriter out, PrintWriter err) {
        return output.emit(output.json() ? report.getJson() : report.getMarkdown(), report.getExitCode(), out, err);
    }
}
