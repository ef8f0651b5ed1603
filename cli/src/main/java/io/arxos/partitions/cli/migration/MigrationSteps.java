package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.run.ReportOutput;
import io.arxos.partitions.cli.run.RequestSender;
import io.arxos.partitions.cli.run.RunClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the migration commands share: driving tables through the executor, and printing the migration report. */
final class MigrationSteps {

    private MigrationSteps() {
    }

    /** The driver's results, or empty after saying on {@code err} why the executor could not be reached. */
    static Optional<List<TableMigration>> drive(RunClient client, MigrationCommands commands, Duration timeout,
            PrintWriter err, Function<MigrationDriver, List<TableMigration>> work) {
        try (KafkaMigrationGateway gateway = KafkaMigrationGateway.open(client)) {
            return Optional.of(work.apply(new MigrationDriver(gateway, commands, timeout, ProgressConsole.on(err))));
        } catch (RunClient.Unreachable | RequestSender.SendFailed e) {
            err.println("partctl: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Prints (and writes) the report; its exit code, or the usage code when the file cannot be written. */
    static int print(ReportOutput output, MigrationReport report, PrintWriter out, PrintWriter err) {
        return output.emit(output.json() ? report.json() : report.markdown(), report.exitCode(), out, err);
    }
}
