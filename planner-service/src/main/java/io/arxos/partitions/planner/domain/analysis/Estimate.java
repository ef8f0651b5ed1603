package io.arxos.partitions.planner.domain.analysis;

import java.util.OptionalDouble;

/**
 * A figure derived from the table's data, with how it was derived. An empty value means the data cannot tell; the
 * basis then says what would.
 */
public record Estimate(String name, String label, OptionalDouble value, Unit unit, String basis) {

    /** Unit of an estimate's value. */
    public enum Unit {
        BYTES, PARTITIONS, RATIO, ROWS, MILLISECONDS;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Estimate of(String name, String label, double value, Unit unit, String basis) {
        return new Estimate(name, label, OptionalDouble.of(value), unit, basis);
    }

    public static Estimate unknown(String name, String label, Unit unit, String basis) {
        return new Estimate(name, label, OptionalDouble.empty(), unit, basis);
    }
}
