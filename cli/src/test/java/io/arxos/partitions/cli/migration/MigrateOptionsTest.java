package io.arxos.partitions.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.cli.Partctl;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors are refused with 64 before anything is sent, so none of these tests needs Kafka. */
class MigrateOptionsTest {

    private static final String INVENTORY = """
            databases:
              - id: arxos
                url: jdbc:postgresql://127.0.0.1:5432/arxos
                user: partman
                tables: [{name: public.audit_logs, partitionKey: created_at, retentionMonths: 12}]
                migrations:
                  - { name: public.audit_logs_legacy, partitionKey: created_at }
                  - { name: public.chat_messages_legacy, partitionKey: created_at }
              - id: arxos-eu
                url: jdbc:postgresql://db-eu:5432/arxos
                user: partman
                tables: [{name: public.audit_logs, partitionKey: created_at, retentionMonths: 12}]
                migrations:
                  - { name: public.chat_messages_legacy, partitionKey: sent_at }
            """;

    @TempDir
    Path dir;

    private Path inventory;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeInventory() throws IOException {
        inventory = Files.writeString(dir.resolve("fleet.yaml"), INVENTORY);
    }

    @Test
    void actionsExcludeEachOther() {
        assertThat(partctl("migrate", "--table", "public.audit_logs_legacy", "--swap", "--rollback"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--swap, --finalize, --rollback, --status and --emit-sql exclude each "
                + "other; give at most one (got --swap --rollback)");
    }

    @Test
    void emitSqlIsAnActionToo() {
        assertThat(partctl("migrate", "--table", "public.audit_logs_legacy", "--status", "--emit-sql", "x.sql"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("(got --status --emit-sql)");
    }

    @Test
    void aBackupIsTakenOnlyBeforeAMigration() {
        assertThat(partctl("migrate", "--table", "public.audit_logs_legacy", "--swap", "--backup-file", "b.dump"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--backup-file backs the table up before the migration starts; it cannot "
                + "be combined with --swap");
    }

    @Test
    void aTableNotListedUnderMigrationsIsRefusedWithHowToAddIt() {
        assertThat(partctl("migrate", "--database", "arxos", "--table", "public.orders")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("table public.orders is not listed under 'migrations:' of database arxos in the inventory "
                        + inventory)
                .contains("'migrations: [{ name: public.orders, partitionKey: created_at }]'")
                .contains("Listed now: arxos/public.audit_logs_legacy, arxos/public.chat_messages_legacy");
    }

    @Test
    void aManagedTableIsNotAMigrationTarget() {
        assertThat(partctl("migrate", "--table", "public.audit_logs")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("table public.audit_logs is not listed under 'migrations:' of any of the "
                + "databases arxos, arxos-eu");
    }

    @Test
    void aTableListedInTwoDatabasesNeedsADatabase() {
        assertThat(partctl("migrate", "--table", "public.chat_messages_legacy")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("table public.chat_messages_legacy is listed under 'migrations:' of "
                + "databases arxos, arxos-eu; choose one with --database ID or --database-url URL");
    }

    @Test
    void theTableIsRequiredExceptForRollback() {
        assertThat(partctl("migrate", "--database", "arxos")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("name the table(s) to work on with --table SCHEMA.TABLE");
    }

    @Test
    void badSettingsAreNamed() {
        assertThat(partctl("migrate", "--table", "public.audit_logs_legacy", "--migration-id", "no spaces"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(partctl("migrate", "--table", "public.audit_logs_legacy", "--batch-size", "0"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(partctl("migrate", "--table", "public.audit_logs_legacy", "--chunk", "PT10M"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(partctl("migrate", "--table", "public.audit_logs_legacy", "--output-format", "xml"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(partctl("migrate", "--table", "Public.Audit")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString())
                .contains("--migration-id 'no spaces' must be 1-100 characters")
                .contains("--batch-size 0 must be at least 1")
                .contains("--chunk PT10M must be shorter than --timeout PT5M")
                .contains("--output-format must be markdown or json, not 'xml'")
                .contains("--table 'Public.Audit': 'Public' is not a plain identifier");
    }

    @Test
    void aMalformedDurationIsAUsageError() {
        assertThat(partctl("migrate", "--table", "public.audit_logs_legacy", "--chunk", "5 s"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--chunk", "'5 s' is not a duration");
    }

    @Test
    void validateChecksDataIntegrityOnlyAndPointsToMaintainForPartitions() {
        assertThat(partctl("validate", "--table", "public.audit_logs_legacy")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("partctl validate supports only --check-data-integrity")
                .contains("partctl maintain --validate-only");
    }

    @Test
    void validateRefusesATableNotListedUnderMigrations() {
        assertThat(partctl("validate", "--check-data-integrity", "--table", "public.orders"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("table public.orders is not listed under 'migrations:'");
    }

    @Test
    void theDatabaseIsTheOnlyOneListingTheTableOrTheOneChosen() {
        FleetInventory fleet = new InventoryLoader().parse(INVENTORY, "fleet.yaml");

        List<MigrationTargets.Target> legacy = MigrationTargets.resolve(fleet, inventory, List.of(), List.of(),
                List.of("public.audit_logs_legacy", "audit_logs_legacy"), false);
        List<MigrationTargets.Target> eu = MigrationTargets.resolve(fleet, inventory,
                List.of("jdbc:postgresql://db-eu:5432/arxos"), List.of(), List.of("public.chat_messages_legacy"),
                false);

        assertThat(legacy).extracting(t -> t.key().messageKey()).containsExactly("arxos/public.audit_logs_legacy");
        assertThat(eu).extracting(t -> t.key().messageKey() + " by " + t.partitionKey())
                .containsExactly("arxos-eu/public.chat_messages_legacy by sent_at");
    }

    @Test
    void rollbackWithoutTableMeansEveryMigrationOfTheSelectedDatabases() {
        FleetInventory fleet = new InventoryLoader().parse(INVENTORY, "fleet.yaml");

        List<MigrationTargets.Target> all = MigrationTargets.resolve(fleet, inventory, List.of(), List.of("arxos"),
                List.of(), true);

        assertThat(all).extracting(t -> t.key().messageKey())
                .containsExactly("arxos/public.audit_logs_legacy", "arxos/public.chat_messages_legacy");
        assertThatThrownBy(() -> MigrationTargets.resolve(fleet, inventory, List.of(), List.of("nowhere"), List.of(),
                true)).hasMessageContaining("database 'nowhere' is not in the inventory");
    }

    @Test
    void partctlListsTheNewCommands() {
        StringWriter out = new StringWriter();
        assertThat(Partctl.execute(new PrintWriter(out), new PrintWriter(err))).isZero();
        assertThat(out.toString()).contains("migrate").contains("validate");
    }

    private int partctl(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--inventory");
        all.add(2, inventory.toString());
        return Partctl.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                all.toArray(String[]::new));
    }
}
