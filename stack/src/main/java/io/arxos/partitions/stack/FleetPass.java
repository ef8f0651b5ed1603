package io.arxos.partitions.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The fleet pass: D databases × the four Arxos tables in one cluster, each table needing three partitions, with a
 * budget of PostgreSQL connections shared by the executors; once with one executor and once with E instances in
 * one consumer group. Prints wall time, server CPU, the most executor connections seen open at once (sampled from
 * pg_stat_activity every 100 ms, which itself costs the server a little CPU), command latencies, the speed-up, and
 * from every database's ledger that no command was applied twice and no table was handled by two executors.
 */
final class FleetPass {

    private static final List<String> TABLES = List.of("audit_logs", "object_history", "slow_query_log",
            "chat_messages");

    private final BenchmarkCluster cluster;
    private final SystemPostgres postgres;
    private final ServerDiagnosis diagnosis;
    private final Path project;
    private final Path work;
    private final FleetOptions settings;

    FleetPass(BenchmarkCluster cluster, ServerDiagnosis diagnosis, Path project, Path work, FleetOptions settings) {
        this.cluster = cluster;
        this.postgres = cluster.postgres();
        this.diagnosis = diagnosis;
        this.project = project;
        this.work = work;
        this.settings = settings;
    }

    void run() throws Exception {
        List<String> databases = IntStream.rangeClosed(1, settings.databases())
                .mapToObj(i -> String.format("fleet_%04d", i)).toList();
        long t0 = System.nanoTime();
        for (String db : databases) {
            cluster.recreateDatabase(db);
            try (Connection c = cluster.connect(db);
                    Statement s = c.createStatement()) {
                FleetTables.createPlain(c, TABLES, settings.history());
                s.execute("ANALYZE"); // as autovacuum would have by now
            }
        }
        System.err.printf("fleet-benchmark: %d databases × %d tables built (%.1f s)%n", databases.size(),
                TABLES.size(), (System.nanoTime() - t0) / 1e9);
        Path inventory = FleetInventoryFile.write(work.resolve("fleet-databases.yaml"), postgres, databases, TABLES,
                cluster.rolePassword(), work);
        Map<Integer, List<Double>> walls = new TreeMap<>();
        List<Integer> instances = settings.executors() > 1 ? List.of(1, settings.executors()) : List.of(1);
        for (int executors : instances) {
            int perExecutor = Math.max(1, settings.budget() / executors);
            Stack.ExternalFleet fleet = new Stack.ExternalFleet(inventory, executors,
                    FleetBenchmark.executorProperties(settings.budget() <= 0 ? 0 : perExecutor, settings.workers()));
            try (Stack stack = Stack.start(new Stack.Options(project, work.resolve("stack"), 0, 0, true,
                    Optional.of(fleet)), System.err)) {
                FleetBenchmark.maintain(stack, work);
                for (int run = 1; run <= settings.runs(); run++) {
                    for (String db : databases) {
                        try (Connection c = cluster.connect(db)) {
                            FleetTables.dropPremade(c, TABLES);
                        }
                    }
                    diagnosis.resetStatements();
                    walls.computeIfAbsent(executors, k -> new ArrayList<>())
                            .add(measure(stack, databases, executors, perExecutor, run));
                    diagnosis.printStatements();
                }
            }
        }
        if (walls.size() > 1) {
            double one = median(walls.get(1));
            double many = median(walls.get(settings.executors()));
            System.out.printf(Locale.ROOT, "fleet: %d databases × %d tables: 1 executor %.2f s, %d executors %.2f s:"
                    + " speed-up %.2f×%n", databases.size(), TABLES.size(), one, settings.executors(), many,
                    one / many);
        }
    }

    private double measure(Stack stack, List<String> databases, int executors, int perExecutor, int run)
            throws Exception {
        String runId = "fleet-bench-" + UUID.randomUUID();
        BenchmarkCluster.settle();
        double cpu0 = postgres.cpuSeconds();
        try (ConnectionSampler sampler = ConnectionSampler.start(postgres);
                CommandLatency latency = CommandLatency.open(stack.bootstrapServers(), stack.registryUrl())) {
            long startedAt = System.currentTimeMillis();
            long t0 = System.nanoTime();
            int exit = io.arxos.partitions.cli.Partctl.execute("maintain", "--bootstrap-servers",
                    stack.bootstrapServers(), "--schema-registry-url", stack.registryUrl(), "--inventory",
                    stack.inventory().toString(), "--quiet", "--timeout", "PT60M", "--run-id", runId,
                    "--output-file", work.resolve("fleet-report.md").toString());
            double wall = (System.nanoTime() - t0) / 1e9;
            long returnedAt = System.currentTimeMillis();
            BenchmarkCluster.settle();
            double cpu = postgres.cpuSeconds() - cpu0;
            int maxExecutor = sampler.maxExecutorConnections();
            CommandLatency.Figures figures = latency.collect(Duration.ofSeconds(3), startedAt, returnedAt);
            System.out.printf(Locale.ROOT, "fleet: %d databases × %d tables, %d executor(s) with %d connections each,"
                    + " run %d: wall %.2f s, PostgreSQL CPU %.2f s, partctl exit %d, executor connections open at"
                    + " once: max %d (budget %d)%n  %s%n  %s%n  report: %,d bytes of Markdown; peak resident"
                    + " memory so far (MiB): %s%n", databases.size(), TABLES.size(), executors,
                    perExecutor, run, wall, cpu, exit, maxExecutor, perExecutor * executors, figures.row(),
                    ledgerCheck(databases, runId), reportBytes(),
                    stack.servicePeakMemory());
            return wall;
        }
    }

    private long reportBytes() throws IOException {
        Path report = work.resolve("fleet-report.md");
        return Files.exists(report) ? Files.size(report) : -1;
    }

    /** From every database's ledger: commands applied twice, and tables whose commands ran on two executors. */
    private String ledgerCheck(List<String> databases, String runId) throws SQLException {
        int appliedTwice = 0;
        int sharedTables = 0;
        int applied = 0;
        Map<String, Integer> tablesByExecutor = new TreeMap<>();
        for (String db : databases) {
            try (Connection c = postgres.superuser(db); PreparedStatement ps = c.prepareStatement("""
                    SELECT command_id, table_name, count(*) AS n, min(executor) AS first, max(executor) AS last
                      FROM partition_ops.operations
                     WHERE run_id = ? AND status = 'applied' AND is_final
                     GROUP BY command_id, table_name""")) {
                ps.setString(1, runId);
                Map<String, String> executorOfTable = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        applied++;
                        appliedTwice += rs.getInt("n") > 1 ? 1 : 0;
                        String table = rs.getString("table_name");
                        String first = rs.getString("first");
                        String known = executorOfTable.putIfAbsent(table, first);
                        if (!first.equals(rs.getString("last")) || known != null && !known.equals(first)) {
                            executorOfTable.put(table, "*shared*");
                        }
                    }
                }
                for (String executor : executorOfTable.values()) {
                    if (executor.equals("*shared*")) {
                        sharedTables++;
                    } else {
                        tablesByExecutor.merge(executor, 1, Integer::sum);
                    }
                }
            }
        }
        return String.format("ledger: %d changes applied; applied more than once: %d; tables handled per executor %s;"
                + " tables handled by more than one executor: %d", applied, appliedTwice, tablesByExecutor,
                sharedTables);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /** Samples pg_stat_activity on its own connection and keeps the largest count of executor sessions. */
    private static final class ConnectionSampler implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger max = new AtomicInteger();
        private final Thread thread;

        private ConnectionSampler(SystemPostgres postgres) {
            thread = new Thread(() -> {
                try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
                    while (running.get()) {
                        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                                + " WHERE application_name = 'partitions-executor'")) {
                            rs.next();
                            max.accumulateAndGet(rs.getInt(1), Math::max);
                        }
                        Thread.sleep(100);
                    }
                } catch (SQLException | InterruptedException e) {
                    System.err.println("fleet-benchmark: connection sampler stopped: " + e.getMessage());
                }
            }, "connection-sampler");
            thread.setDaemon(true);
        }

        static ConnectionSampler start(SystemPostgres postgres) {
            ConnectionSampler sampler = new ConnectionSampler(postgres);
            sampler.thread.start();
            return sampler;
        }

        int maxExecutorConnections() {
            return max.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(2000);
        }
    }
}
