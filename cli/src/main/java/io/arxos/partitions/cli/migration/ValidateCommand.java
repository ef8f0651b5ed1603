package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.cli.run.ConnectionOptions;
import io.arxos.partitions.cli.run.FleetScope;
import io.arxos.partitions.cli.run.ReportOutput;
import io.arxos.partitions.cli.run.RunClient;
import io.arxos.partitions.inventory.InventoryException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code partctl validate --check-data-integrity}: compares a migrated table with its source, month by month. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a migration's data integrity, month by month.",
            "Compares row counts and checksums per month of the original table with its",
            "partitioned copy (after the swap: the backup with the partitioned table).",
            "Partition validation is 'partctl maintain --validate-only'.",
            "Exit status: 0 equal, 1 a check failed, 2 differences found, 3 Kafka/registry/",
            "executor unreachable or no answer within --timeout, 64 usage error.", ""})
public final class ValidateCommand implements Callable<Integer> {

    static final String ONLY_DATA_INTEGRITY = "partctl validate supports only --check-data-integrity (compare a "
            + "migrated table with its original, month by month); to validate partitions run partctl maintain "
            + "--validate-only";

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--check-data-integrity", description = "Compare row counts and checksums per month (VERIFY).")
    boolean checkDataIntegrity;

    @Mixin
    FleetScope selection;

    @Option(names = "--timeout", defaultValue = "PT5M", paramLabel = "DURATION",
            description = "How long to wait for each table's comparison (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    ReportOutput output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<MigrationTargets.Target> targets;
        MigrationCommands commands;
        try {
            if (!checkDataIntegrity) {
                throw new IllegalArgumentException(ONLY_DATA_INTEGRITY);
            }
            output.validate();
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("--timeout " + timeout + " must be positive");
            }
            targets = MigrationSelection.resolve(selection, connection, false);
            // only VERIFY is sent: the copy settings keep their schema defaults
            commands = new MigrationCommands(new MigrationCommands.Settings(UUID.randomUUID().toString(), 2, 10_000,
                    0, 5, ReportOutput.requester(), UUID.randomUUID().toString().substring(0, 8)), Clock.systemUTC());
        } catch (IllegalArgumentException | InventoryException e) {
            err.println("partctl: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        RunClient client = RunClient.reachable(connection.clientConfig(), err).orElse(null);
        if (client == null) {
            return ExitCodes.UNREACHABLE;
        }
        // every table is checked, whatever an earlier one showed
        Optional<List<TableMigration>> results = MigrationSteps.drive(client, commands, timeout, err,
                driver -> MigrationDriver.each(targets, driver::verify, false));
        if (results.isEmpty()) {
            return ExitCodes.UNREACHABLE;
        }
        return MigrationSteps.print(output, new MigrationReport(commands.migrationId(), "validate", results.get()),
                out, err);
    }
}
