package io.arxos.partitions.reporter.domain.benchmark;

import java.util.Optional;

/**
 * What a query's comparison found, decided from the spread of the runs and not from one run: FASTER or SLOWER only
 * when the rank test says the two sides differ (p below {@link #ALPHA}) and the median moved by at least
 * {@link #MIN_EFFECT}, by at least {@link #MIN_EFFECT_MILLIS} ms and by more than the noise (the larger side's
 * interquartile range); otherwise NO_DIFFERENCE.
 * VOID when the sides returned different results or one could not be measured: such a comparison means nothing.
 */
public enum Verdict {
    FASTER, NO_DIFFERENCE, SLOWER, VOID;

    /** Significance level of the rank test: few false alarms over many queries and tables. */
    public static final double ALPHA = 0.01;
    /** Smallest median change reported as a difference, however significant: 5 %. */
    public static final double MIN_EFFECT = 0.05;
    /**
     * Smallest median change in milliseconds reported as a difference: below it a sub-millisecond query's shift is
     * within what a shared machine's scheduling moves (an A/A of a relation against itself showed +48 % on a 0.35 ms
     * query), and no user would notice it.
     */
    public static final double MIN_EFFECT_MILLIS = 0.5;

    /** The verdict and its numbers for one query. */
    public record Decision(Verdict verdict, Spread before, Spread after, double changePercent, double noisePercent,
            double pValue, Optional<String> voidReason) {
    }

    public static Decision decide(TableBenchmark.QueryPair q) {
        String error = q.before().error() != null ? "before: " + q.before().error()
                : q.after().error() != null ? "after: " + q.after().error() : null;
        if (error == null && (q.before().timesMillis().isEmpty() || q.after().timesMillis().isEmpty())) {
            error = "no timed runs";
        }
        if (error != null) {
            return new Decision(VOID, null, null, Double.NaN, Double.NaN, Double.NaN, Optional.of(error));
        }
        Spread before = Spread.of(q.before().timesMillis());
        Spread after = Spread.of(q.after().timesMillis());
        double change = before.median() == 0 ? 0 : (after.median() - before.median()) / before.median();
        double noise = Math.max(before.relativeIqr(), before.median() == 0 ? 0
                : (after.q3() - after.q1()) / before.median());
        double p = MannWhitney.pValue(q.before().timesMillis(), q.after().timesMillis());
        Optional<String> mismatch = mismatch(q);
        if (mismatch.isPresent()) {
            return new Decision(VOID, before, after, change * 100, noise * 100, p, mismatch);
        }
        Verdict verdict = NO_DIFFERENCE;
        if (p < ALPHA && Math.abs(change) >= MIN_EFFECT && Math.abs(change) > noise
                && Math.abs(after.median() - before.median()) >= MIN_EFFECT_MILLIS) {
            verdict = change < 0 ? FASTER : SLOWER;
        }
        return new Decision(verdict, before, after, change * 100, noise * 100, p, Optional.empty());
    }

    private static Optional<String> mismatch(TableBenchmark.QueryPair q) {
        if (q.before().rows() != q.after().rows()) {
            return Optional.of("different results: " + q.before().rows() + " rows before, " + q.after().rows()
                    + " after");
        }
        if (!q.before().checksum().equals(q.after().checksum())) {
            return Optional.of("different results: same row count (" + q.after().rows() + ") but different rows");
        }
        return Optional.empty();
    }
}
