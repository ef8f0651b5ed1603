package io.arxos.partitions.planner.postgres.analysis;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.planner.domain.analysis.TimeColumn;
import io.arxos.partitions.planner.domain.analysis.TimeColumn.CountSource;
import io.arxos.partitions.planner.postgres.StatisticsHistogram;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Counts a time column's rows per month the cheapest way that is good enough: from the pg_stats histogram when the
 * statistics are recent, exactly when the table is small, otherwise from a block sample scaled to the table.
 */
final class MonthlyCounts {

    /** Heaps up to this size are counted exactly: a scan this small costs less than an estimate is worth. */
    static final long EXACT_BYTES = 4L * 1024 * 1024;
    /** Statistics are recent enough while fewer than this share of rows changed since ANALYZE. */
    static final double STALE_SHARE = 0.1;
    /** How much of the heap a sample reads. */
    static final long SAMPLE_BYTES = 4L * 1024 * 1024;

    /** What the catalog query already knows about the column and its table. */
    record ColumnFacts(TableRef table, Identifier column, KeyType type, boolean notNull, Double nullFraction,
            Double correlation, String histogram, String commonValues, String commonFrequencies, boolean indexed,
            long estimatedRows, long modifiedSinceAnalyze, long heapBytes) {
    }

    private MonthlyCounts() {
    }

    static TimeColumn count(Connection c, ColumnFacts f) throws SQLException {
        boolean statsFresh = f.histogram() != null && f.estimatedRows() > 0
                && f.modifiedSinceAnalyze() <= STALE_SHARE * f.estimatedRows();
        if (f.heapBytes() <= EXACT_BYTES) {
            return grouped(c, f, "", 1.0, CountSource.EXACT, "full count (heap " + f.heapBytes() / 1024
                    + " KiB: cheaper than an estimate)");
        }
        if (statsFresh) {
            return fromStatistics(c, f);
        }
        double percent = Math.max(0.01, 100.0 * SAMPLE_BYTES / f.heapBytes());
        String why = f.histogram() == null ? "no statistics for the column" : f.modifiedSinceAnalyze()
                + " rows changed since the last ANALYZE";
        return grouped(c, f, String.format(Locale.ROOT, " TABLESAMPLE SYSTEM (%.4f) REPEATABLE (42)", percent),
                100.0 / percent, CountSource.SAMPLE, String.format(Locale.ROOT, "%.2f%% block sample (%s)",
                        percent, why));
    }

    /** GROUP BY month over the table or a sample of it; {@code scale} turns sampled counts into table counts. */
    private static TimeColumn grouped(Connection c, ColumnFacts f, String sample, double scale, CountSource source,
            String detail) throws SQLException {
        String col = f.column().quoted();
        String sql = "SELECT to_char(" + col + ", 'YYYY-MM'), count(*), min(" + col + "), max(" + col + ") FROM "
                + f.table().quoted() + sample + " GROUP BY 1";
        TreeMap<YearMonth, Long> months = new TreeMap<>();
        long nulls = 0;
        long total = 0;
        Instant oldest = null;
        Instant newest = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long rows = Math.round(rs.getLong(2) * scale);
                total += rows;
                if (rs.getString(1) == null) {
                    nulls += rows;
                    continue;
                }
                Optional<YearMonth> month = month(rs.getString(1));
                month.ifPresent(m -> months.merge(m, rows, Long::sum));
                Instant min = instant(rs, 3, f.type());
                Instant max = instant(rs, 4, f.type());
                oldest = oldest == null || min.isBefore(oldest) ? min : oldest;
                newest = newest == null || max.isAfter(newest) ? max : newest;
            }
        }
        double nullFraction = f.nullFraction() != null ? f.nullFraction() : total == 0 ? 0 : (double) nulls / total;
        return new TimeColumn(f.column(), f.type(), f.notNull(), nullFraction, correlation(f), f.indexed(),
                Optional.ofNullable(oldest), Optional.ofNullable(newest), months, source, detail);
    }

    /**
     * Spreads the histogram's equal-frequency buckets over months by time overlap (values are taken as uniform within
     * a bucket) and adds the most common values' frequencies; the shares are scaled by the estimated row count.
     */
    private static TimeColumn fromStatistics(Connection c, ColumnFacts f) throws SQLException {
        List<LocalDateTime> bounds = StatisticsHistogram.values(f.histogram());
        List<LocalDateTime> common = StatisticsHistogram.values(f.commonValues());
        List<Double> freqs = StatisticsHistogram.frequencies(f.commonFrequencies());
        double nullFraction = f.nullFraction() == null ? 0 : f.nullFraction();
        double commonShare = freqs.stream().mapToDouble(Double::doubleValue).sum();
        TreeMap<YearMonth, Double> shares = new TreeMap<>();
        for (int i = 0; i < Math.min(common.size(), freqs.size()); i++) {
            shares.merge(YearMonth.from(common.get(i)), freqs.get(i), Double::sum);
        }
        if (bounds.size() >= 2) {
            double perBucket = (1 - nullFraction - commonShare) / (bounds.size() - 1);
            for (int i = 0; i + 1 < bounds.size(); i++) {
                spread(bounds.get(i), bounds.get(i + 1), perBucket, shares);
            }
        }
        TreeMap<YearMonth, Long> months = new TreeMap<>();
        shares.forEach((m, share) -> months.put(m, Math.round(share * f.estimatedRows())));
        months.values().removeIf(rows -> rows == 0);
        Optional<Instant> oldest = bounds.isEmpty() ? Optional.empty() : Optional.of(utc(bounds.get(0)));
        Optional<Instant> newest = bounds.isEmpty() ? Optional.empty()
                : Optional.of(utc(bounds.get(bounds.size() - 1)));
        String detail = "pg_stats histogram of " + (bounds.size() - 1) + " buckets × " + f.estimatedRows()
                + " estimated rows; " + f.modifiedSinceAnalyze() + " rows changed since ANALYZE";
        if (f.indexed()) {
            // an index makes the exact ends cheap, and the histogram's ends are only its sample's
            String col = f.column().quoted();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT min(" + col + "), max("
                    + col + ") FROM " + f.table().quoted())) {
                if (rs.next() && rs.getObject(1) != null) {
                    oldest = Optional.of(instant(rs, 1, f.type()));
                    newest = Optional.of(instant(rs, 2, f.type()));
                }
            }
        }
        return new TimeColumn(f.column(), f.type(), f.notNull(), nullFraction, correlation(f), f.indexed(), oldest,
                newest, months, CountSource.STATISTICS, detail);
    }

    private static void spread(LocalDateTime from, LocalDateTime to, double share, TreeMap<YearMonth, Double> out) {
        long total = Duration.between(from, to).toSeconds();
        if (total <= 0) {
            out.merge(YearMonth.from(from), share, Double::sum);
            return;
        }
        LocalDateTime cursor = from;
        while (cursor.isBefore(to)) {
            YearMonth month = YearMonth.from(cursor);
            LocalDateTime monthEnd = month.plusMonths(1).atDay(1).atStartOfDay();
            LocalDateTime end = monthEnd.isBefore(to) ? monthEnd : to;
            out.merge(month, share * Duration.between(cursor, end).toSeconds() / total, Double::sum);
            cursor = end;
        }
    }

    private static OptionalDouble correlation(ColumnFacts f) {
        return f.correlation() == null ? OptionalDouble.empty() : OptionalDouble.of(f.correlation());
    }

    private static Optional<YearMonth> month(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // years beyond 9999 or BC: no month partition could hold them
        }
    }

    /** Read by type, not through java.sql.Timestamp, so the JVM's time zone cannot shift the value. */
    private static Instant instant(ResultSet rs, int column, KeyType type) throws SQLException {
        if (rs.getObject(column) == null) {
            return null;
        }
        return switch (type) {
            case TIMESTAMPTZ -> rs.getObject(column, OffsetDateTime.class).toInstant();
            case TIMESTAMP -> utc(rs.getObject(column, LocalDateTime.class));
            case DATE -> utc(rs.getObject(column, LocalDate.class).atStartOfDay());
        };
    }

    private static Instant utc(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }
}
