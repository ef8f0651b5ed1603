package io.arxos.partitions.executor.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonthComparisonTest {

    @Test
    void reportsMissingMonthsAndSameCountsWithDifferentContents() {
        List<MonthComparison> compared = MonthComparison.compare(
                List.of(new MonthTally("2026-09", 10, "a"), new MonthTally("2026-10", 5, "b")),
                List.of(new MonthTally("2026-10", 5, "c"), new MonthTally("2026-11", 1, "d")));

        assertThat(compared).extracting(MonthComparison::month).containsExactly("2026-09", "2026-10", "2026-11");
        assertThat(MonthComparison.differences(compared)).containsExactly(
                "2026-09: original 10 rows, partitioned 0 rows",
                "2026-10: original 5 rows, partitioned 5 rows (same count, different contents)",
                "2026-11: original 0 rows, partitioned 1 rows");
    }

    @Test
    void equalTablesHaveNoDifferences() {
        List<MonthTally> same = List.of(new MonthTally("2026-10", 5, "b"));
        assertThat(MonthComparison.differences(MonthComparison.compare(same, same))).isEmpty();
    }
}
