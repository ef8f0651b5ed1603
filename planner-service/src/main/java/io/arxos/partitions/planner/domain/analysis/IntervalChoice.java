package io.arxos.partitions.planner.domain.analysis;

import java.util.Locale;

/**
 * Chooses the partition interval: monthly unless a month of data outgrows the partition size budget (then weekly or
 * daily) or the horizon needs more monthly partitions than the count limit (then quarterly or yearly).
 */
final class IntervalChoice {

    /** The chosen interval and the figures it rests on. */
    record Choice(Interval interval, double partitionBytes, int partitions, String basis) {
    }

    private IntervalChoice() {
    }

    /**
     * @param monthlyBytes bytes of one month of data at the recent growth rate
     * @param horizonMonths months of data the table will hold (retention, or the span of the data)
     */
    static Choice choose(double monthlyBytes, int horizonMonths, AnalysisSettings settings) {
        Interval interval = Interval.MONTH;
        if (monthlyBytes > settings.partitionBudgetBytes()) {
            interval = monthlyBytes / Interval.WEEK.perMonth() <= settings.partitionBudgetBytes() ? Interval.WEEK
                    : Interval.DAY;
        } else if (count(Interval.MONTH, horizonMonths) > settings.maxPartitions()) {
            interval = count(Interval.QUARTER, horizonMonths) <= settings.maxPartitions()
                    && monthlyBytes * 3 <= settings.partitionBudgetBytes() ? Interval.QUARTER : Interval.YEAR;
        }
        double partitionBytes = monthlyBytes / interval.perMonth();
        int partitions = count(interval, horizonMonths);
        String basis = String.format(Locale.ROOT, "%s per month of data over %d months: %d partitions of %s "
                + "(budget %s per partition, at most %d partitions)", Sizes.human(monthlyBytes), horizonMonths,
                partitions, Sizes.human(partitionBytes), Sizes.human(settings.partitionBudgetBytes()),
                settings.maxPartitions());
        return new Choice(interval, partitionBytes, partitions, basis);
    }

    /** Partitions holding {@code months} of data at {@code interval}. */
    static int count(Interval interval, int months) {
        return (int) Math.ceil(Math.max(1, months) * interval.perMonth() - 1e-9);
    }

    /** Future partitions to keep ready: at least 35 days ahead (a missed weekly run and then some), at least 2. */
    static int premake(Interval interval) {
        return Math.max(2, (int) Math.ceil(35 / interval.days()));
    }
}
