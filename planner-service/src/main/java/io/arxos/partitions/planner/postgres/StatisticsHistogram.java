package io.arxos.partitions.planner.postgres;

import io.arxos.partitions.core.PartitionBoundExpression;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the newest value from a {@code pg_stats.histogram_bounds} array printed as text. */
final class StatisticsHistogram {

    private StatisticsHistogram() {
    }

    static Optional<LocalDateTime> newest(String histogram) {
        if (histogram == null || histogram.length() < 3) {
            return Optional.empty();
        }
        String body = histogram.substring(1, histogram.length() - 1);
        int comma = body.lastIndexOf(',');
        String last = (comma < 0 ? body : body.substring(comma + 1)).replace("\"", "").strip();
        try {
            return Optional.of(PartitionBoundExpression.literal(last));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
