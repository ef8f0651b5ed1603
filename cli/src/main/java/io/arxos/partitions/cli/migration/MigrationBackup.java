package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.cli.run.PostgresAddress;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code partctl migrate --backup-file}: a pg_dump of the tables before anything is touched. */
final class MigrationBackup {

    private MigrationBackup() {
    }

    /** pg_dump of every table before anything is touched; OK, or the exit status to stop with. */
    static int write(Path pgDump, List<MigrationTargets.Target> targets, Path backupFile, PrintWriter err) {
        FleetDatabase database = targets.get(0).database();
        PostgresAddress address = PostgresAddress.parse(database.jdbcUrl());
        List<TableRef> tables = targets.stream().map(t -> t.migration().table()).toList();
        Map<String, String> environment;
        try {
            environment = PgDump.environment(address, database.password().resolve(System::getenv));
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("partctl: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("partctl: backing up " + String.join(", ", tables.stream().map(TableRef::toString).toList())
                + " of " + database.displayUrl() + " to " + backupFile + " with " + pgDump);
        err.flush();
        try {
            MigrateCommand.createParent(backupFile);
            PgDump.Result result = PgDump.run(PgDump.arguments(pgDump, address, database.user(), tables, backupFile),
                    environment);
            if (result.exitCode() != 0) {
                // a partial dump is no backup: do not leave one behind to be mistaken for it
                Files.deleteIfExists(backupFile);
                err.println("partctl: pg_dump failed (exit " + result.exitCode() + "); nothing was migrated:");
                err.println(result.stderr());
                return ExitCodes.OPERATION_FAILED;
            }
        } catch (IOException e) {
            err.println("partctl: cannot run " + pgDump + ": " + e.getMessage() + "; nothing was migrated");
            return ExitCodes.OPERATION_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("partctl: interrupted while pg_dump was running; nothing was migrated");
            return ExitCodes.OPERATION_FAILED;
        }
        err.println("partctl: backup written to " + backupFile + " (restore with pg_restore)");
        return ExitCodes.OK;
    }
}
