package io.arxos.partitions.reporter.domain.benchmark;

import java.util.List;

/** The spread of one side's timed runs: min, quartiles, median, p95 and max (nearest-rank on the sorted runs). */
public record Spread(int runs, double min, double q1, double median, double q3, double p95, double max) {

    public static Spread of(List<Double> times) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no runs to describe");
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Spread(sorted.length, sorted[0], quantile(sorted, 0.25), median(sorted), quantile(sorted, 0.75),
                quantile(sorted, 0.95), sorted[sorted.length - 1]);
    }

    /** Interquartile range relative to the median: the run-to-run noise of this side. */
    public double relativeIqr() {
        return median == 0 ? 0 : (q3 - q1) / median;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Linear interpolation between closest ranks (the usual "type 7" definition). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
