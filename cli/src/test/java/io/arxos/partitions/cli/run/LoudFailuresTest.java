package io.arxos.partitions.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.cli.Partctl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What used to pass silently is refused before anything is sent, with the reason; none of these needs Kafka. */
class LoudFailuresTest {

    private static final String NO_KAFKA = "127.0.0.1:1";

    @TempDir
    Path dir;

    private Path inventory;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeInventory() throws IOException {
        inventory = Files.writeString(dir.resolve("fleet.yaml"), """
                databases:
                  - id: arxos
                    url: jdbc:postgresql://127.0.0.1:5432/arxos
                    user: partman
                    tables: [{name: public.audit_logs, partitionKey: created_at, retentionMonths: 12}]
                    migrations: [{ name: public.audit_logs_legacy, partitionKey: created_at }]
                """);
    }

    @Test
    void aTableTheInventoryDoesNotManageIsRefused() {
        assertThat(partctl("maintain", "--table", "public.nope", "--inventory", inventory.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--table public.nope is not a managed table of any database in "
                + inventory, "managed there: public.audit_logs");
    }

    @Test
    void aBenchmarkMayNameAListedMigrationButNotAnUnknownTable() {
        assertThat(partctl("benchmark", "--table", "public.audit_logs_legacy", "--inventory", inventory.toString(),
                "--bootstrap-servers", NO_KAFKA)).as(err.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(partctl("benchmark", "--table", "public.payroll", "--inventory", inventory.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--table public.payroll is not a managed table or listed migration");
    }

    @Test
    void aNamedInventoryThatDoesNotExistIsRefusedEvenWithoutTables() {
        assertThat(partctl("maintain", "--validate-only", "--inventory", dir.resolve("nope.yaml").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nope.yaml");
    }

    @Test
    void durationsAreAcceptedAsPeopleWriteThem() {
        // 5m parses: the refusal is about the table, which is checked after the options
        assertThat(partctl("maintain", "--timeout", "5m", "--table", "public.nope", "--inventory",
                inventory.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--table public.nope");
        assertThat(partctl("maintain", "--validate-only", "--timeout", "5 minutes")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'5 minutes' is not a duration: write e.g. 90s, 5m").doesNotContain(
                "Exception");
    }

    @Test
    void humanDurationsParse() {
        assertThat(HumanDuration.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(HumanDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(HumanDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(HumanDuration.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(HumanDuration.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> HumanDuration.parse("5")).hasMessageContaining("'5' is not a duration");
        assertThatThrownBy(() -> HumanDuration.parse("PTX")).hasMessageContaining("'PTX' is not a duration");
    }

    private int partctl(String... args) {
        return Partctl.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
    }
}
