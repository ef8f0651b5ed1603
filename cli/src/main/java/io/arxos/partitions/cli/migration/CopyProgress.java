package io.arxos.partitions.cli.migration;

import java.util.Locale;

/**
 * Formats the copy progress line partctl prints after each COPY chunk, e.g.
 * {@code [########------------]  41%  49,200/120,000 rows  12,340 rows/s  ETA 6 s}. Pure text, no I/O.
 */
public final class CopyProgress {

    static final int BAR_WIDTH = 20;

    private CopyProgress() {
    }

    /**
     * The progress line. {@code rowsEstimated} 0 means the size is unknown: counts and rate only, no bar. The estimate
     * comes from pg_class and may be low, so the bar stops at 99 % until the executor says the copy is done.
     */
    public static String line(long rowsCopied, long rowsEstimated, double rowsPerSecond, boolean done) {
        String rate = number(Math.round(Math.max(0, rowsPerSecond))) + " rows/s";
        if (rowsEstimated <= 0) {
            return number(rowsCopied) + " rows  " + rate + (done ? "  done" : "");
        }
        // once done, the copied count is the true total; the estimate was only an estimate
        long total = done ? rowsCopied : rowsEstimated;
        int percent = done ? 100 : (int) Math.min(99, rowsCopied * 100 / rowsEstimated);
        int filled = percent * BAR_WIDTH / 100;
        String bar = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
        String counts = number(rowsCopied) + "/" + number(total) + " rows";
        String tail = done ? "done" : "ETA " + eta(rowsEstimated - rowsCopied, rowsPerSecond);
        return bar + " " + String.format(Locale.ROOT, "%3d%%", percent) + "  " + counts + "  " + rate + "  " + tail;
    }

    /** Time left at the current rate, rounded up; {@code ?} when it cannot be told. */
    static String eta(long rowsLeft, double rowsPerSecond) {
        if (rowsPerSecond <= 0 || rowsLeft <= 0) {
            return "?";
        }
        return duration((long) Math.ceil(rowsLeft / rowsPerSecond));
    }

    /** Seconds as {@code 6 s}, {@code 2 min 5 s} or {@code 1 h 3 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** Grouped with commas whatever the default locale, so output and tests agree. */
    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
