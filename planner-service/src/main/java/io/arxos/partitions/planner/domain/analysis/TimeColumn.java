package io.arxos.partitions.planner.domain.analysis;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A date or timestamp column that could be the partition key, with how its rows spread over months.
 *
 * @param correlation pg_stats correlation of the column with the physical row order, when analysed
 * @param indexed an index leads with this column
 * @param rowsByMonth rows per month (UTC), scaled to the table when counted from statistics or a sample
 */
public record TimeColumn(
        Identifier name,
        KeyType type,
        boolean notNull,
        double nullFraction,
        OptionalDouble correlation,
        boolean indexed,
        Optional<Instant> oldest,
        Optional<Instant> newest,
        SortedMap<YearMonth, Long> rowsByMonth,
        CountSource source,
        String sourceDetail) {

    /** Where the monthly counts come from. */
    public enum CountSource {
        /** pg_stats histogram of a recent ANALYZE, scaled by pg_class.reltuples. */
        STATISTICS,
        /** A TABLESAMPLE SYSTEM sample, scaled to the table. */
        SAMPLE,
        /** A full count (small tables). */
        EXACT,
        /** Not counted (e.g. an already partitioned table). */
        NONE
    }

    public TimeColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        rowsByMonth = Collections.unmodifiableSortedMap(new TreeMap<>(rowsByMonth));
    }

    public long countedRows() {
        return rowsByMonth.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Months from the first to the last month with rows, both included; 0 without rows. */
    public int monthsSpanned() {
        if (rowsByMonth.isEmpty()) {
            return 0;
        }
        YearMonth first = rowsByMonth.firstKey();
        YearMonth last = rowsByMonth.lastKey();
        return (int) (first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
    }

    /**
     * Rows per month of recent growth: the mean of up to three full months before {@code current}, falling back to
     * the mean over all months with rows.
     */
    public double recentRowsPerMonth(YearMonth current) {
        long sum = 0;
        int months = 0;
        for (int back = 1; back <= 3; back++) {
            Long rows = rowsByMonth.get(current.minusMonths(back));
            if (rows != null) {
                sum += rows;
                months++;
            }
        }
        if (months > 0) {
            return (double) sum / months;
        }
        int span = monthsSpanned();
        return span == 0 ? 0 : (double) countedRows() / span;
    }
}
