package io.arxos.partitions.planner.app.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import io.arxos.partitions.planner.domain.benchmark.Baseline;
import io.arxos.partitions.planner.domain.benchmark.BenchmarkCatalog;
import io.arxos.partitions.planner.domain.benchmark.BenchmarkShape;
import io.arxos.partitions.planner.domain.benchmark.PlannedBenchmark;
import io.arxos.partitions.planner.domain.benchmark.PlannedQuery;
import io.arxos.partitions.planner.domain.benchmark.Relations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanBenchmarkRunTest {

    private static final FleetInventory INVENTORY = new InventoryLoader().parse("""
            databases:
              - id: arxos
                url: jdbc:postgresql://localhost/arxos
                user: partman
                tables:
                  - { name: public.audit_logs, partitionKey: created_at, retentionMonths: 12 }
                  - { name: public.chat_messages, partitionKey: created_at, retentionMonths: 12 }
                benchmarks:
                  - table: public.audit_logs
                    baseline: pruning-off
                    queries: [{ name: failed_logins, sql: "SELECT count(*) FROM {relation} WHERE action = 'x'" }]
            """, "test");

    private final List<BenchmarkCatalog.Subject> asked = new ArrayList<>();
    private final List<PlannedBenchmark> published = new ArrayList<>();

    @Test
    void theInventorysBaselineAndNamedQueriesApplyWhereTheRequestNamesNone() {
        PlannedBenchmark plan = planner().plan(request(new Baseline.MigrationTwin()));

        assertThat(asked).extracting(s -> s.table() + " " + s.baseline().getClass().getSimpleName())
                .containsExactly("public.audit_logs PruningOff", "public.chat_messages MigrationTwin");
        PlannedBenchmark.Target audit = plan.targets().get(0);
        assertThat(audit.queries()).extracting(PlannedQuery::name).contains("last_7_days", "failed_logins");
        assertThat(audit.queries()).filteredOn(q -> q.name().equals("failed_logins")).singleElement()
                .extracting(PlannedQuery::category).isEqualTo("custom");
        assertThat(plan.skipped()).singleElement().asString().contains("public.chat_messages", "no twin");
        assertThat(published).containsExactly(plan);
    }

    @Test
    void aBaselineTheRequestNamesWinsOverTheInventorys() {
        planner().plan(request(new Baseline.Copy()));

        assertThat(asked).allMatch(s -> s.baseline() instanceof Baseline.Copy);
    }

    private PlanBenchmarkRun planner() {
        BenchmarkCatalog catalog = (database, subjects) -> {
            asked.addAll(subjects);
            Map<TableRef, BenchmarkCatalog.Candidate> found = new LinkedHashMap<>();
            for (BenchmarkCatalog.Subject s : subjects) {
                found.put(s.table(), s.baseline() instanceof Baseline.MigrationTwin
                        ? new BenchmarkCatalog.Skipped(s.table() + ": no twin")
                        : new BenchmarkCatalog.Found(new Relations.Compared(s.table(), s.table(), "pruning-off"),
                                new BenchmarkShape(Identifier.of("created_at"), KeyType.TIMESTAMPTZ,
                                        Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                                        Optional.empty())));
            }
            return found;
        };
        return new PlanBenchmarkRun(INVENTORY, catalog, published::add, Clock.fixed(Instant.parse(
                "2026-12-07T14:00:00Z"), ZoneOffset.UTC));
    }

    private static BenchmarkRequestSpec request(Baseline baseline) {
        return new BenchmarkRequestSpec("b-1", "test", List.of(), List.of(), baseline,
                new PlannedBenchmark.Settings(9, 2, 30_000, true), Duration.ofMinutes(30));
    }
}
