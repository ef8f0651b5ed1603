package io.arxos.partitions.stack;

import io.arxos.partitions.stack.FleetFigures.Pass;
import io.arxos.partitions.stack.FleetFigures.Side;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One measured pass of one side over the same tables: this tool through partctl and the services, pg_partman's
 * {@code run_maintenance_proc()}, or the raw DDL script in one session. Each starts from a quiesced server; the
 * server's CPU is read from /proc before and after, and the partitions created are counted in the catalog.
 */
final class SidePasses {

    private final BenchmarkCluster cluster;
    private final ServerDiagnosis diagnosis;
    private final Stack stack;
    private final Path work;
    private final List<String> names;

    SidePasses(BenchmarkCluster cluster, ServerDiagnosis diagnosis, Stack stack, Path work, List<String> names) {
        this.cluster = cluster;
        this.diagnosis = diagnosis;
        this.stack = stack;
        this.work = work;
        this.names = names;
    }

    Pass measure(Side side, boolean idle, int n, int run) throws Exception {
        cluster.quiesce();
        diagnosis.resetStatements();
        Pass pass = side == Side.TOOL ? tool(idle, n, run) : sql(side, idle, n, run);
        diagnosis.printStatements();
        return pass;
    }

    private Pass tool(boolean idle, int n, int run) throws Exception {
        String db = FleetBenchmark.database(Side.TOOL);
        int before = partitions(db);
        BenchmarkCluster.settle();
        Map<Long, Long> children0 = cluster.postgres().childTicks();
        double cpu0 = cluster.postgres().cpuSeconds();
        try (CommandLatency latency = CommandLatency.open(stack.bootstrapServers(), stack.registryUrl())) {
            Map<String, Double> services0 = stack.processCpuSeconds();
            long startedAt = System.currentTimeMillis();
            long t0 = System.nanoTime();
            int exit = FleetBenchmark.maintain(stack, work, db);
            double wall = (System.nanoTime() - t0) / 1e9;
            long returnedAt = System.currentTimeMillis();
            BenchmarkCluster.settle();
            double cpu = cluster.postgres().cpuSeconds() - cpu0;
            diagnosis.printBackendCpu(children0, cpu, db);
            CommandLatency.Figures figures = latency.collect(Duration.ofSeconds(3), startedAt, returnedAt);
            String note = "partctl exit " + exit + "; " + figures.row() + "; CPU s of "
                    + FleetBenchmark.serviceCpu(services0, stack.processCpuSeconds());
            return new Pass(n, run, Side.TOOL, idle, wall, cpu, partitions(db) - before, note);
        }
    }

    private Pass sql(Side side, boolean idle, int n, int run) throws SQLException {
        String db = FleetBenchmark.database(side);
        int before = partitions(db);
        BenchmarkCluster.settle();
        double cpu0 = cluster.postgres().cpuSeconds();
        long t0 = System.nanoTime();
        String note;
        if (side == Side.PARTMAN) {
            try (Connection c = cluster.postgres().superuser(db); Statement s = c.createStatement()) {
                s.execute("CALL partman.run_maintenance_proc()");
            }
            note = "CALL partman.run_maintenance_proc()";
        } else {
            List<String> ddl = FleetTables.rawDdl(names, YearMonth.now(ZoneOffset.UTC));
            try (Connection c = cluster.connect(db); Statement s = c.createStatement()) {
                for (String statement : ddl) {
                    s.execute(statement);
                }
            }
            note = ddl.size() + " statements, autocommit, one session";
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        BenchmarkCluster.settle();
        double cpu = cluster.postgres().cpuSeconds() - cpu0;
        return new Pass(n, run, side, idle, wall, cpu, partitions(db) - before, note);
    }

    private int partitions(String db) throws SQLException {
        try (Connection c = cluster.postgres().superuser(db)) {
            return FleetTables.countPartitions(c, names);
        }
    }
}
