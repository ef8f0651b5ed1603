package io.arxos.partitions.cli.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.cli.Partctl;
import io.arxos.partitions.cli.run.DatabaseSelection;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunScopeTest {

    @Test
    void noOptionMeansFullMaintenance() {
        assertThat(RunScope.of(false, false, false, List.of())).isEqualTo(new RunScope(true, true, true, null, null));
    }

    @Test
    void validateOnlyChangesNothing() {
        assertThat(RunScope.of(true, false, false, List.of())).isEqualTo(new RunScope(true, false, false, null, null));
        assertThatThrownBy(() -> RunScope.of(true, true, false, List.of()))
                .hasMessageContaining("--validate-only cannot be combined");
    }

    @Test
    void targetedOptionsCombineAndStillValidate() {
        RunScope scope = RunScope.of(false, false, true, List.of("2024-01", "2024-12"));
        assertThat(scope).isEqualTo(new RunScope(true, false, true, YearMonth.of(2024, 1), YearMonth.of(2024, 12)));
        assertThat(scope.toEvent().getCreateFrom()).isEqualTo("2024-01");
    }

    @Test
    void badMonthsAreNamed() {
        assertThatThrownBy(() -> RunScope.of(false, false, false, List.of("2024-13", "2024-12")))
                .hasMessageContaining("'2024-13' is not a month");
        assertThatThrownBy(() -> RunScope.of(false, false, false, List.of("2024-12", "2024-01")))
                .hasMessageContaining("ends before it starts");
    }

    @Test
    void anUnknownDatabaseUrlIsRefusedWithHowToAddIt() {
        String yaml = """
                databases:
                  - id: arxos
                    url: jdbc:postgresql://127.0.0.1:5432/arxos
                    user: partman
                    tables: [{name: audit_logs, partitionKey: created_at, retentionMonths: 12}]
                """;
        FleetInventory inventory = new InventoryLoader().parse(yaml, "fleet.yaml");

        assertThat(DatabaseSelection.resolve(inventory, Path.of("fleet.yaml"),
                List.of("jdbc:postgresql://localhost:5432/arxos"), List.of())).containsExactly("arxos");
        assertThatThrownBy(() -> DatabaseSelection.resolve(inventory, Path.of("fleet.yaml"),
                List.of("jdbc:postgresql://db9:5432/other"), List.of()))
                .hasMessageContaining("no database with URL jdbc:postgresql://db9:5432/other")
                .hasMessageContaining("Add an entry under 'databases:'");
    }

    @Test
    void usageErrorsExitWith64AndSayWhy() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new Partctl());
        cli.setErr(new java.io.PrintWriter(err));
        int status = cli.execute("maintain", "--validate-only", "--drop-old-partitions", "--output-format", "markdown");
        assertThat(status).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--validate-only cannot be combined");
    }
}
