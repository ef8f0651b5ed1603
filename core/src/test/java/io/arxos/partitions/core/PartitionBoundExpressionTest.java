package io.arxos.partitions.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionBoundExpressionTest {

    @Test
    void readsTimestamptzBoundsPrintedInUtc() {
        assertThat(PartitionBoundExpression.parseRange(
                "FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00')"))
                .contains(PartitionRange.ofMonth(YearMonth.of(2025, 1)));
    }

    @Test
    void convertsOtherOffsetsToUtc() {
        assertThat(PartitionBoundExpression.literal("2025-01-01 02:00:00+02")).isEqualTo("2025-01-01T00:00");
        assertThat(PartitionBoundExpression.literal("2025-01-01 00:00:00-05:30")).isEqualTo("2025-01-01T05:30");
    }

    @Test
    void readsTimestampDateAndFractionalBounds() {
        assertThat(PartitionBoundExpression.parseRange(
                "FOR VALUES FROM ('2024-02-01 00:00:00') TO ('2024-03-01 00:00:00')"))
                .contains(PartitionRange.ofMonth(YearMonth.of(2024, 2)));
        assertThat(PartitionBoundExpression.parseRange("FOR VALUES FROM ('2024-02-01') TO ('2024-03-01')"))
                .contains(PartitionRange.ofMonth(YearMonth.of(2024, 2)));
        assertThat(PartitionBoundExpression.literal("2024-01-15 12:30:00.25+00"))
                .isEqualTo(LocalDateTime.parse("2024-01-15T12:30:00.25"));
    }

    @Test
    void readsMinvalueAndMaxvalue() {
        PartitionRange range = PartitionBoundExpression.parseRange(
                "FOR VALUES FROM (MINVALUE) TO ('2020-01-01 00:00:00+00')").orElseThrow();
        assertThat(range.lowerUnbounded()).isTrue();
        assertThat(PartitionBoundExpression.parseRange("FOR VALUES FROM ('2030-01-01') TO (MAXVALUE)").orElseThrow()
                .upperUnbounded()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOR VALUES IN ('a')", "FOR VALUES FROM ('2024-01-01', 1) TO ('2024-02-01', 1)",
        "FOR VALUES WITH (modulus 4, remainder 0)", "garbage"})
    void ignoresBoundsItDoesNotManage(String bound) {
        assertThat(PartitionBoundExpression.parseRange(bound)).isEmpty();
    }

    @Test
    void recognisesTheDefaultPartition() {
        assertThat(PartitionBoundExpression.isDefault("DEFAULT")).isTrue();
        assertThat(PartitionBoundExpression.isDefault("FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')")).isFalse();
    }
}
