package io.arxos.partitions.reporter.domain.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.ReportCells;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportCellsTest {

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "49152, 48.0 KiB", "1572864, 1.5 MiB",
        "51539607552, 48.0 GiB", "1649267441664, 1.5 TiB"})
    void printsSizesInBinaryUnits(long bytes, String expected) {
        assertThat(ReportCells.bytes(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"850, 850 ms", "1000, 1 s", "4200, 4.2 s", "60000, 1 min", "64200, 1 min 4 s", "7500000, 2 h 5 min"})
    void printsDurationsForPeople(long millis, String expected) {
        assertThat(ReportCells.duration(millis)).isEqualTo(expected);
    }

    @Test
    void formatsEstimatesByUnit() {
        assertThat(ReportCells.estimate(1_234_567.0, "rows")).isEqualTo("1,234,567");
        assertThat(ReportCells.estimate(12.4, "partitions")).isEqualTo("12");
        assertThat(ReportCells.estimate(0.125, "ratio")).isEqualTo("12.5%");
        assertThat(ReportCells.estimate(3.0 * 1024 * 1024, "bytes")).isEqualTo("3.0 MiB");
        assertThat(ReportCells.estimate(1234.56, "ms")).isEqualTo("1,234.6 ms");
        assertThat(ReportCells.estimate(1234.56, "milliseconds")).isEqualTo("1,234.6 ms");
        assertThat(ReportCells.estimate(2.5, "widgets")).isEqualTo("2.50 widgets");
        assertThat(ReportCells.estimate(null, "bytes")).isEqualTo("not estimated");
    }

    @Test
    void fencesCodeSpansWithMoreBackticksThanTheTextHolds() {
        assertThat(ReportCells.code("SELECT 1")).isEqualTo("`SELECT 1`");
        assertThat(ReportCells.code("a `b` c")).isEqualTo("``a `b` c``");
        assertThat(ReportCells.code("`x`")).isEqualTo("`` `x` ``");
        assertThat(ReportCells.code("SELECT\n  1,\t2")).isEqualTo("`SELECT 1, 2`");
        assertThat(ReportCells.fence("SELECT '```'")).isEqualTo("````");
        assertThat(ReportCells.fence("SELECT 1")).isEqualTo("```");
    }

    @Test
    void keepsPipesAndLineBreaksFromSplittingATableCell() {
        assertThat(ReportCells.cell("a | b\r\nc\nd")).isEqualTo("a \\| b c d");
    }
}
