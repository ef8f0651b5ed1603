package io.arxos.partitions.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryLoaderTest {

    private final InventoryLoader loader = new InventoryLoader();

    @Test
    void readsDatabasesTablesAndPoliciesWithDefaults() {
        FleetInventory fleet = loader.load(Path.of("src/test/resources/fleet.yaml"));

        assertThat(fleet.ids()).containsExactly("arxos", "arxos-eu");
        FleetDatabase arxos = fleet.database(DatabaseId.of("arxos")).orElseThrow();
        assertThat(arxos.tables()).hasSize(4);
        TablePolicy history = arxos.policy(TableRef.parse("public.object_history")).orElseThrow();
        assertThat(history.retentionAction()).isEqualTo(RetentionAction.DETACH);
        assertThat(history.premake()).isEqualTo(3);
        assertThat(history.archiveSchema().value()).isEqualTo("partition_archive");
        TablePolicy slow = arxos.policy(TableRef.parse("public.slow_query_log")).orElseThrow();
        assertThat(slow.retentionMonths()).isEqualTo(6);
        assertThat(slow.partitionKey().value()).isEqualTo("timestamp");
    }

    @Test
    void readsEachTablesBenchmarkBaselineAndNamedQueries() {
        FleetDatabase db = loader.parse("""
                databases:
                  - id: arxos
                    url: jdbc:postgresql://localhost/arxos
                    user: partman
                    tables: [{ name: public.audit_logs, partitionKey: created_at, retentionMonths: 12 }]
                    benchmarks:
                      - table: public.audit_logs
                        baseline: copy
                        queries:
                          - name: failed_logins_today
                            sql: |
                              SELECT count(*) FROM {relation}
                               WHERE action = 'login_failed' AND created_at >= now() - interval '1 day'
                """, "test").databases().get(0);

        BenchmarkEntry entry = db.benchmark(io.arxos.partitions.core.TableRef.parse("public.audit_logs"))
                .orElseThrow();
        assertThat(entry.baseline()).contains("copy");
        assertThat(entry.queries()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("failed_logins_today");
            assertThat(q.sql()).startsWith("SELECT count(*) FROM {relation}").contains("login_failed");
        });
    }

    @Test
    void refusesABenchmarkOfAnUnknownTableOrAQueryThatIsNotASelect() {
        String base = """
                databases:
                  - id: arxos
                    url: jdbc:postgresql://localhost/arxos
                    user: partman
                    tables: [{ name: public.audit_logs, partitionKey: created_at, retentionMonths: 12 }]
                    benchmarks:
                """;
        assertThatThrownBy(() -> loader.parse(base + "      - { table: public.payroll }\n", "test"))
                .hasMessageContaining("databases[0].benchmarks[0].table: public.payroll is neither a managed table");
        assertThatThrownBy(() -> loader.parse(base + "      - { table: public.audit_logs, queries: [{ name: wipe,"
                + " sql: 'DELETE FROM {relation}' }] }\n", "test"))
                .hasMessageContaining("databases[0].benchmarks[0].queries[0].sql: must be a SELECT naming {relation}");
    }

    @Test
    void answersOnlyForManagedTables() {
        FleetInventory fleet = loader.load(Path.of("src/test/resources/fleet.yaml"));
        assertThat(fleet.policy(TableKey.parse("arxos/public.audit_logs"))).isPresent();
        assertThat(fleet.policy(TableKey.parse("arxos/public.users"))).isEmpty();
        assertThat(fleet.policy(TableKey.parse("unknown/public.audit_logs"))).isEmpty();
    }

    @Test
    void findsDatabasesByUrlIgnoringParametersAndLocalhostSpelling() {
        FleetInventory fleet = loader.load(Path.of("src/test/resources/fleet.yaml"));
        assertThat(fleet.byUrl("jdbc:postgresql://localhost:5432/arxos/")).map(d -> d.id().value()).contains("arxos");
        assertThat(fleet.byUrl("jdbc:postgresql://db-eu:5432/arxos")).map(d -> d.id().value()).contains("arxos-eu");
        assertThat(fleet.byUrl("jdbc:postgresql://other:5432/arxos")).isEmpty();
    }

    @Test
    void resolvesPasswordsFromTheEnvironmentWithoutShowingThem() {
        FleetDatabase arxos = loader.load(Path.of("src/test/resources/fleet.yaml")).databases().get(0);
        assertThat(arxos.password().resolve(Map.of("ARXOS_DB_PASSWORD", "s3cret")::get)).isEqualTo("s3cret");
        assertThat(arxos.toString()).doesNotContain("s3cret").contains("env:ARXOS_DB_PASSWORD");
        assertThatThrownBy(() -> arxos.password().resolve(k -> null))
                .hasMessageContaining("ARXOS_DB_PASSWORD").hasMessageContaining("is not set");
    }

    @Test
    void refusesPasswordsWrittenIntoTheInventory() {
        String yaml = """
                databases:
                  - id: a
                    url: jdbc:postgresql://h/db?password=hunter2
                    user: u
                    tables: [{name: t, partitionKey: created_at, retentionMonths: 1}]
                """;
        assertThatThrownBy(() -> loader.parse(yaml, "fleet.yaml"))
                .hasMessageContaining("databases[0].url: do not put the password in the URL")
                .hasMessageNotContaining("hunter2");
        String literal = yaml.replace("?password=hunter2", "").replace("    user: u", "    user: u\n    password: x");
        assertThatThrownBy(() -> loader.parse(literal, "fleet.yaml"))
                .hasMessageContaining("a literal password is not accepted");
    }

    @Test
    void errorsNameThePathAndTheBadValue() {
        String base = """
                databases:
                  - id: a
                    url: jdbc:postgresql://h/db
                    user: u
                    tables: [{name: %s, partitionKey: %s, retentionMonths: %s%s}]
                """;
        assertThatThrownBy(() -> loader.parse(base.formatted("\"x; drop\"", "created_at", "1", ""), "f"))
                .hasMessageContaining("databases[0].tables[0].name").hasMessageContaining("'x; drop'");
        assertThatThrownBy(() -> loader.parse(base.formatted("t", "created_at", "twelve", ""), "f"))
                .hasMessageContaining("databases[0].tables[0].retentionMonths: 'twelve' is not a whole number");
        assertThatThrownBy(() -> loader.parse(base.formatted("t", "created_at", "1", ", retension: 3"), "f"))
                .hasMessageContaining("unknown key 'retension'");
        assertThatThrownBy(() -> loader.parse(base.formatted("t", "created_at", "1", ", retentionAction: archive"),
                "f"))
                .hasMessageContaining("retentionAction").hasMessageContaining("ARCHIVE");
    }

    @Test
    void listsTheLiveTablesThatMayBeMigratedAndRefusesAManagedOneTwice() {
        FleetDatabase arxos = loader.load(Path.of("src/test/resources/fleet.yaml")).databases().get(0);
        assertThat(arxos.migration(io.arxos.partitions.core.TableRef.parse("public.audit_logs_legacy")))
                .map(m -> m.partitionKey().value()).contains("created_at");
        assertThat(arxos.migration(io.arxos.partitions.core.TableRef.parse("public.audit_logs"))).isEmpty();

        String twice = """
                databases:
                  - id: a
                    url: jdbc:postgresql://h/db
                    user: u
                    tables: [{name: t, partitionKey: created_at, retentionMonths: 1}]
                    migrations: [{name: t, partitionKey: created_at}]
                """;
        assertThatThrownBy(() -> loader.parse(twice, "f"))
                .hasMessageContaining("databases[0].migrations[0].name: table public.t is listed twice");
    }

    @Test
    void selectingAnUnknownDatabaseNamesTheKnownOnes() {
        FleetInventory fleet = loader.load(Path.of("src/test/resources/fleet.yaml"));
        assertThat(fleet.select(List.of())).hasSize(2);
        assertThatThrownBy(() -> fleet.select(List.of("nope")))
                .hasMessageContaining("'nope' is not in the inventory").hasMessageContaining("arxos-eu");
    }
}
