package io.arxos.partitions.planner.postgres;

import io.arxos.partitions.core.PartitionBoundExpression;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads timestamp values and frequencies from {@code pg_stats} arrays printed as text. */
public final class StatisticsHistogram {

    private StatisticsHistogram() {
    }

    public static Optional<LocalDateTime> newest(String histogram) {
        List<LocalDateTime> bounds = values(histogram);
        return bounds.isEmpty() ? Optional.empty() : Optional.of(bounds.get(bounds.size() - 1));
    }

    /** The array's values in order; values that are not timestamps (infinity, BC dates) are left out. */
    public static List<LocalDateTime> values(String array) {
        List<LocalDateTime> values = new ArrayList<>();
        for (String item : items(array)) {
            try {
                LocalDateTime value = PartitionBoundExpression.literal(item);
                if (!value.equals(LocalDateTime.MIN) && !value.equals(LocalDateTime.MAX)) {
                    values.add(value);
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // not a plain timestamp: cannot be placed in a month
            }
        }
        return values;
    }

    /** A {@code real[]} such as most_common_freqs. */
    public static List<Double> frequencies(String array) {
        List<Double> values = new ArrayList<>();
        for (String item : items(array)) {
            values.add(Double.parseDouble(item));
        }
        return values;
    }

    private static List<String> items(String array) {
        if (array == null || array.length() < 3) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String raw : array.substring(1, array.length() - 1).split(",")) {
            items.add(raw.replace("\"", "").strip());
        }
        return items;
    }
}
