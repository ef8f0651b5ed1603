package io.arxos.partitions.stack;

import io.arxos.partitions.cli.Partctl;
import io.arxos.partitions.stack.FleetFigures.Pass;
import io.arxos.partitions.stack.FleetFigures.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    static final String ROLE = "partman_bench";

    /** Command-line settings. */
    record Settings(List<Integer> tables, int databases, int executors, int runs, int history, int budget,
            boolean statements, int workers, String sharedBuffers) {
    }

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = parse(args);
        Path project = Path.of(".").toAbsolutePath().normalize();
        Path work = project.resolve(".benchmark/fleet");
        FleetFigures figures = new FleetFigures(System.out);
        int port = Stack.freePorts(1)[0];
        // autovacuum off and no timed checkpoints: their work would land in whichever pass happens to run; the
        // untimed reset before every pass vacuums the catalogs and checkpoints instead (FleetTables.settle)
        Map<String, String> server = new java.util.LinkedHashMap<>(Map.of("max_connections", "300", "autovacuum",
                "off", "max_locks_per_transaction", "128", "checkpoint_timeout", "1h", "max_wal_size", "8GB",
                "shared_buffers", settings.sharedBuffers()));
        if (settings.statements()) {
            // diagnosis only: where this tool's server time goes, per statement (costs a little CPU itself)
            server.putAll(Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track_planning",
                    "on", "pg_stat_statements.track", "top"));
        }
        try (SystemPostgres postgres = SystemPostgres.start(Path.of("/tmp/arxos-fleet-benchmark"), 15, port, server,
                List.of("postgresql-15-partman"))) {
            String rolePassword = createRole(postgres);
            for (int n : settings.tables()) {
                tablesScenario(settings, n, postgres, rolePassword, project, work, figures);
            }
            figures.finalSummary(settings.tables());
            if (settings.databases() > 0) {
                new FleetPass(postgres, rolePassword, project, work, settings).run();
            }
        }
    }

    private static void tablesScenario(Settings settings, int n, SystemPostgres postgres, String rolePassword,
            Path project, Path work, FleetFigures figures) throws Exception {
        List<String> names = IntStream.rangeClosed(1, n).mapToObj(FleetTables::name).toList();
        long t0 = System.nanoTime();
        for (Side side : Side.values()) {
            String db = database(side);
            recreateDatabase(postgres, db);
            try (Connection c = side == Side.PARTMAN ? postgres.superuser(db) : connect(postgres, db, rolePassword)) {
                if (settings.statements() && side == Side.TOOL) {
                    try (Connection su = postgres.superuser(db); Statement s = su.createStatement()) {
                        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    }
                }
                if (side == Side.PARTMAN) {
                    FleetTables.createWithPartman(c, names, settings.history());
                } else {
                    FleetTables.createPlain(c, names, settings.history());
                }
                // as autovacuum would have by now on a production server (it is off here to keep the passes quiet)
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
        }
        System.err.printf("fleet-benchmark: N=%d: %d tables with %d months each built three times (%.1f s)%n", n, n,
                settings.history(), (System.nanoTime() - t0) / 1e9);
        Path inventory = FleetInventoryFile.write(work.resolve("fleet-" + n + ".yaml"), postgres,
                List.of(database(Side.TOOL)), names, rolePassword, work);
        Stack.ExternalFleet fleet = new Stack.ExternalFleet(inventory, 1, executorProperties(settings.budget(),
                settings.workers()));
        try (Stack stack = Stack.start(new Stack.Options(project, work.resolve("stack"), 0, 0, true,
                Optional.of(fleet)), System.err)) {
            warmUp(stack, work, postgres, rolePassword, names);
            Map<String, Double> quiet0 = stack.processCpuSeconds();
            double pgQuiet0 = postgres.cpuSeconds();
            Stack.pause(5000);
            System.out.println("quiet 5 s, nothing requested: CPU s of " + serviceCpu(quiet0, stack.processCpuSeconds())
                    + String.format(java.util.Locale.ROOT, ", PostgreSQL %.2f", postgres.cpuSeconds() - pgQuiet0));
            for (int run = 1; run <= settings.runs(); run++) {
                List<Side> order = rotate(List.of(Side.TOOL, Side.PARTMAN, Side.RAW), run - 1);
                for (Side side : order) {
                    try (Connection c = side == Side.PARTMAN ? postgres.superuser(database(side))
                            : connect(postgres, database(side), rolePassword)) {
                        FleetTables.dropPremade(c, names);
                    }
                    quiesce(postgres);
                    resetStatements(settings, postgres);
                    figures.add(pass(side, false, n, run, names, postgres, rolePassword, stack, work));
                    printStatements(settings, postgres, side);
                }
                for (Side side : List.of(Side.TOOL, Side.PARTMAN)) {
                    quiesce(postgres);
                    resetStatements(settings, postgres);
                    figures.add(pass(side, true, n, run, names, postgres, rolePassword, stack, work));
                    printStatements(settings, postgres, side);
                }
            }
        }
        figures.summarize(n);
    }

    /** One pass of one side, measured; partitions created are counted in the catalog. */
    private static Pass pass(Side side, boolean idle, int n, int run, List<String> names, SystemPostgres postgres,
            String rolePassword, Stack stack, Path work) throws Exception {
        String db = database(side);
        int before;
        try (Connection c = postgres.superuser(db)) {
            before = FleetTables.countPartitions(c, names);
        }
        settle();
        Map<Long, Long> children0 = postgres.childTicks();
        double cpu0 = postgres.cpuSeconds();
        long t0 = System.nanoTime();
        String note;
        if (side == Side.TOOL) {
            try (CommandLatency latency = CommandLatency.open(stack.bootstrapServers(), stack.registryUrl())) {
                Map<String, Double> services0 = stack.processCpuSeconds();
                long startedAt = System.currentTimeMillis();
                t0 = System.nanoTime();
                int exit = maintain(stack, work, "bench_tool");
                double wall = (System.nanoTime() - t0) / 1e9;
                long returnedAt = System.currentTimeMillis();
                settle();
                double cpu = postgres.cpuSeconds() - cpu0;
                if (STATEMENTS) {
                    printBackendCpu(postgres, children0, cpu, db);
                }
                CommandLatency.Figures figures = latency.collect(Duration.ofSeconds(3), startedAt, returnedAt);
                note = "partctl exit " + exit + "; " + figures.row() + "; CPU s of "
                        + serviceCpu(services0, stack.processCpuSeconds());
                return new Pass(n, run, side, idle, wall, cpu, created(postgres, db, names, before), note);
            }
        }
        if (side == Side.PARTMAN) {
            try (Connection c = postgres.superuser(db); Statement s = c.createStatement()) {
                s.execute("CALL partman.run_maintenance_proc()");
            }
            note = "CALL partman.run_maintenance_proc()";
        } else {
            List<String> ddl = FleetTables.rawDdl(names, YearMonth.now(ZoneOffset.UTC));
            try (Connection c = connect(postgres, db, rolePassword); Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    s.execute(sql);
                }
            }
            note = ddl.size() + " statements, autocommit, one session";
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        settle();
        double cpu = postgres.cpuSeconds() - cpu0;
        return new Pass(n, run, side, idle, wall, cpu, created(postgres, db, names, before), note);
    }

    /** Set by --statements: diagnosis output (statements and CPU per server process). */
    static boolean STATEMENTS;

    /**
     * Where the server's CPU of a pass went, per process still alive (its title and application name) and for the
     * processes that exited during the pass together.
     */
    static void printBackendCpu(SystemPostgres postgres, Map<Long, Long> before, double total, String db)
            throws SQLException {
        Map<Long, Long> after = postgres.childTicks();
        Map<Long, String> names = new java.util.HashMap<>();
        try (Connection c = postgres.superuser(db); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT pid, coalesce(application_name, ''), backend_type"
                        + " FROM pg_stat_activity")) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(3) + " '" + rs.getString(2) + "'");
            }
        }
        double live = 0;
        System.out.println("  server CPU by process (s):");
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            double used = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) SystemPostgres.CLOCK_TICKS;
            live += used;
            if (used > 0) {
                System.out.printf(java.util.Locale.ROOT, "  %8.2f  %s  %s%s%n", used, SystemPostgres.title(e.getKey()),
                        names.getOrDefault(e.getKey(), "?"), before.containsKey(e.getKey()) ? "" : " (new)");
            }
        }
        long exited = before.keySet().stream().filter(pid -> !after.containsKey(pid)).count();
        System.out.printf(java.util.Locale.ROOT, "  %8.2f  %d processes that exited during the pass (their whole"
                + " lifetime) and the postmaster%n", total - live, exited);
    }

    static void resetStatements(Settings settings, SystemPostgres postgres) throws SQLException {
        if (settings.statements()) {
            try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
        }
    }

    /** With --statements: the statements that took the server's time in the last pass, most expensive first. */
    static void printStatements(Settings settings, SystemPostgres postgres, Side side) throws SQLException {
        if (!settings.statements()) {
            return;
        }
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("""
                        SELECT round(sum(total_exec_time + total_plan_time)::numeric, 1) AS ms, sum(calls),
                               regexp_replace(left(regexp_replace(query, '\\s+', ' ', 'g'), 44), '[0-9]+', 'N', 'g')
                          FROM pg_stat_statements
                         WHERE query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_inherits i JOIN pg_class p%'
                         GROUP BY 3 ORDER BY 1 DESC LIMIT 20""")) {
            System.out.println("  statements of this pass by their first 60 characters (ms, calls, query):");
            while (rs.next()) {
                System.out.printf("  %10s %6d  %s%n", rs.getString(1), rs.getLong(2), rs.getString(3));
            }
        }
    }

    /** CPU seconds each process of the stack used between two readings. */
    static String serviceCpu(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.2f", value - before.getOrDefault(name, 0.0))));
        return text.toString();
    }

    /**
     * A fresh stack's first pass pays for class loading and JIT compilation in every service and the broker, which a
     * long-running deployment paid once: one untimed full pass (and the reset before each timed one) absorbs it.
     */
    private static void warmUp(Stack stack, Path work, SystemPostgres postgres, String rolePassword,
            List<String> names) throws SQLException {
        int exit = maintain(stack, work, "bench_tool");
        System.err.println("fleet-benchmark: warm-up pass exited " + exit);
        try (Connection c = connect(postgres, database(Side.TOOL), rolePassword)) {
            FleetTables.dropPremade(c, names);
        }
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

    private static int created(SystemPostgres postgres, String db, List<String> names, int before)
            throws SQLException {
        try (Connection c = postgres.superuser(db)) {
            return FleetTables.countPartitions(c, names) - before;
        }
    }

    /**
     * Before a timed pass: what autovacuum and the checkpointer would do in the background is done now, untimed, in
     * every benchmark database (dropped partitions leave dead catalog rows that would slow the next pass's lookups).
     */
    static void quiesce(SystemPostgres postgres) throws SQLException {
        List<String> databases = new ArrayList<>();
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'bench%'")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        for (String db : databases) {
            try (Connection c = postgres.superuser(db); Statement s = c.createStatement()) {
                s.execute("VACUUM pg_catalog.pg_class, pg_catalog.pg_attribute, pg_catalog.pg_depend,"
                        + " pg_catalog.pg_type, pg_catalog.pg_index, pg_catalog.pg_inherits, pg_catalog.pg_constraint,"
                        + " pg_catalog.pg_attrdef, pg_catalog.pg_statistic");
            }
        }
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    /** Lets exiting backends be reaped, so their CPU time is in the postmaster's children total. */
    static void settle() {
        Stack.pause(300);
    }

    static String database(Side side) {
        return switch (side) {
            case TOOL -> "bench_tool";
            case PARTMAN -> "bench_partman";
            case RAW -> "bench_raw";
        };
    }

    static Connection connect(SystemPostgres postgres, String db, String rolePassword) throws SQLException {
        return java.sql.DriverManager.getConnection(postgres.jdbcUrl(db), ROLE, rolePassword);
    }

    private static String createRole(SystemPostgres postgres) throws SQLException {
        String password = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(12));
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
            // the executor's lock probe reads other roles' transaction start times
            s.execute("GRANT pg_read_all_stats TO " + ROLE);
        }
        return password;
    }

    static void recreateDatabase(SystemPostgres postgres, String db) throws SQLException {
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db + " OWNER " + ROLE);
        }
    }

    private static <T> List<T> rotate(List<T> list, int by) {
        List<T> rotated = new ArrayList<>(list);
        java.util.Collections.rotate(rotated, -(by % list.size()));
        return rotated;
    }

    private static Settings parse(String[] args) {
        List<Integer> tables = List.of(50, 200, 500);
        int databases = 200;
        int executors = 2;
        int runs = 3;
        int history = 12;
        int budget = 20;
        boolean statements = false;
        String sharedBuffers = "128MB"; // PostgreSQL's default
        int workers = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fleet" -> {
                }
                case "--tables" -> tables = args[++i].equals("none") ? List.of()
                        : Arrays.stream(args[i].split(",")).map(Integer::valueOf).toList();
                case "--databases" -> databases = Integer.parseInt(args[++i]);
                case "--executors" -> executors = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--history" -> history = Integer.parseInt(args[++i]);
                case "--connection-budget" -> budget = Integer.parseInt(args[++i]);
                case "--statements" -> statements = true;
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--shared-buffers" -> sharedBuffers = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: --fleet"
                        + " [--tables 50,200,500] [--databases 200] [--executors 2] [--runs 3] [--history 12]"
                        + " [--connection-budget 20] [--workers W] [--statements] [--shared-buffers 128MB]");
            }
        }
        STATEMENTS = statements;
        return new Settings(tables, databases, executors, runs, history, budget, statements, workers,
                sharedBuffers);
    }

    static void writeSecret(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret + "\n");
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
