package io.arxos.partitions.stack;

import io.arxos.partitions.cli.Partctl;
import io.arxos.partitions.testing.LiveTableWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The guide's phase 2 on the demo's legacy audit log, with an application writing throughout: migrate (prepare,
 * capture, copy, verify), swap, check data integrity, roll back, and after the swap and after the rollback compare
 * the table row by row with what the application's committed writes say it must hold.
 */
public final class MigrationDemo {

    static final String TABLE = "public.audit_logs_legacy";
    static final LiveTableWriter.Shape SHAPE = new LiveTableWriter.Shape("created_at",
            "user_id, event_type_id, action", "(random() * 1999)::int + 1, 1, 'login'",
            "action = 'edited', details = jsonb_build_object('edit', md5(random()::text))");

    /** What the migration demo did and found. */
    public record Result(int exitCode, List<Integer> exitCodes, List<String> passed, List<String> failed,
            long writes, Path reportFile, BenchmarkDemo.Result benchmark) {
    }

    private MigrationDemo() {
    }

    public static Result run(Stack stack, Path reportsDir, PrintStream out) throws Exception {
        String id = "demo-migration-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(java.time.Instant.now());
        Path reportFile = reportsDir.resolve(id + ".md");
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        LiveTableWriter writer = new LiveTableWriter(() -> connect(stack), TABLE, SHAPE, rows(stack, TABLE));
        out.println("demo: migrating " + TABLE + " into monthly partitions while an application inserts, updates "
                + "and deletes rows");
        writer.start();
        exits.add(partctl(stack, out, "migrate", "--table", TABLE, "--migration-id", id, "--batch-size", "5000",
                "--output-file", reportFile.toString(), "--quiet"));
        exits.add(partctl(stack, out, "migrate", "--swap", "--table", TABLE, "--migration-id", id, "--quiet"));
        exits.add(partctl(stack, out, "validate", "--check-data-integrity", "--table", TABLE, "--quiet"));
        writer.stop();
        check(isPartitioned(stack), TABLE + " is partitioned after the swap", passed, failed);
        Map<Long, String> expected = writer.expected();
        check(rows(stack, TABLE).equals(expected), TABLE + " holds, row by row, every committed write ("
                + expected.size() + " rows)", passed, failed);
        check(rows(stack, TABLE + "_backup").equals(expected), "the backup received every write after the swap",
                passed, failed);
        // the guide's phase 3 while both sides hold the same rows: after the swap, before the rollback
        BenchmarkDemo.Result benchmark = BenchmarkDemo.run(stack, reportsDir, out, TABLE);

        LiveTableWriter after = new LiveTableWriter(() -> connect(stack), TABLE, SHAPE, expected);
        after.start();
        Stack.pause(500);
        exits.add(partctl(stack, out, "migrate", "--rollback", "--table", TABLE, "--migration-id", id, "--quiet"));
        Stack.pause(500);
        after.stop();
        check(!isPartitioned(stack), TABLE + " is the original table again after the rollback", passed, failed);
        check(rows(stack, TABLE).equals(after.expected()), "the original holds, row by row, every write made during "
                + "the migration (" + after.expected().size() + " rows)", passed, failed);
        long writes = writer.committed() + after.committed();
        check(writes > 0, "the application committed " + writes + " writes during the migration", passed, failed);
        boolean exitsOk = exits.stream().allMatch(e -> e == 0);
        check(exitsOk, "partctl migrate, --swap, validate and --rollback exited 0 (" + exits + ")", passed, failed);
        out.printf("demo: self-check of the migration: %d checks passed, %d failed%n", passed.size(), failed.size());
        failed.forEach(f -> out.println("  FAILED " + f));
        return new Result(failed.isEmpty() && benchmark.exitCode() == 0 ? 0 : 1, exits, passed, failed, writes,
                reportFile, benchmark);
    }

    private static int partctl(Stack stack, PrintStream out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.registryUrl(), "--inventory", stack.inventory().toString()));
        out.println("demo: partctl " + String.join(" ", args));
        int exit = Partctl.execute(all.toArray(String[]::new));
        out.println("demo: exited " + exit);
        return exit;
    }

    private static void check(boolean ok, String what, List<String> passed, List<String> failed) {
        (ok ? passed : failed).add(what);
    }

    private static boolean isPartitioned(Stack stack) throws SQLException {
        try (Connection c = stack.connect()) {
            return DatabaseFacts.count(c, "SELECT count(*) FROM pg_class WHERE oid = '" + TABLE
                    + "'::regclass AND relkind = 'p'") == 1;
        }
    }

    private static Map<Long, String> rows(Stack stack, String table) throws SQLException {
        try (Connection c = stack.connect()) {
            return LiveTableWriter.rows(c, table);
        }
    }

    private static Connection connect(Stack stack) {
        try {
            return stack.connect();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
