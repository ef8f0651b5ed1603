package io.arxos.partitions.cli.maintenance;

import io.arxos.partitions.cli.run.ReportOutput;
import io.arxos.partitions.cli.run.RunCommand;
import io.arxos.partitions.cli.run.RunExchange;
import io.arxos.partitions.events.MaintenanceRequest;
import io.arxos.partitions.events.RunPlan;
import io.arxos.partitions.events.RunReport;
import io.arxos.partitions.schemas.CoreTypes;
import io.arxos.partitions.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code partctl maintain}: the guide's maintenance job, run through the services, waiting for the report. */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Run partition maintenance through Kafka and print the run's report.",
            "Without options: full maintenance (create missing months, move default-partition rows, retire expired",
            "partitions, validate). Exit status: 0 all went well, 1 an operation failed or the run is incomplete,",
            "2 validation found problems, 3 Kafka/registry/services unreachable, 64 usage error."})
public final class MaintainCommand extends RunCommand<MaintenanceRequest, RunPlan, RunReport> {

    /** Maintenance runs: a request, the planner's run plan, the reporter's run report. */
    static final RunExchange<MaintenanceRequest, RunPlan, RunReport> RUNS = new RunExchange<>(
            Topics.MAINTENANCE_REQUESTS, Topics.RUN_PLANS, Topics.REPORTS, request -> "waiting for the planner",
            plan -> "planned " + plan.getCommandCount() + " commands over " + plan.getDatabases().size()
                    + " database(s)",
            RunReport::getMarkdown, RunReport::getJson, RunReport::getExitCode)
            .paged(new RunExchange.Paging<>(Topics.REPORT_PAGES, RunReport::getMarkdownPages,
                    RunReport::getJsonPages),
                    plan -> Duration.between(plan.getEnvelope().getOccurredAt(), plan.getDeadline()));

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

    @Option(names = "--run-id", paramLabel = "ID", description = "Use this run id (default: a new UUID); lets "
            + "automation find the report by id, e.g. GET /reports/ID.json on the reporter.")
    String runId;

    @Option(names = "--plan-timeout", defaultValue = "PT60S", paramLabel = "DURATION",
            description = "How long to wait for the planner to publish the run's plan (default ${DEFAULT-VALUE}).")
    Duration planTimeout;

    public MaintainCommand() {
        super("--run-id", RUNS);
    }

    @Override
    protected String requestedId() {
        return runId;
    }

    @Override
    protected Duration planWait() {
        return planTimeout;
    }

    @Override
    protected Duration reportWait() {
        // until the plan is in; then its deadline decides (RunExchange.runTime)
        return timeout().plusSeconds(30);
    }

    @Override
    protected Duration defaultTimeout() {
        return Duration.ofMinutes(30);
    }

    @Override
    protected String reportSilence(RunPlan plan) {
        return "are executor-service and reporter-service running?";
    }

    @Override
    protected MaintenanceRequest request(String id, List<String> databases) {
        RunScope runScope = RunScope.of(validateOnly, createMissing, dropOld, createRange);
        return MaintenanceRequest.newBuilder()
                .setEnvelope(CoreTypes.envelope(id, "partctl", Instant.now()))
                .setRequestedBy(ReportOutput.requester())
                .setScope(runScope.toEvent())
                .setDatabases(databases)
                .setTables(scope.inventoryTables(connection, false))
                .setDryRun(dryRun)
                // no --timeout: 0 lets the planner choose, by the size of the run
                .setDeadlineSeconds(timeoutGiven() ? (int) Math.min(Integer.MAX_VALUE, timeout().toSeconds()) : 0)
                .setPlanWithinSeconds(seconds(planWait()))
                .build();
    }
}
