package io.arxos.partitions.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyProgressTest {

    @Test
    void showsBarPercentCountsRateAndEta() {
        assertThat(CopyProgress.line(49_200, 120_000, 12_340, false))
                .isEqualTo("[########------------]  41%  49,200/120,000 rows  12,340 rows/s  ETA 6 s");
    }

    @Test
    void etaIsTheRowsLeftAtTheCurrentRateRoundedUp() {
        // 70,800 rows left at 12,340 rows/s = 5.7 s
        assertThat(CopyProgress.eta(70_800, 12_340)).isEqualTo("6 s");
        assertThat(CopyProgress.eta(1_000_000, 1_000)).isEqualTo("16 min 40 s");
        assertThat(CopyProgress.eta(10_000_000, 1_000)).isEqualTo("2 h 46 min");
    }

    @Test
    void etaIsUnknownWhileNothingIsCopiedPerSecond() {
        assertThat(CopyProgress.line(0, 120_000, 0, false))
                .isEqualTo("[--------------------]   0%  0/120,000 rows  0 rows/s  ETA ?");
    }

    @Test
    void unknownTotalShowsCountsAndRateButNoBar() {
        assertThat(CopyProgress.line(49_200, 0, 12_340.4, false)).isEqualTo("49,200 rows  12,340 rows/s");
        assertThat(CopyProgress.line(49_200, 0, 12_340.4, true)).isEqualTo("49,200 rows  12,340 rows/s  done");
    }

    @Test
    void doneIsAFullBarWithTheCopiedCountAsTotal() {
        assertThat(CopyProgress.line(120_000, 120_000, 12_340, true))
                .isEqualTo("[####################] 100%  120,000/120,000 rows  12,340 rows/s  done");
        // pg_class under-estimated the table: the copied count is the truth
        assertThat(CopyProgress.line(130_512, 120_000, 9_999.6, true))
                .isEqualTo("[####################] 100%  130,512/130,512 rows  10,000 rows/s  done");
    }

    @ParameterizedTest
    @CsvSource({"119999, 120000, 99", "125000, 120000, 99", "1, 120000, 0", "60000, 120000, 50"})
    void percentStaysBelowHundredUntilTheExecutorSaysDone(long copied, long estimated, int percent) {
        assertThat(CopyProgress.line(copied, estimated, 100, false)).contains(String.format("%3d%%", percent))
                .doesNotContain("100%");
    }

    @Test
    void barFillsInTwentiethsOfThePercent() {
        assertThat(CopyProgress.line(60_000, 120_000, 100, false)).startsWith("[##########----------]  50%");
        assertThat(CopyProgress.line(119_999, 120_000, 100, false)).startsWith("[###################-]  99%");
    }
}
