package io.arxos.partitions.core;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * A range partition's bounds, lower inclusive and upper exclusive, in the key's time domain (see {@link KeyType}).
 * {@code MINVALUE} and {@code MAXVALUE} are {@link LocalDateTime#MIN} and {@link LocalDateTime#MAX}, so ordering and
 * overlap arithmetic need no special cases.
 */
public record PartitionRange(LocalDateTime from, LocalDateTime to) implements Comparable<PartitionRange> {

    public PartitionRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("partition range [" + from + ", " + to + ") is empty");
        }
    }

    public static PartitionRange ofMonth(YearMonth month) {
        return new PartitionRange(month.atDay(1).atStartOfDay(), month.plusMonths(1).atDay(1).atStartOfDay());
    }

    public boolean lowerUnbounded() {
        return from.equals(LocalDateTime.MIN);
    }

    public boolean upperUnbounded() {
        return to.equals(LocalDateTime.MAX);
    }

    public boolean contains(LocalDateTime instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    public boolean overlaps(PartitionRange other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

    public boolean covers(PartitionRange other) {
        return !from.isAfter(other.from) && !to.isBefore(other.to);
    }

    /** The month this range is exactly, if it is one calendar month starting at midnight. */
    public Optional<YearMonth> asMonth() {
        if (lowerUnbounded() || upperUnbounded()) {
            return Optional.empty();
        }
        YearMonth month = YearMonth.from(from);
        return PartitionRange.ofMonth(month).equals(this) ? Optional.of(month) : Optional.empty();
    }

    public String render(KeyType keyType) {
        return "FROM (" + (lowerUnbounded() ? "MINVALUE" : keyType.literal(from)) + ") TO ("
                + (upperUnbounded() ? "MAXVALUE" : keyType.literal(to)) + ")";
    }

    @Override
    public int compareTo(PartitionRange other) {
        int c = from.compareTo(other.from);
        return c != 0 ? c : to.compareTo(other.to);
    }

    @Override
    public String toString() {
        return asMonth().map(YearMonth::toString)
                .orElseGet(() -> (lowerUnbounded() ? "MINVALUE" : from.toString()) + ".."
                        + (upperUnbounded() ? "MAXVALUE" : to.toString()));
    }
}
