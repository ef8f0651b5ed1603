package io.arxos.partitions.stack;

import io.arxos.partitions.cli.Partctl;
import io.arxos.partitions.stack.FleetFigures.Side;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Cost of a maintenance pass, side by side in one run on one private PostgreSQL 15 cluster: this tool
 * ({@code partctl maintain} through Kafka and the three services, end to end), pg_partman 4.x
 * ({@code CALL partman.run_maintenance_proc()}) and a raw {@code CREATE TABLE … PARTITION OF} script, on identical
 * tables that each need three new monthly partitions, interleaved run by run (the order rotates), then an idle pass
 * (nothing left to do) of this tool and pg_partman. Prints wall time, the server's CPU (from /proc), partitions
 * created, milliseconds per partition and the ratios; then the fleet pass of {@link FleetPass}.
 *
 * <p>Run: {@code ./benchmark.sh --fleet [--tables 50,200,500] [--databases 200] [--executors 2] [--runs 3]}.
 */
public final class FleetBenchmark {

    static {
        System.setProperty("log4j2.configurationFile", "stack-log4j2.xml");
    }

    private final FleetOptions options;
    private final BenchmarkCluster cluster;
    private final ServerDiagnosis diagnosis;
    private final Path project;
    private final Path work;
    private final FleetFigures figures = new FleetFigures(System.out);

    private FleetBenchmark(FleetOptions options, BenchmarkCluster cluster, Path project) {
        this.options = options;
        this.cluster = cluster;
        this.diagnosis = new ServerDiagnosis(cluster.postgres(), options.statements());
        this.project = project;
        this.work = project.resolve(".benchmark/fleet");
    }

    public static void main(String[] args) throws Exception {
        FleetOptions options = FleetOptions.parse(args);
        Path project = Path.of(".").toAbsolutePath().normalize();
        System.err.println("fleet-benchmark: PostgreSQL 15 data in " + options.dataDir());
        try (SystemPostgres postgres = SystemPostgres.start(options.dataDir(), 15, Stack.freePorts(1)[0],
                BenchmarkCluster.serverSettings(options), List.of("postgresql-15-partman"))) {
            FleetBenchmark benchmark = new FleetBenchmark(options, BenchmarkCluster.on(postgres), project);
            for (int n : options.tables()) {
                benchmark.tablesScenario(n);
            }
            benchmark.figures.finalSummary(options.tables());
            if (options.databases() > 0) {
                new FleetPass(benchmark.cluster, benchmark.diagnosis, project, benchmark.work, options).run();
            }
        }
    }

    private void tablesScenario(int n) throws Exception {
        List<String> names = IntStream.rangeClosed(1, n).mapToObj(FleetTables::name).toList();
        build(n, names);
        Path inventory = FleetInventoryFile.write(work.resolve("fleet-" + n + ".yaml"), cluster.postgres(),
                List.of(database(Side.TOOL)), names, cluster.rolePassword(), work);
        Stack.ExternalFleet fleet = new Stack.ExternalFleet(inventory, 1, executorProperties(options.budget(),
                options.workers()));
        try (Stack stack = Stack.start(new Stack.Options(project, work.resolve("stack"), 0, 0, true,
                Optional.of(fleet)), System.err)) {
            warmUp(stack, names);
            quietWindow(stack);
            SidePasses passes = new SidePasses(cluster, diagnosis, stack, work, names);
            for (int run = 1; run <= options.runs(); run++) {
                for (Side side : rotate(List.of(Side.TOOL, Side.PARTMAN, Side.RAW), run - 1)) {
                    try (Connection c = side == Side.PARTMAN ? cluster.postgres().superuser(database(side))
                            : cluster.connect(database(side))) {
                        FleetTables.dropPremade(c, names);
                    }
                    figures.add(passes.measure(side, false, n, run));
                }
                for (Side side : List.of(Side.TOOL, Side.PARTMAN)) {
                    figures.add(passes.measure(side, true, n, run));
                }
            }
        }
        figures.summarize(n);
    }

    /** The same {@code n} tables three times: plain DDL for this tool and the raw script, create_parent for partman. */
    private void build(int n, List<String> names) throws Exception {
        long t0 = System.nanoTime();
        for (Side side : Side.values()) {
            String db = database(side);
            cluster.recreateDatabase(db);
            try (Connection c = side == Side.PARTMAN ? cluster.postgres().superuser(db) : cluster.connect(db)) {
                if (options.statements() && side == Side.TOOL) {
                    try (Connection su = cluster.postgres().superuser(db); Statement s = su.createStatement()) {
                        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    }
                }
                if (side == Side.PARTMAN) {
                    FleetTables.createWithPartman(c, names, options.history());
                } else {
                    FleetTables.createPlain(c, names, options.history());
                }
                // as autovacuum would have by now on a production server (it is off here to keep the passes quiet)
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
        }
        System.err.printf("fleet-benchmark: N=%d: %d tables with %d months each built three times (%.1f s)%n", n, n,
                options.history(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * A fresh stack's first pass pays for class loading and JIT compilation in every service and the broker, which a
     * long-running deployment paid once: one untimed full pass (and the reset before each timed one) absorbs it.
     */
    private void warmUp(Stack stack, List<String> names) throws Exception {
        int exit = maintain(stack, work, "bench_tool");
        System.err.println("fleet-benchmark: warm-up pass exited " + exit);
        try (Connection c = cluster.connect(database(Side.TOOL))) {
            FleetTables.dropPremade(c, names);
        }
    }

    /** What the stack and the server cost while nobody asks for anything. */
    private void quietWindow(Stack stack) {
        Map<String, Double> quiet0 = stack.processCpuSeconds();
        double pgQuiet0 = cluster.postgres().cpuSeconds();
        Stack.pause(5000);
        System.out.println("quiet 5 s, nothing requested: CPU s of " + serviceCpu(quiet0, stack.processCpuSeconds())
                + String.format(Locale.ROOT, ", PostgreSQL %.2f", cluster.postgres().cpuSeconds() - pgQuiet0));
    }

    /** CPU seconds each process of the stack used between two readings. */
    static String serviceCpu(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", value - before.getOrDefault(name, 0.0))));
        return text.toString();
    }

    /** The executors' connection budget and workers (0 leaves the executor's defaults). */
    static Map<String, Map<String, String>> executorProperties(int budget, int workers) {
        Map<String, String> executor = new java.util.HashMap<>();
        if (budget > 0) {
            executor.put("executor.max-connections", Integer.toString(budget));
        }
        if (workers > 0) {
            executor.put("executor.workers", Integer.toString(workers));
        }
        return Map.of("executor-service", executor);
    }

    /** {@code partctl maintain} in this JVM, quietly, writing the JSON report to the work directory. */
    static int maintain(Stack stack, Path work, String... databases) {
        List<String> args = new ArrayList<>(List.of("maintain", "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.registryUrl(), "--inventory", stack.inventory().toString(), "--quiet",
                "--timeout", "PT30M", "--output-format", "json", "--output-file",
                work.resolve("last-report.json").toString()));
        for (String db : databases) {
            args.addAll(List.of("--database", db));
        }
        return Partctl.execute(args.toArray(String[]::new));
    }

    static String database(Side side) {
        return switch (side) {
            case TOOL -> "bench_tool";
            case PARTMAN -> "bench_partman";
            case RAW -> "bench_raw";
        };
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        List<T> rotated = new ArrayList<>(list);
        java.util.Collections.rotate(rotated, -(by % list.size()));
        return rotated;
    }
}
