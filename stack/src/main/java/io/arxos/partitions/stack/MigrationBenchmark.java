package io.arxos.partitions.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arxos.partitions.cli.Partctl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Online migration throughput against the plain copy: migrates the demo's legacy audit log (capture on, the normal
 * batch size, writers inserting throughout) through the services, and in the same run copies the same rows into the
 * same partitioned structure with one {@code INSERT INTO … SELECT} (before and after, to even out the cache). Prints
 * rows/s of both, their ratio, the time the swap held its locks (executor-reported) and the writers' latency per phase.
 *
 * <p>Run: {@code ./benchmark.sh --migration [--runs N] [--legacy-rows-per-month N] [--rate N] [--batch-size N]}.
 */
public final class MigrationBenchmark {

    static {
        System.setProperty("log4j2.configurationFile", "stack-log4j2.xml");
    }

    private static final String TABLE = "public.audit_logs_legacy";
    private static final String WRITER_SQL = "INSERT INTO public.audit_logs_legacy (user_id, event_type_id, action, "
            + "details, created_at) VALUES (?, 1, 'benchmark', jsonb_build_object('n', ?::bigint), now())";

    private MigrationBenchmark() {
    }

    /** One run's figures. */
    record Run(int run, long rows, double baselineBefore, double baselineAfter, double copyRate, double wallSeconds,
            long swapHeldMillis, List<String> writerWindows) {
        double ratio() {
            return copyRate / ((baselineBefore + baselineAfter) / 2);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int legacyRows = 40_000;
        int rate = 200;
        int batchSize = 10_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--migration" -> {
                }
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--legacy-rows-per-month" -> legacyRows = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path project = Path.of(".").toAbsolutePath().normalize();
        List<Run> results = new ArrayList<>();
        try (Stack stack = Stack.start(new Stack.Options(project, project.resolve(".benchmark"), 20, legacyRows,
                true), System.out)) {
            List<String> prepare = prepareStatements(stack, project.resolve(".benchmark/prepare.sql"));
            for (int run = 1; run <= runs; run++) {
                results.add(run(stack, run, prepare, rate, batchSize));
            }
        }
        System.out.println();
        System.out.println("migration benchmark: " + TABLE + ", batch size " + batchSize + ", capture on, " + rate
                + " inserts/s from 2 writers throughout");
        System.out.println("run       rows  INSERT…SELECT rows/s (before/after)  migration copy rows/s  ratio  "
                + "migrate wall s  swap held ms");
        for (Run r : results) {
            System.out.printf(Locale.ROOT, "%3d %10d  %14.0f / %-14.0f  %21.0f  %5.2f  %14.1f  %12d%n", r.run(),
                    r.rows(), r.baselineBefore(), r.baselineAfter(), r.copyRate(), r.ratio(), r.wallSeconds(),
                    r.swapHeldMillis());
        }
        System.out.println();
        System.out.println("writer latency (ms, from each insert's intended start): window, inserts, p50, p99, max, "
                + "errors");
        for (Run r : results) {
            r.writerWindows().forEach(w -> System.out.println("run " + r.run() + "  " + w));
        }
    }

    private static Run run(Stack stack, int run, List<String> prepare, int rate, int batchSize) throws Exception {
        long rows = count(stack, "SELECT count(*) FROM " + TABLE);
        double before = baseline(stack, prepare, rows);
        List<String> windows = new ArrayList<>();
        JsonNode migrated;
        JsonNode swapped;
        long wall;
        try (WriterLoad load = WriterLoad.withInsert(stack::connect, WRITER_SQL, 2, rate)) {
            Stack.pause(2000);
            windows.add(window("quiet", load));
            long t0 = System.nanoTime();
            migrated = partctl(stack, "migrate", "--table", TABLE, "--batch-size", Integer.toString(batchSize),
                    "--migration-id", "benchmark-" + run + "-" + System.currentTimeMillis());
            wall = System.nanoTime() - t0;
            windows.add(window("prepare+capture+copy+verify", load));
            swapped = partctl(stack, "migrate", "--swap", "--table", TABLE);
            windows.add(window("verify+swap", load));
            JsonNode rolledBack = partctl(stack, "migrate", "--rollback", "--table", TABLE);
            windows.add(window("rollback", load));
            require(rolledBack, "rollback");
        }
        require(migrated, "migrate");
        require(swapped, "swap");
        double after = baseline(stack, prepare, count(stack, "SELECT count(*) FROM " + TABLE));
        JsonNode table = migrated.path("tables").get(0);
        return new Run(run, table.path("rowsCopied").asLong(), before, after, table.path("rowsPerSecond").asDouble(),
                wall / 1e9, held(swapped.path("tables").get(0)), windows);
    }

    /** The same rows into the same partitioned structure (from the executor's own PREPARE) in one statement. */
    private static double baseline(Stack stack, List<String> prepare, long rows) throws SQLException {
        try (Connection c = stack.connect(); Statement s = c.createStatement()) {
            for (String sql : prepare) {
                s.execute(sql);
            }
            long t0 = System.nanoTime();
            s.execute("INSERT INTO public.audit_logs_legacy_partitioned SELECT * FROM " + TABLE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            s.execute("DROP TABLE public.audit_logs_legacy_partitioned");
            return rows / seconds;
        }
    }

    /** The PREPARE section of {@code partctl migrate --emit-sql}: what the migration itself creates. */
    private static List<String> prepareStatements(Stack stack, Path script) throws Exception {
        partctl(stack, "migrate", "--emit-sql", script.toString(), "--table", TABLE);
        List<String> statements = new ArrayList<>();
        boolean inPrepare = false;
        for (String line : Files.readAllLines(script)) {
            if (line.startsWith("-- ")) {
                inPrepare = line.equals("-- prepare") || inPrepare && !line.matches("-- [a-z]+");
                continue;
            }
            if (inPrepare && !line.isBlank()) {
                statements.add(line.endsWith(";") ? line.substring(0, line.length() - 1) : line);
            }
        }
        if (statements.isEmpty()) {
            throw new IllegalStateException("no PREPARE statements in " + script);
        }
        return statements;
    }

    private static JsonNode partctl(Stack stack, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.registryUrl(), "--inventory", stack.inventory().toString(), "--output-format", "json"));
        StringWriter out = new StringWriter();
        int exit = Partctl.execute(new PrintWriter(out), new PrintWriter(System.err, true), all.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("partctl " + String.join(" ", args) + " exited " + exit);
        }
        String text = out.toString().strip();
        return text.startsWith("{") ? new ObjectMapper().readTree(text) : null;
    }

    private static void require(JsonNode result, String what) {
        if (result == null || result.path("exitCode").asInt(-1) != 0) {
            throw new IllegalStateException(what + " did not succeed: " + result);
        }
    }

    private static long held(JsonNode table) {
        for (JsonNode step : table.path("steps")) {
            if (step.path("step").asText().equals("SWAP")) {
                return step.path("blockedMillis").asLong();
            }
        }
        return -1;
    }

    private static String window(String name, WriterLoad load) {
        Histogram h = load.window();
        return String.format(Locale.ROOT, "%-30s %7d %8.2f %8.2f %9.2f %5d", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                load.errors());
    }

    private static long count(Stack stack, String sql) throws SQLException {
        try (Connection c = stack.connect()) {
            return DatabaseFacts.count(c, sql);
        }
    }
}
