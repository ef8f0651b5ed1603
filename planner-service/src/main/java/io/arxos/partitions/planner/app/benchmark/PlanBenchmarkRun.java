package io.arxos.partitions.planner.app.benchmark;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.planner.domain.benchmark.Baseline;
import io.arxos.partitions.planner.domain.benchmark.BenchmarkCatalog;
import io.arxos.partitions.planner.domain.benchmark.PlannedBenchmark;
import io.arxos.partitions.planner.domain.benchmark.PlannedQuery;
import io.arxos.partitions.planner.domain.benchmark.QuerySet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: plan one benchmark run. For each selected database it reads which tables have a baseline and builds
 * each one's query set from its data; a database that cannot be read, and a table without a baseline, are named in
 * the plan instead of holding up the others. The plan is published before its commands.
 */
public record PlanBenchmarkRun(FleetInventory inventory, BenchmarkCatalog catalog, BenchmarkPublisher publisher,
        Clock clock) {

    public PlannedBenchmark plan(BenchmarkRequestSpec request) {
        Instant now = clock.instant();
        List<PlannedBenchmark.Target> targets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> unknownTables = new ArrayList<>(request.tables());
        for (FleetDatabase database : databases(request, skipped)) {
            List<BenchmarkCatalog.Subject> subjects;
            try {
                subjects = subjects(database, request);
            } catch (IllegalArgumentException e) {
                skipped.add("database " + database.id() + ": " + e.getMessage());
                continue;
            }
            subjects.forEach(s -> unknownTables.remove(s.table().toString()));
            if (subjects.isEmpty()) {
                continue;
            }
            Map<TableRef, BenchmarkCatalog.Candidate> candidates;
            try {
                candidates = catalog.read(database.id(), subjects);
            } catch (RuntimeException e) {
                skipped.add("database " + database.id() + " could not be read: " + e.getMessage());
                continue;
            }
            for (BenchmarkCatalog.Subject subject : subjects) {
                TableKey key = new TableKey(database.id(), subject.table());
                BenchmarkCatalog.Candidate candidate = candidates.get(subject.table());
                if (candidate instanceof BenchmarkCatalog.Found found) {
                    List<PlannedQuery> queries = new ArrayList<>(QuerySet.build(found.shape(),
                            LocalDateTime.ofInstant(now, ZoneOffset.UTC)));
                    database.benchmark(subject.table()).ifPresent(entry -> entry.queries().forEach(q -> queries.add(
                            new PlannedQuery(q.name(), "custom", "named in the inventory", q.sql()))));
                    targets.add(new PlannedBenchmark.Target("benchmark:" + key + ":" + request.runId(), key,
                            found.relations(), queries));
                } else {
                    skipped.add(key + ": " + (candidate instanceof BenchmarkCatalog.Skipped s ? s.reason()
                            : "not read from the catalog"));
                }
            }
        }
        unknownTables.forEach(t -> skipped.add(t + ": not a managed table or migration of the selected databases"));
        PlannedBenchmark planned = new PlannedBenchmark(request.runId(), request.requestedBy(), now,
                now.plus(request.maxDuration()), request.settings(), targets, skipped, Optional.empty());
        publisher.publish(planned);
        return planned;
    }

    private List<FleetDatabase> databases(BenchmarkRequestSpec request, List<String> skipped) {
        if (request.databases().isEmpty()) {
            return inventory.databases();
        }
        List<FleetDatabase> selected = new ArrayList<>();
        for (String id : request.databases()) {
            Optional<FleetDatabase> db = DatabaseId.isValid(id) ? inventory.database(DatabaseId.of(id))
                    : Optional.empty();
            db.ifPresentOrElse(selected::add, () -> skipped.add("database '" + id + "' is not in the inventory"));
        }
        return selected;
    }

    /**
     * Managed tables and migration targets, each once, filtered by the request's tables, each with its baseline: the
     * request's when it names one, else the inventory's for the table, else the migration twin.
     */
    private static List<BenchmarkCatalog.Subject> subjects(FleetDatabase database, BenchmarkRequestSpec request) {
        Map<TableRef, BenchmarkCatalog.Subject> subjects = new LinkedHashMap<>();
        database.tables().forEach(p -> subjects.put(p.table(), new BenchmarkCatalog.Subject(p.table(),
                p.partitionKey(), baseline(database, p.table(), request))));
        database.migrations().forEach(m -> subjects.putIfAbsent(m.table(), new BenchmarkCatalog.Subject(m.table(),
                m.partitionKey(), baseline(database, m.table(), request))));
        return subjects.values().stream().filter(s -> request.tables().isEmpty() || request.tables().contains(
                s.table().toString())).toList();
    }

    private static Baseline baseline(FleetDatabase database, TableRef table, BenchmarkRequestSpec request) {
        if (!(request.baseline() instanceof Baseline.MigrationTwin)) {
            return request.baseline();
        }
        return database.benchmark(table).flatMap(b -> b.baseline()).map(Baseline::parse)
                .orElse(request.baseline());
    }
}
