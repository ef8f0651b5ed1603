package io.arxos.partitions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionRangeTest {

    @ParameterizedTest
    @CsvSource({
        "2024-02, 2024-02-01T00:00, 2024-03-01T00:00",
        "2023-02, 2023-02-01T00:00, 2023-03-01T00:00",
        "2024-12, 2024-12-01T00:00, 2025-01-01T00:00"})
    void monthRangesRunFromMonthStartToNextMonthStart(String month, String from, String to) {
        PartitionRange range = PartitionRange.ofMonth(YearMonth.parse(month));
        assertThat(range.from()).isEqualTo(LocalDateTime.parse(from));
        assertThat(range.to()).isEqualTo(LocalDateTime.parse(to));
        assertThat(range.asMonth()).contains(YearMonth.parse(month));
    }

    @Test
    void misalignedRangesAreNotMonths() {
        PartitionRange midMonth = new PartitionRange(LocalDateTime.parse("2024-01-15T00:00"),
                LocalDateTime.parse("2024-02-15T00:00"));
        assertThat(midMonth.asMonth()).isEmpty();
        assertThat(midMonth.overlaps(PartitionRange.ofMonth(YearMonth.of(2024, 1)))).isTrue();
        assertThat(midMonth.overlaps(PartitionRange.ofMonth(YearMonth.of(2024, 3)))).isFalse();
    }

    @Test
    void rendersExplicitUtcLiteralsForTimestamptz() {
        PartitionRange jan = PartitionRange.ofMonth(YearMonth.of(2025, 1));
        assertThat(jan.render(KeyType.TIMESTAMPTZ))
                .isEqualTo("FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00')");
        assertThat(jan.render(KeyType.TIMESTAMP)).isEqualTo("FROM ('2025-01-01 00:00:00') TO ('2025-02-01 00:00:00')");
        assertThat(jan.render(KeyType.DATE)).isEqualTo("FROM ('2025-01-01') TO ('2025-02-01')");
    }

    @Test
    void unboundedEndsRenderAsMinvalueAndMaxvalue() {
        PartitionRange open = new PartitionRange(LocalDateTime.MIN, LocalDateTime.parse("2020-01-01T00:00"));
        assertThat(open.render(KeyType.TIMESTAMPTZ)).isEqualTo("FROM (MINVALUE) TO ('2020-01-01 00:00:00+00')");
        assertThat(open.covers(PartitionRange.ofMonth(YearMonth.of(1999, 5)))).isTrue();
    }

    @Test
    void refusesEmptyRanges() {
        LocalDateTime t = LocalDateTime.parse("2024-01-01T00:00");
        assertThatThrownBy(() -> new PartitionRange(t, t)).hasMessageContaining("is empty");
    }

    @Test
    void leapDayCutoffStaysInFebruary() {
        TablePolicy policy = new TablePolicy(TableRef.parse("audit_logs"), Identifier.of("created_at"),
                PartitionInterval.MONTHLY, 3, 1, RetentionAction.DROP, Identifier.of("archive"));
        assertThat(policy.retentionCutoff(Instant.parse("2024-03-31T10:00:00Z")))
                .isEqualTo(LocalDateTime.parse("2024-02-29T10:00:00"));
        assertThat(policy.premakeThrough(Instant.parse("2024-11-30T23:59:59Z"))).isEqualTo(YearMonth.of(2025, 2));
    }
}
