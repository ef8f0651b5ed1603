package io.arxos.partitions.planner.domain.analysis;

/** Partition intervals the analysis chooses from, finest first. */
public enum Interval {
    DAY("1 day", 1), WEEK("1 week", 7), MONTH("1 month", 365.25 / 12), QUARTER("3 months", 365.25 / 4),
    YEAR("1 year", 365.25);

    private final String label;
    private final double days;

    Interval(String label, double days) {
        this.label = label;
        this.days = days;
    }

    public String label() {
        return label;
    }

    /** Mean length in days (months and years averaged over the Gregorian cycle). */
    public double days() {
        return days;
    }

    /** How many of these intervals fit in one mean month. */
    public double perMonth() {
        return MONTH.days / days;
    }
}
