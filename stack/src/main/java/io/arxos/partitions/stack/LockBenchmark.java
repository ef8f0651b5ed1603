package io.arxos.partitions.stack;

import io.arxos.partitions.cli.Partctl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Writers insert at a fixed rate into {@code audit_logs} while a maintenance pass runs and a long-running reader
 * holds a lock on the table; their latency is compared with a quiet window of the same run. Two ways to maintain:
 * this tool (partctl through the services) and, as the baseline, the guide's direct DDL without lock_timeout
 * ({@code CREATE TABLE … PARTITION OF}, {@code DROP TABLE}). Prints p50 / p99 / max and inserts over 50 ms.
 *
 * <p>Run: {@code ./benchmark.sh [--runs N] [--rate INSERTS_PER_SECOND]}.
 */
public final class LockBenchmark {

    static {
        System.setProperty("log4j2.configurationFile", "stack-log4j2.xml");
    }

    private static final int WRITERS = 4;
    private static final long QUIET_MILLIS = 10_000;
    private static final long READER_MILLIS = 6_000;

    private LockBenchmark() {
    }

    /** One measured window. */
    record Window(String scenario, int run, String name, Histogram latencies, long errors) {
        String row() {
            long over = latencies.getTotalCount() - latencies.getCountBetweenValues(0, 50_000);
            return String.format("%-22s %3d  %-12s %8d %8.2f %8.2f %9.2f %6d %6d", scenario, run, name,
                    latencies.getTotalCount(), latencies.getValueAtPercentile(50) / 1000.0,
                    latencies.getValueAtPercentile(99) / 1000.0, latencies.getMaxValue() / 1000.0, over, errors);
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int rate = 300;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path project = Path.of(".").toAbsolutePath().normalize();
        List<Window> windows = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            windows.addAll(scenario("partctl (this tool)", run, rate, project, true));
            windows.addAll(scenario("direct DDL (baseline)", run, rate, project, false));
        }
        System.out.printf("%n%d writers, %d inserts/s into audit_logs (current month); a reader holds ACCESS SHARE on"
                + " audit_logs for %d s from the start of maintenance.%n", WRITERS, rate, READER_MILLIS / 1000);
        System.out.printf("%-22s %3s  %-12s %8s %8s %8s %9s %6s %6s%n", "scenario", "run", "window", "inserts",
                "p50 ms", "p99 ms", "max ms", ">50ms", "errors");
        windows.forEach(w -> System.out.println(w.row()));
        summary(windows, "partctl (this tool)");
        summary(windows, "direct DDL (baseline)");
    }

    private static List<Window> scenario(String scenario, int run, int rate, Path project, boolean tool)
            throws Exception {
        Stack.Options options = new Stack.Options(project, project.resolve(".benchmark"), 2000, 0, tool);
        try (Stack stack = Stack.start(options, System.err);
                WriterLoad load = WriterLoad.start(stack::connect, "public.audit_logs", WRITERS, rate)) {
            Thread.sleep(2000);
            load.window(); // warm-up discarded
            long errors0 = load.errors();
            Thread.sleep(QUIET_MILLIS);
            Window quiet = new Window(scenario, run, "quiet", load.window(), load.errors() - errors0);
            long errors1 = load.errors();
            Thread reader = longReader(stack);
            long started = System.nanoTime();
            if (tool) {
                int exit = Partctl.execute("maintain", "--bootstrap-servers", stack.bootstrapServers(),
                        "--schema-registry-url", stack.registryUrl(), "--inventory", stack.inventory().toString(),
                        "--quiet", "--output-file", project.resolve(".benchmark/report-" + run + ".md").toString());
                System.err.println("benchmark: partctl exited " + exit);
            } else {
                directDdl(stack);
            }
            reader.join();
            Window maintenance = new Window(scenario, run, "maintenance", load.window(), load.errors() - errors1);
            System.err.printf("benchmark: %s run %d: maintenance took %.1f s; last writer error: %s%n", scenario, run,
                    (System.nanoTime() - started) / 1e9, load.lastError());
            return List.of(quiet, maintenance);
        }
    }

    /** A report query that keeps its transaction (and its lock on every partition) open for a while. */
    private static Thread longReader(Stack stack) {
        Thread t = new Thread(() -> {
            try (Connection c = stack.connect()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE public.audit_logs IN ACCESS SHARE MODE");
                    s.executeQuery("SELECT count(*) FROM public.audit_logs").close();
                    Thread.sleep(READER_MILLIS);
                }
                c.rollback();
            } catch (SQLException | InterruptedException e) {
                System.err.println("benchmark: reader: " + e.getMessage());
            }
        }, "long-reader");
        t.start();
        return t;
    }

    /** What a cron job running the guide's SQL directly would do for audit_logs. */
    private static void directDdl(Stack stack) throws SQLException {
        YearMonth m = YearMonth.now(ZoneOffset.UTC);
        List<String> ddl = List.of(
                partitionOf(m.plusMonths(2)), partitionOf(m.plusMonths(3)),
                "DROP TABLE public." + name(m.minusMonths(14)), "DROP TABLE public." + name(m.minusMonths(13)));
        try (Connection c = stack.connect(); Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
        }
    }

    private static String partitionOf(YearMonth month) {
        return "CREATE TABLE public." + name(month) + " PARTITION OF public.audit_logs FOR VALUES FROM ('"
                + month.atDay(1) + " 00:00:00+00') TO ('" + month.plusMonths(1).atDay(1) + " 00:00:00+00')";
    }

    private static String name(YearMonth month) {
        return String.format("audit_logs_p%04d_%02d", month.getYear(), month.getMonthValue());
    }

    private static void summary(List<Window> windows, String scenario) {
        List<Double> ratios = new ArrayList<>();
        List<Double> maxima = new ArrayList<>();
        for (int i = 0; i + 1 < windows.size(); i += 2) {
            Window quiet = windows.get(i);
            Window busy = windows.get(i + 1);
            if (quiet.scenario().equals(scenario)) {
                ratios.add((double) busy.latencies().getValueAtPercentile(99)
                        / Math.max(1, quiet.latencies().getValueAtPercentile(99)));
                maxima.add(busy.latencies().getMaxValue() / 1000.0);
            }
        }
        ratios.sort(Double::compare);
        maxima.sort(Double::compare);
        System.out.printf("%s: p99 during maintenance / quiet p99, median of %d runs: %.2fx; median max %.1f ms%n",
                scenario, ratios.size(), ratios.get(ratios.size() / 2), maxima.get(maxima.size() / 2));
    }
}
