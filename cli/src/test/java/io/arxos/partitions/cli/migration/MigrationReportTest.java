package io.arxos.partitions.cli.migration;

import static io.arxos.partitions.cli.migration.MigrationFixtures.month;
import static io.arxos.partitions.cli.migration.MigrationFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.MigrationStep;
import io.arxos.partitions.events.OutcomeStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationReportTest {

    private static final String LEGACY = "public.audit_logs_legacy";
    private static final TableKey LEGACY_KEY = TableKey.parse("arxos/" + LEGACY);

    @Test
    void markdownListsStepsCopyAndTheMonthComparison() {
        MigrationReport report = new MigrationReport("m-1", "migrate", List.of(migrated(List.of())));

        assertThat(report.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(report.markdown()).isEqualTo("""
                # partctl migrate: migration m-1

                | table | result | phase | rows copied | copy rate |
                |---|---|---|--:|--:|
                | arxos/public.audit_logs_legacy | verified equal | verified | 120,000 | 12,000 rows/s |

                ## arxos/public.audit_logs_legacy

                Partition key `created_at`. Result: verified equal.

                | step | status | phase | took | message |
                |---|---|---|--:|---|
                | prepare | SUCCEEDED | prepared | 0.3 s | created public.audit_logs_legacy_p |
                | capture | ALREADY_APPLIED | capturing | 0.0 s | trigger exists |
                | copy (2 chunks) | SUCCEEDED | copied | 10.0 s | copied up to id 120000 |
                | verify | SUCCEEDED | verified | 1.5 s | 2 months \\| all equal |

                Copied 120,000 rows (estimated ~118,000) at 12,000 rows/s; the copy is complete.

                | month | source rows | partitioned rows | match |
                |---|--:|--:|---|
                | 2026-10 | 60,000 | 60,000 | yes |
                | 2026-11 | 60,000 | 60,000 | yes |

                Exit status 0.""");
    }

    @Test
    void differencesAreListedOneByOneAndExitWith2() {
        MigrationReport report = new MigrationReport("m-1", "validate", List.of(migrated(List.of(
                "2026-10: original 60,000 rows, partitioned 59,999 rows",
                "2026-11: same count (60,000), checksums differ"))));

        assertThat(report.exitCode()).isEqualTo(ExitCodes.VALIDATION_PROBLEMS);
        assertThat(report.markdown())
                .contains("| arxos/public.audit_logs_legacy | 2 of 2 month(s) differ |")
                .contains("Result: **2 of 2 month(s) differ**.")
                .contains("| 2026-10 | 60,000 | 59,999 | **no** |")
                .contains("| 2026-11 | 60,000 | 60,000 | **no** (checksum) |")
                .contains("Differences:\n- 2026-10: original 60,000 rows, partitioned 59,999 rows\n"
                        + "- 2026-11: same count (60,000), checksums differ\n");
    }

    @Test
    void jsonCarriesEveryStepTheCopyAndTheMonths() throws Exception {
        MigrationReport report = new MigrationReport("m-1", "migrate", List.of(migrated(List.of()),
                new TableMigration(TableKey.parse("arxos/public.chat_messages_legacy"), "created_at", List.of(),
                        TableMigration.Ending.NOT_STARTED, "not started")));

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.get("migrationId").asText()).isEqualTo("m-1");
        assertThat(json.get("exitCode").asInt()).isZero();
        JsonNode table = json.get("tables").get(0);
        assertThat(table.get("database").asText()).isEqualTo("arxos");
        assertThat(table.get("table").asText()).isEqualTo(LEGACY);
        assertThat(table.get("result").asText()).isEqualTo("DONE");
        assertThat(table.get("phase").asText()).isEqualTo("verified");
        assertThat(table.get("rowsCopied").asLong()).isEqualTo(120_000);
        assertThat(table.get("rowsPerSecond").asDouble()).isEqualTo(12_000.0);
        assertThat(table.get("steps")).hasSize(5);
        assertThat(table.get("steps").get(0).get("statements").get(0).asText())
                .isEqualTo("CREATE TABLE public.audit_logs_legacy_p");
        assertThat(table.get("steps").get(3).get("copyDone").asBoolean()).isTrue();
        assertThat(table.get("months").get(1).get("month").asText()).isEqualTo("2026-11");
        assertThat(table.get("months").get(1).get("match").asBoolean()).isTrue();
        assertThat(table.get("differences")).isEmpty();
        JsonNode notStarted = json.get("tables").get(1);
        assertThat(notStarted.get("result").asText()).isEqualTo("NOT_STARTED");
        assertThat(notStarted.get("phase").isNull()).isTrue();
    }

    @Test
    void swapAndRollbackShowHowLongWritersWereBlocked() {
        MigrationOutcome swap = outcome(LEGACY, MigrationStep.SWAP, OutcomeStatus.SUCCEEDED, "swapped", "renamed")
                .setBlockedMillis(1_042).setDurationMillis(1_100).build();
        MigrationReport report = new MigrationReport("m-2", "swap", List.of(new TableMigration(LEGACY_KEY,
                "created_at", List.of(swap), TableMigration.Ending.DONE, "swapped; writers blocked 1,042 ms")));

        assertThat(report.markdown()).contains("Writers were blocked 1,042 ms by the swap.");
        assertThat(report.json()).contains("\"blockedMillis\" : 1042");
    }

    @Test
    void exitStatusIsTheWorstOfTheTables() {
        assertThat(exit(TableMigration.Ending.DONE, TableMigration.Ending.DIFFERENCES)).isEqualTo(2);
        assertThat(exit(TableMigration.Ending.DIFFERENCES, TableMigration.Ending.FAILED)).isEqualTo(1);
        assertThat(exit(TableMigration.Ending.FAILED, TableMigration.Ending.NO_ANSWER)).isEqualTo(3);
        assertThat(exit(TableMigration.Ending.DONE, TableMigration.Ending.NOT_STARTED)).isZero();
    }

    private static int exit(TableMigration.Ending... endings) {
        List<TableMigration> tables = java.util.Arrays.stream(endings)
                .map(e -> new TableMigration(LEGACY_KEY, "created_at", List.of(), e, e.name())).toList();
        return new MigrationReport("m", "migrate", tables).exitCode();
    }

    /** A migration of the legacy table as the executor would answer it, with VERIFY's differences. */
    private static TableMigration migrated(List<String> differences) {
        boolean equal = differences.isEmpty();
        List<MigrationOutcome> outcomes = List.of(
                outcome(LEGACY, MigrationStep.PREPARE, OutcomeStatus.SUCCEEDED, "prepared",
                        "created public.audit_logs_legacy_p").setDurationMillis(300)
                        .setStatements(List.of("CREATE TABLE public.audit_logs_legacy_p")).build(),
                outcome(LEGACY, MigrationStep.CAPTURE, OutcomeStatus.ALREADY_APPLIED, "capturing", "trigger exists")
                        .build(),
                outcome(LEGACY, MigrationStep.COPY, OutcomeStatus.SUCCEEDED, "capturing", "copied up to id 60000")
                        .setRowsCopied(60_000).setRowsEstimated(118_000).setRowsPerSecond(10_000)
                        .setDurationMillis(6_000).build(),
                outcome(LEGACY, MigrationStep.COPY, OutcomeStatus.SUCCEEDED, "copied", "copied up to id 120000")
                        .setRowsCopied(120_000).setRowsEstimated(118_000).setRowsPerSecond(15_000)
                        .setCopyDone(true).setDurationMillis(4_000).build(),
                outcome(LEGACY, MigrationStep.VERIFY, OutcomeStatus.SUCCEEDED, "verified", "2 months | all equal")
                        .setDurationMillis(1_500)
                        .setMonths(List.of(month("2026-10", 60_000, equal ? 60_000 : 59_999, "a", "a"),
                                month("2026-11", 60_000, 60_000, "b", equal ? "b" : "c")))
                        .setDifferences(differences).build());
        return equal
                ? new TableMigration(LEGACY_KEY, "created_at", outcomes, TableMigration.Ending.DONE, "verified equal")
                : new TableMigration(LEGACY_KEY, "created_at", outcomes, TableMigration.Ending.DIFFERENCES,
                        differences.size() + " of 2 month(s) differ");
    }
}
