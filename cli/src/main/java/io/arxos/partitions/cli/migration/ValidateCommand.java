package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.cli.run.PartctlCommand;
import io.arxos.partitions.cli.run.ReportOutput;
import io.arxos.partitions.cli.run.RunClient;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code partctl validate --check-data-integrity}: compares a migrated table with its source, month by month. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a migration's data integrity, month by month.",
            "Compares row counts and checksums per month of the original table with its",
            "partitioned copy (after the swap: the backup with the partitioned table).",
            "Partition validation is 'partctl maintain --validate-only'.",
            "Exit status: 0 equal, 1 a check failed, 2 differences found, 3 Kafka/registry/",
            "executor unreachable or no answer within --timeout, 64 usage error.", ""})
public final class ValidateCommand extends PartctlCommand<ValidateCommand.Prepared> {

    static final String ONLY_DATA_INTEGRITY = "partctl validate supports only --check-data-integrity (compare a "
            + "migrated table with its original, month by month); to validate partitions run partctl maintain "
            + "--validate-only";

    @Option(names = "--check-data-integrity", description = "Compare row counts and checksums per month (VERIFY).")
    boolean checkDataIntegrity;

    @Option(names = "--timeout", defaultValue = "PT5M", paramLabel = "DURATION",
            description = "How long to wait for each table's comparison (default ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The checked options: the tables to compare and the VERIFY commands to send. */
    record Prepared(List<MigrationTargets.Target> targets, MigrationCommands commands) {
    }

    @Override
    protected Prepared prepare() {
        if (!checkDataIntegrity) {
            throw new IllegalArgumentException(ONLY_DATA_INTEGRITY);
        }
        requirePositive(timeout);
        List<MigrationTargets.Target> targets = MigrationSelection.resolve(scope, connection, false);
        // only VERIFY is sent: the copy settings keep their schema defaults
        return new Prepared(targets, new MigrationCommands(new MigrationCommands.Settings(UUID.randomUUID().toString(),
                2, 10_000, 0, 5, ReportOutput.requester(), UUID.randomUUID().toString().substring(0, 8)),
                Clock.systemUTC()));
    }

    @Override
    protected int execute(Prepared p, RunClient client, PrintWriter out, PrintWriter err) {
        // every table is checked, whatever an earlier one showed
        Optional<List<TableMigration>> results = MigrationSteps.drive(client, p.commands(), timeout, err,
                driver -> MigrationDriver.each(p.targets(), driver::verify, false));
        if (results.isEmpty()) {
            return ExitCodes.UNREACHABLE;
        }
        return MigrationSteps.print(output, new MigrationReport(p.commands().migrationId(), "validate",
                results.get()), out, err);
    }
}
