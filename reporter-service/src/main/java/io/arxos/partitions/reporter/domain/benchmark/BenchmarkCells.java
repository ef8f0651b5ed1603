package io.arxos.partitions.reporter.domain.benchmark;

import java.util.Locale;

/** How benchmark figures read in every rendering: times, changes, verdicts, partitions, cache hits. */
public final class BenchmarkCells {

    private BenchmarkCells() {
    }

    public static String millis(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f ms", ms) : ms >= 10
                ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    /** "12.3 ms (11.9–14.0)": median, then min to p95. */
    public static String spread(Spread s) {
        return s == null ? "—" : millis(s.median()) + " (" + millis(s.min()).replace(" ms", "") + "–"
                + millis(s.p95()).replace(" ms", "") + ")";
    }

    /** "−42.0 %" faster, "+8.1 %" slower. */
    public static String change(Double percent) {
        return percent == null ? "—" : String.format(Locale.ROOT, "%+.1f %%", percent).replace('-', '−');
    }

    public static String verdict(Verdict v) {
        return switch (v) {
            case FASTER -> "faster";
            case SLOWER -> "SLOWER";
            case NO_DIFFERENCE -> "no significant difference";
            case VOID -> "void";
        };
    }

    /** "1 of 13" on a partitioned side, "plain table" on an unpartitioned one. */
    public static String partitions(int scanned, int inTable, boolean partitionedSide) {
        return partitionedSide ? scanned + " of " + inTable : "plain table";
    }

    public static String ratio(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    public static String pValue(Double p) {
        return p == null ? "—" : p < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
