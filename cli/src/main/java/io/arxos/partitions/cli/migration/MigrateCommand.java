package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.cli.benchmark.BenchmarkGate;
import io.arxos.partitions.cli.benchmark.BenchmarkSettings;
import io.arxos.partitions.cli.run.PartctlCommand;
import io.arxos.partitions.cli.run.PostgresAddress;
import io.arxos.partitions.cli.run.RunClient;
import io.arxos.partitions.events.MigrationOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code partctl migrate}: moves live tables into monthly partitions online, step by step, through the executor. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Migrate live tables into monthly partitions, online.",
            "Works on tables listed under 'migrations:' in the inventory, through",
            "executor-service.",
            "Without an action option: PREPARE, CAPTURE, COPY in chunks until done, then",
            "VERIFY; the original table stays in use until --swap.",
            "  --swap      VERIFY again, then swap the partitioned table in (only when equal);",
            "              with --benchmark-gate P, benchmark first and refuse the swap when a",
            "              query is slower by more than P % beyond its noise",
            "  --finalize  after the swap: stop capturing writes into the backup (no rollback after)",
            "  --rollback  undo the migration",
            "  --status    show the migration's phase and rows copied",
            "  --emit-sql  write every step's statements to a file for review; run nothing",
            "Exit status: 0 done (verified equal), 1 a step failed or was refused, 2 VERIFY",
            "found differences or the benchmark gate found a regression, 3 Kafka/registry/executor unreachable or no answer within",
            "--timeout, 64 usage error.", ""})
public final class MigrateCommand extends PartctlCommand<MigrateCommand.Prepared> {

    private static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,100}";

    @Option(names = "--swap", description = "VERIFY, then swap the partitioned table in (only when equal).")
    boolean swap;

    @Option(names = "--benchmark-gate", paramLabel = "PERCENT", description = "With --swap: benchmark the "
            + "partitioned table against the original first (options as for partctl benchmark: --runs, --warmups, "
            + "--statement-timeout, --max-duration) and refuse the swap on a regression beyond PERCENT.")
    Double benchmarkGate;

    @Mixin
    BenchmarkSettings gateSettings;

    @Option(names = "--finalize", description = "After the swap: stop capturing writes into the backup; the backup "
            + "stays for you to drop. A finalized migration can no longer be rolled back.")
    boolean finalizeMigration;

    @Option(names = "--rollback", description = "Undo the migration of each --table (default: every 'migrations:' "
            + "entry of the selected databases).")
    boolean rollback;

    @Option(names = "--status", description = "Show each table's migration phase and rows copied.")
    boolean status;

    @Option(names = "--emit-sql", paramLabel = "FILE", description = "Write the statements of every step to FILE "
            + "for review (dry runs); nothing is executed.")
    Path emitSql;

    @Option(names = "--backup-file", paramLabel = "FILE", description = "Before PREPARE, back the tables up with "
            + "pg_dump --format=custom to FILE; stop if that fails.")
    Path backupFile;

    @Option(names = "--batch-size", defaultValue = "10000", paramLabel = "N",
            description = "Rows per copy batch, one transaction each (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--batch-pause", defaultValue = "PT0S", paramLabel = "DURATION",
            description = "Pause between copy batches, leaving the database room (e.g. 50ms; default ${DEFAULT-VALUE}).")
    Duration batchPause;

    @Option(names = "--chunk", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "How long one COPY command copies before it reports progress (default ${DEFAULT-VALUE}).")
    Duration chunk;

    @Option(names = "--premake", defaultValue = "2", paramLabel = "N",
            description = "Monthly partitions created ahead of the current month (default ${DEFAULT-VALUE}).")
    int premake;

    @Option(names = "--timeout", defaultValue = "PT5M", paramLabel = "DURATION",
            description = "How long to wait for the executor's answer to each step (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--migration-id", paramLabel = "ID", description = "Use this migration id (default: a new "
            + "UUID); 1-100 letters, digits, . _ : -.")
    String migrationId;

    /** The checked options: what to do, to which tables, and where pg_dump is when a backup is asked for. */
    record Prepared(MigrateAction action, MigrationCommands commands, List<MigrationTargets.Target> targets,
            Path pgDump, Optional<BenchmarkGate> gate) {
    }

    @Override
    protected Prepared prepare() {
        MigrateAction action = MigrateAction.of(swap, rollback, status, emitSql != null, backupFile != null,
                finalizeMigration);
        MigrationCommands commands = new MigrationCommands(settings(), Clock.systemUTC());
        List<MigrationTargets.Target> targets = MigrationSelection.resolve(scope, connection,
                action == MigrateAction.ROLLBACK);
        Path pgDump = null;
        if (backupFile != null) {
            pgDump = PgDump.locate(System.getenv("PATH"))
                    .orElseThrow(() -> new IllegalArgumentException(PgDump.NOT_FOUND));
            oneDatabase(targets);
            PostgresAddress.parse(targets.get(0).database().jdbcUrl());
        }
        if (benchmarkGate != null && action != MigrateAction.SWAP) {
            throw new IllegalArgumentException("--benchmark-gate goes with --swap: it decides whether to swap");
        }
        return new Prepared(action, commands, targets, pgDump, Optional.ofNullable(benchmarkGate)
                .map(p -> new BenchmarkGate(p, gateSettings)));
    }

    @Override
    protected int execute(Prepared p, RunClient client, PrintWriter out, PrintWriter err) {
        if (p.pgDump() != null) {
            int backedUp = MigrationBackup.write(p.pgDump(), p.targets(), backupFile, err);
            if (backedUp != ExitCodes.OK) {
                return backedUp;
            }
        }
        if (p.gate().isPresent()) {
            BenchmarkGate.Decision gate = p.gate().get().check(client, p.targets().stream()
                    .map(t -> t.database().id().value()).distinct().toList(), p.targets().stream()
                            .map(t -> t.migration().table().toString()).toList(), timeout, err);
            err.println("partctl: " + gate.reason());
            if (!gate.pass()) {
                return gate.exitCode();
            }
        }
        Optional<List<TableMigration>> driven = MigrationSteps.drive(client, p.commands(), timeout, err,
                driver -> run(p.action(), driver, p.targets()));
        if (driven.isEmpty()) {
            return ExitCodes.UNREACHABLE;
        }
        List<TableMigration> results = driven.get();
        if (p.action() == MigrateAction.EMIT_SQL
                && results.stream().allMatch(r -> r.ending() == TableMigration.Ending.DONE)
                && !writeScript(results, p.commands().migrationId(), err)) {
            return ExitCodes.USAGE;
        }
        return MigrationSteps.print(output, new MigrationReport(p.commands().migrationId(), p.action().label(),
                results), out, err);
    }

    private static List<TableMigration> run(MigrateAction action, MigrationDriver driver,
            List<MigrationTargets.Target> targets) {
        return switch (action) {
            case SWAP -> MigrationDriver.each(targets, driver::swap, true);
            case FINALIZE -> MigrationDriver.each(targets, driver::finish, false);
            // roll back as much as possible: one table's failure must not keep the others migrated
            case ROLLBACK -> MigrationDriver.each(targets, driver::rollback, false);
            case STATUS -> MigrationDriver.each(targets, driver::status, false);
            case EMIT_SQL -> MigrationDriver.each(targets, driver::dryRun, true);
            case MIGRATE -> MigrationDriver.each(targets, driver::migrate, true);
        };
    }

    private MigrationCommands.Settings settings() {
        String id = migrationId != null ? migrationId : UUID.randomUUID().toString();
        require(id.matches(ID_PATTERN), "--migration-id '" + id + "' must be 1-100 characters of letters, digits, "
                + ". _ : -");
        require(batchSize >= 1, "--batch-size " + batchSize + " must be at least 1");
        require(!batchPause.isNegative() && batchPause.toMillis() <= Integer.MAX_VALUE,
                "--batch-pause " + batchPause + " must be between PT0S and about 24 days");
        requirePositive(timeout);
        require(chunk.toSeconds() >= 1, "--chunk " + chunk + " must be at least PT1S");
        // a chunk that outlasts the timeout would be taken for a silent executor
        require(chunk.compareTo(timeout) < 0, "--chunk " + chunk + " must be shorter than --timeout " + timeout);
        require(premake >= 0, "--premake " + premake + " must not be negative");
        return new MigrationCommands.Settings(id, premake, batchSize, (int) batchPause.toMillis(),
                (int) Math.min(Integer.MAX_VALUE, chunk.toSeconds()), io.arxos.partitions.cli.run.ReportOutput
                        .requester(),
                UUID.randomUUID().toString().substring(0, 8));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void oneDatabase(List<MigrationTargets.Target> targets) {
        List<String> ids = targets.stream().map(t -> t.database().id().value()).distinct().toList();
        require(ids.size() == 1, "--backup-file writes one dump of one database, but the tables are in "
                + String.join(", ", ids) + "; migrate one database at a time");
    }

    private boolean writeScript(List<TableMigration> results, String id, PrintWriter err) {
        List<MigrationScript.TablePart> parts = new ArrayList<>();
        for (TableMigration result : results) {
            List<MigrationScript.Section> sections = new ArrayList<>();
            for (MigrationOutcome outcome : result.outcomes()) {
                sections.add(new MigrationScript.Section(outcome.getStep().name(), outcome.getStatements()));
            }
            parts.add(new MigrationScript.TablePart(result.table(), result.partitionKey(), sections));
        }
        String script = MigrationScript.render(parts, id, Clock.systemUTC().instant());
        try {
            createParent(emitSql);
            Files.writeString(emitSql, script);
        } catch (IOException e) {
            err.println("partctl: could not write " + emitSql + ": " + e.getMessage());
            return false;
        }
        err.println("partctl: migration script written to " + emitSql + "; nothing was executed");
        return true;
    }

    static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
