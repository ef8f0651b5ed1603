package io.arxos.partitions.planner.domain.analysis;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures the guide used to print as fixed percentages, derived here from the table's own data: partition count
 * and size, the share of partitions a 7-day and a 30-day query touch, and what retention frees by DROP versus
 * DELETE + VACUUM. Query speed is not estimated: only a benchmark on the data can tell.
 */
final class PartitionEstimates {

    private PartitionEstimates() {
    }

    /**
     * @param key the partition key's profile
     * @param choice the chosen interval with its partition count for the data horizon
     * @param premake future partitions kept ready
     * @param now the month the analysis ran in
     */
    static List<Estimate> of(TableProfile table, TimeColumn key, IntervalChoice.Choice choice, int premake,
            YearMonth now) {
        List<Estimate> estimates = new ArrayList<>();
        double rowsPerMonth = key.recentRowsPerMonth(now);
        double bytesPerRow = table.bytesPerRow();
        double monthlyBytes = rowsPerMonth * bytesPerRow;
        Interval interval = choice.interval();
        int dataPartitions = choice.partitions();
        int total = dataPartitions + premake + 1;

        estimates.add(Estimate.of("rows_per_month", "Rows per month", rowsPerMonth, Estimate.Unit.ROWS,
                "mean of the last full months of " + key.name() + " (" + key.source().name().toLowerCase(Locale.ROOT)
                        + ": " + key.sourceDetail() + ")"));
        estimates.add(Estimate.of("partition_count", "Partitions", total, Estimate.Unit.PARTITIONS,
                dataPartitions + " holding data (" + interval.label() + " each) + " + premake
                        + " premade + 1 default"));
        estimates.add(Estimate.of("partition_size_bytes", "Size per partition", choice.partitionBytes(),
                Estimate.Unit.BYTES, Sizes.count(rowsPerMonth / interval.perMonth()) + " rows × " + Sizes.human(
                        bytesPerRow) + " per row (total size / estimated rows, indexes included)"));
        estimates.add(touched("share_touched_7_day_query", "Share of partitions a 7-day query touches", 7, interval,
                dataPartitions));
        estimates.add(touched("share_touched_30_day_query", "Share of partitions a 30-day query touches", 30, interval,
                dataPartitions));
        estimates.add(Estimate.of("bytes_freed_per_month_drop", "Freed per month of retention by DROP",
                monthlyBytes, Estimate.Unit.BYTES, "dropping (or detaching) the oldest month unlinks its files at "
                        + "once: " + Sizes.count(rowsPerMonth) + " rows × " + Sizes.human(bytesPerRow)));
        int indexes = table.indexes().size();
        estimates.add(Estimate.of("bytes_freed_per_month_delete", "Freed per month of retention by DELETE + VACUUM",
                0, Estimate.Unit.BYTES, "DELETE leaves " + Sizes.count(rowsPerMonth) + " dead rows a month in the "
                        + "heap and in " + indexes + " index(es); VACUUM makes the space reusable inside the files "
                        + "but gives none back; only VACUUM FULL or pg_repack shrink the table, rewriting all of it"
                        + (table.activity().deadRows() > 0 ? " (now " + Sizes.count(table.activity().deadRows())
                                + " dead rows)" : "")));
        estimates.add(Estimate.unknown("query_speedup", "Query speed-up", Estimate.Unit.RATIO,
                "not estimated: it depends on plans, cache and concurrency; measure the observed statements against "
                        + "a partitioned copy of this table"));
        return estimates;
    }

    /**
     * A window of {@code days} placed anywhere in time touches 1 + days / L partitions of length L on average
     * (it starts inside one and crosses a boundary every L days), at most all of them.
     */
    private static Estimate touched(String name, String label, int days, Interval interval, int partitions) {
        double expected = Math.min(partitions, 1 + days / interval.days());
        double share = expected / Math.max(1, partitions);
        return Estimate.of(name, label, share, Estimate.Unit.RATIO, String.format(Locale.ROOT,
                "%.2f of %d partitions with data: 1 + %d days / %.1f days per partition; without partitioning a "
                        + "scan that cannot use an index reads the whole table", expected, partitions, days,
                interval.days()));
    }
}
