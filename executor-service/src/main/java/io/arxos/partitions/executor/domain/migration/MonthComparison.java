package io.arxos.partitions.executor.domain.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One month compared between the original (or backup) and the partitioned table. */
public record MonthComparison(String month, long sourceRows, long targetRows, String sourceChecksum,
        String targetChecksum) {

    public boolean matches() {
        return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
    }

    /** Every month either side has, in order; a month missing on one side counts 0 rows there. */
    public static List<MonthComparison> compare(List<MonthTally> source, List<MonthTally> target) {
        Map<String, MonthTally[]> months = new TreeMap<>();
        source.forEach(t -> months.computeIfAbsent(t.month(), k -> new MonthTally[2])[0] = t);
        target.forEach(t -> months.computeIfAbsent(t.month(), k -> new MonthTally[2])[1] = t);
        List<MonthComparison> compared = new ArrayList<>();
        months.forEach((month, pair) -> compared.add(new MonthComparison(month,
                pair[0] == null ? 0 : pair[0].rows(), pair[1] == null ? 0 : pair[1].rows(),
                pair[0] == null ? "0" : pair[0].checksum(), pair[1] == null ? "0" : pair[1].checksum())));
        return compared;
    }

    /** A line for each month that differs, naming both counts. */
    public static List<String> differences(List<MonthComparison> compared) {
        return compared.stream().filter(c -> !c.matches()).map(c -> c.month() + ": original " + c.sourceRows()
                + " rows, partitioned " + c.targetRows() + " rows" + (c.sourceRows() == c.targetRows()
                        ? " (same count, different contents)" : "")).toList();
    }
}
