package io.arxos.partitions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class KeyMonthTest {

    @Test
    void readsOrdinaryMonths() {
        assertThat(KeyMonth.parse("2026-03")).isEqualTo(YearMonth.of(2026, 3));
    }

    @Test
    void putsYearsPast9999IntoTheFarFuture() {
        assertThat(KeyMonth.parse("10000-01")).isEqualTo(KeyMonth.FAR_FUTURE);
    }

    @Test
    void refusesAnythingElseNamingIt() {
        assertThatThrownBy(() -> KeyMonth.parse("March")).hasMessageContaining("'March'");
    }
}
