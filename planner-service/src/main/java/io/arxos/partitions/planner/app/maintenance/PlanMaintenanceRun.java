package io.arxos.partitions.planner.app.maintenance;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.planner.domain.maintenance.CatalogEntry;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction;
import io.arxos.partitions.planner.domain.maintenance.MaintenancePlanner;
import io.arxos.partitions.planner.domain.maintenance.PartitionCatalog;
import io.arxos.partitions.planner.domain.maintenance.PlanNote;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun.DatabaseRun;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun.PlannedCommand;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun.TableRun;
import io.arxos.partitions.planner.domain.maintenance.TablePlan;
import io.arxos.partitions.planner.domain.maintenance.TableValidation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Use case: plan one maintenance run over the selected databases. Each database is read and planned on its own, so
 * an unreachable database becomes an error entry in the plan and never holds up the others.
 */
public final class PlanMaintenanceRun {

    private static final Logger LOG = Logger.getLogger(PlanMaintenanceRun.class);

    private final FleetInventory inventory;
    private final PartitionCatalog catalog;
    private final RunPublisher publisher;
    private final Clock clock;
    private final ExecutorService workers;

    public PlanMaintenanceRun(FleetInventory inventory, PartitionCatalog catalog, RunPublisher publisher, Clock clock,
            ExecutorService workers) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.publisher = publisher;
        this.clock = clock;
        this.workers = workers;
    }

    public PlannedRun plan(RunRequest request) {
        Instant now = clock.instant();
        List<CompletableFuture<Planned>> futures = new ArrayList<>();
        for (String id : selection(request)) {
            futures.add(CompletableFuture.supplyAsync(() -> planDatabase(id, request, now), workers));
        }
        List<DatabaseRun> databases = new ArrayList<>();
        List<TableMetricsSnapshot> metrics = new ArrayList<>();
        for (CompletableFuture<Planned> future : futures) {
            Planned planned = future.join();
            databases.add(planned.database());
            metrics.addAll(planned.metrics());
        }
        PlannedRun run = new PlannedRun(request.runId(), request.trigger(), request.scope(), request.dryRun(), now,
                request.deadline().due(now, PlannedRun.commandCount(databases)), databases, Optional.empty());
        publisher.publish(run, metrics);
        LOG.infof("run %s planned: %d commands over %d databases (%s, dry run %s)", run.runId(), run.commandCount(),
                databases.size(), request.trigger(), request.dryRun());
        return run;
    }

    private List<String> selection(RunRequest request) {
        return request.databases().isEmpty() ? inventory.ids() : request.databases();
    }

    private Planned planDatabase(String id, RunRequest request, Instant now) {
        Optional<FleetDatabase> entry = DatabaseId.isValid(id) ? inventory.database(DatabaseId.of(id))
                : Optional.empty();
        if (entry.isEmpty()) {
            return Planned.failed(id, "database '" + id + "' is not in the planner's inventory");
        }
        FleetDatabase database = entry.get();
        List<TablePolicy> policies = database.tables().stream()
                .filter(p -> request.tables().isEmpty() || request.tables().contains(p.table().toString()))
                .toList();
        Map<TableRef, CatalogEntry> entries;
        try {
            entries = catalog.read(database.id(), policies);
        } catch (RuntimeException e) {
            LOG.warnf("run %s: database %s could not be read: %s", request.runId(), id, e.getMessage());
            return Planned.failed(id, e.getMessage());
        }
        List<TableRun> tables = new ArrayList<>();
        List<TableMetricsSnapshot> metrics = new ArrayList<>();
        for (TablePolicy policy : policies) {
            TableKey key = new TableKey(database.id(), policy.table());
            CatalogEntry found = entries.get(policy.table());
            if (found instanceof CatalogEntry.Found usable) {
                try {
                    tables.add(planTable(key, policy, usable, request, now));
                    metrics.add(new TableMetricsSnapshot(key, usable));
                } catch (RuntimeException e) {
                    // one table the rules cannot handle must not cost the whole run
                    LOG.errorf(e, "run %s: %s could not be planned", request.runId(), key);
                    tables.add(new TableRun(key, List.of(), List.of(PlanNote.of(PlanNote.Kind.TABLE_NOT_MANAGEABLE,
                            policy.table() + " could not be planned: " + e.getMessage()))));
                }
            } else {
                String reason = found instanceof CatalogEntry.Unusable u ? u.reason() : "not read from the catalog";
                tables.add(new TableRun(key, List.of(), List.of(PlanNote.of(PlanNote.Kind.TABLE_NOT_MANAGEABLE,
                        policy.table() + " cannot be managed: " + reason))));
            }
        }
        return new Planned(new DatabaseRun(database.id().value(), Optional.empty(), tables), metrics);
    }

    private static TableRun planTable(TableKey key, TablePolicy policy, CatalogEntry.Found entry, RunRequest request,
            Instant now) {
        TablePlan plan = MaintenancePlanner.plan(policy, entry.snapshot(), now, request.scope());
        if (!plan.actions().isEmpty()
                && plan.actions().stream().allMatch(MaintenanceAction.ValidateTable.class::isInstance)) {
            // nothing changes the table, so this catalog read is what the executor would validate: do it here
            CommandId id = commandId(key, plan.actions().get(0), request.runId());
            return new TableRun(key, List.of(), plan.notes(),
                    Optional.of(TableValidation.of(id, policy, entry, now)));
        }
        List<PlannedCommand> commands = plan.actions().stream()
                .map(action -> new PlannedCommand(commandId(key, action, request.runId()), key,
                        entry.snapshot().keyType(), action))
                .toList();
        return new TableRun(key, commands, plan.notes());
    }

    static CommandId commandId(TableKey key, MaintenanceAction action, String runId) {
        if (action instanceof MaintenanceAction.PartitionChange change) {
            return CommandId.forChange(key, action.operation(), change.range());
        }
        return CommandId.forValidation(key, runId);
    }

    private record Planned(DatabaseRun database, List<TableMetricsSnapshot> metrics) {
        static Planned failed(String id, String error) {
            return new Planned(new DatabaseRun(id, Optional.of(error), List.of()), List.of());
        }
    }
}
