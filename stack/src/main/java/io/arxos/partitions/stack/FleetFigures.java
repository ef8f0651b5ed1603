package io.arxos.partitions.stack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The fleet benchmark's measurements and how they are printed: per pass, as medians, and one summary line per N. */
final class FleetFigures {

    /** Who maintained the tables. */
    enum Side {
        TOOL("this tool"), PARTMAN("pg_partman"), RAW("raw DDL");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    /** One measured pass: wall time, the server's CPU, partitions created. {@code idle}: nothing was left to do. */
    record Pass(int tables, int run, Side side, boolean idle, double wallSeconds, double cpuSeconds, int created,
            String note) {

        double wallMsPerPartition() {
            return created == 0 ? Double.NaN : wallSeconds * 1000 / created;
        }

        double cpuMsPerPartition() {
            return created == 0 ? Double.NaN : cpuSeconds * 1000 / created;
        }

        String row() {
            return String.format(Locale.ROOT,
                    "N=%-5d run %d  %-10s %-5s wall %8.2f s  PostgreSQL CPU %7.2f s  created %5d"
                            + "  %7s ms/partition wall  %7s ms/partition CPU  %s", tables, run, side.label,
                    idle ? "idle" : "pass", wallSeconds, cpuSeconds, created, fmt(wallMsPerPartition()),
                    fmt(cpuMsPerPartition()), note);
        }
    }

    private final List<Pass> passes = new ArrayList<>();
    private final PrintStream out;

    FleetFigures(PrintStream out) {
        this.out = out;
    }

    void add(Pass pass) {
        passes.add(pass);
        out.println(pass.row());
    }

    /** Medians per side and the ratios for {@code n}, ending with the one-line summary. */
    void summarize(int n) {
        out.printf(Locale.ROOT, "%nN=%d, medians of %d runs:%n", n, count(n, Side.TOOL, false));
        for (Side side : Side.values()) {
            for (boolean idle : new boolean[] {false, true}) {
                if (count(n, side, idle) == 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "  %-10s %-5s wall %8.2f s  PostgreSQL CPU %7.2f s  %7s ms/partition wall"
                        + "  %7s ms/partition CPU%n", side.label, idle ? "idle" : "pass", median(n, side, idle,
                                Pass::wallSeconds), median(n, side, idle, Pass::cpuSeconds),
                        fmt(median(n, side, idle, Pass::wallMsPerPartition)),
                        fmt(median(n, side, idle, Pass::cpuMsPerPartition)));
            }
        }
        out.printf(Locale.ROOT, "N=%-5d wall %.2f× pg_partman  CPU %.2f× pg_partman  raw DDL %.2f×  |  idle: wall %.2f×"
                + " pg_partman  CPU %.2f× pg_partman%n", n, ratio(n, Side.PARTMAN, false, Pass::wallSeconds),
                ratio(n, Side.PARTMAN, false, Pass::cpuSeconds), ratio(n, Side.RAW, false, Pass::wallSeconds),
                ratio(n, Side.PARTMAN, true, Pass::wallSeconds), ratio(n, Side.PARTMAN, true, Pass::cpuSeconds));
    }

    /** The summary lines of every N, again at the end so they are easy to find. */
    void finalSummary(List<Integer> ns) {
        out.println();
        for (int n : ns) {
            out.printf(Locale.ROOT, "N=%-5d wall %.2f× pg_partman  CPU %.2f× pg_partman  raw DDL %.2f×  |  idle: wall"
                    + " %.2f× pg_partman  CPU %.2f× pg_partman  |  %s ms/partition wall, %s ms/partition CPU%n", n,
                    ratio(n, Side.PARTMAN, false, Pass::wallSeconds), ratio(n, Side.PARTMAN, false, Pass::cpuSeconds),
                    ratio(n, Side.RAW, false, Pass::wallSeconds), ratio(n, Side.PARTMAN, true, Pass::wallSeconds),
                    ratio(n, Side.PARTMAN, true, Pass::cpuSeconds),
                    fmt(median(n, Side.TOOL, false, Pass::wallMsPerPartition)),
                    fmt(median(n, Side.TOOL, false, Pass::cpuMsPerPartition)));
        }
    }

    /** This tool's median over the other side's median, for the same N and kind of pass. */
    private double ratio(int n, Side other, boolean idle, ToDoubleFunction<Pass> metric) {
        return median(n, Side.TOOL, idle, metric) / median(n, other, idle, metric);
    }

    private long count(int n, Side side, boolean idle) {
        return passes.stream().filter(p -> p.tables() == n && p.side() == side && p.idle() == idle).count();
    }

    double median(int n, Side side, boolean idle, ToDoubleFunction<Pass> metric) {
        double[] values = passes.stream().filter(p -> p.tables() == n && p.side() == side && p.idle() == idle)
                .mapToDouble(metric).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
