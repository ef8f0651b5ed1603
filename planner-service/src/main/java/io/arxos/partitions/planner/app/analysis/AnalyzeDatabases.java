package io.arxos.partitions.planner.app.analysis;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.planner.app.analysis.AnalysisResult.AnalysedTable;
import io.arxos.partitions.planner.app.analysis.AnalysisResult.DatabaseResult;
import io.arxos.partitions.planner.domain.analysis.Advice;
import io.arxos.partitions.planner.domain.analysis.AnalysisSettings;
import io.arxos.partitions.planner.domain.analysis.DatabaseProfile;
import io.arxos.partitions.planner.domain.analysis.PartitioningAdvisor;
import io.arxos.partitions.planner.domain.analysis.Priority;
import io.arxos.partitions.planner.domain.analysis.Recommendation;
import io.arxos.partitions.planner.domain.analysis.TableProfile;
import io.arxos.partitions.planner.domain.analysis.TableProfiler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Use case: analyse the selected databases for partitioning. Counters are read from every database, then the window
 * passes once for all of them, then each database is profiled and its tables recommended on their own: a database
 * that cannot be read, or a table the rules cannot handle, becomes an error entry and holds up nothing else.
 */
public record AnalyzeDatabases(FleetInventory inventory, TableProfiler profiler, AnalysisSettings settings, Clock clock,
        Pause pause, ExecutorService workers) {

    private static final Logger LOG = Logger.getLogger(AnalyzeDatabases.class);

    /** Waits out the observation window (a parameter so tests need not sleep). */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    public AnalysisResult analyze(AnalysisRequestSpec request, AnalysisPublisher publisher) {
        long began = System.nanoTime();
        List<String> ids = request.databases().isEmpty() ? inventory.ids() : request.databases();
        Map<String, CompletableFuture<TableProfiler.Counters>> starts = new LinkedHashMap<>();
        for (String id : ids) {
            starts.put(id, CompletableFuture.supplyAsync(() -> profiler.counters(known(id).id()), workers));
        }
        CompletableFuture.allOf(starts.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        try {
            pause.sleep(request.observation());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("analysis " + request.analysisId() + " interrupted", e);
        }
        List<CompletableFuture<DatabaseResult>> results = new ArrayList<>();
        starts.forEach((id, start) -> results.add(start
                .thenApplyAsync(counters -> analyseDatabase(id, request, counters, began), workers)
                .exceptionally(e -> failed(id, e, began))));
        List<DatabaseResult> databases = results.stream().map(CompletableFuture::join).toList();
        AnalysisResult result = new AnalysisResult(request.analysisId(), request.requestedBy(), clock.instant(),
                databases, Optional.empty());
        publisher.publish(result);
        LOG.infof("analysis %s: %d tables over %d databases in %d ms", request.analysisId(), result.tableCount(),
                databases.size(), Duration.ofNanos(System.nanoTime() - began).toMillis());
        return result;
    }

    private FleetDatabase known(String id) {
        return (DatabaseId.isValid(id) ? inventory.database(DatabaseId.of(id)) : Optional.<FleetDatabase>empty())
                .orElseThrow(() -> new IllegalArgumentException("database '" + id + "' is not in the planner's "
                        + "inventory"));
    }

    private DatabaseResult analyseDatabase(String id, AnalysisRequestSpec request, TableProfiler.Counters start,
            long began) {
        FleetDatabase database = known(id);
        DatabaseProfile profile = profiler.profile(database.id(), request.tables(), start);
        Instant now = clock.instant();
        List<AnalysedTable> tables = new ArrayList<>();
        for (TableProfile table : profile.tables()) {
            TableKey key = new TableKey(database.id(), table.table());
            TableProfile managed = table.withPolicy(inventory.policy(key));
            tables.add(new AnalysedTable(key, managed, recommend(key, managed, profile, now)));
        }
        return new DatabaseResult(id, Optional.empty(), Optional.of(profile), tables,
                Duration.ofNanos(System.nanoTime() - began));
    }

    private Recommendation recommend(TableKey key, TableProfile table, DatabaseProfile profile, Instant now) {
        try {
            return PartitioningAdvisor.recommend(table, profile.context(), settings, now);
        } catch (RuntimeException e) {
            // one table the rules cannot handle must not cost the database's analysis
            LOG.errorf(e, "%s could not be recommended", key);
            return new Recommendation(Priority.NOT_RECOMMENDED, Optional.empty(), Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), OptionalInt.empty(), List.of(Advice.of(Advice.Kind.WARNING,
                            "could not be analysed: " + e.getMessage())), List.of(), List.of());
        }
    }

    private static DatabaseResult failed(String id, Throwable e, long began) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        LOG.warnf("database %s not analysed: %s", id, cause.getMessage());
        return new DatabaseResult(id, Optional.of(String.valueOf(cause.getMessage())), Optional.empty(), List.of(),
                Duration.ofNanos(System.nanoTime() - began));
    }
}
