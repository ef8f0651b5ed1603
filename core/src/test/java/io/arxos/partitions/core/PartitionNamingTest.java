package io.arxos.partitions.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PartitionNamingTest {

    private static final Identifier AUDIT = Identifier.of("audit_logs");

    @Test
    void namesMonthlyChildrenAfterTheConvention() {
        assertThat(PartitionNaming.monthly(AUDIT, YearMonth.of(2025, 1)).value()).isEqualTo("audit_logs_p2025_01");
        assertThat(PartitionNaming.monthly(AUDIT, YearMonth.of(2024, 12)).value()).isEqualTo("audit_logs_p2024_12");
        assertThat(PartitionNaming.defaultPartition(AUDIT).value()).isEqualTo("audit_logs_p_default");
    }

    @Test
    void readsTheMonthBackOnlyForThisParent() {
        assertThat(PartitionNaming.monthOf(AUDIT, "audit_logs_p2024_02")).contains(YearMonth.of(2024, 2));
        assertThat(PartitionNaming.monthOf(AUDIT, "other_p2024_02")).isEmpty();
        assertThat(PartitionNaming.monthOf(AUDIT, "audit_logs_p2024_13")).isEmpty();
        assertThat(PartitionNaming.monthOf(AUDIT, "audit_logs_2024_02")).isEmpty();
    }

    @Test
    void conventionRequiresTheNameToMatchTheBounds() {
        PartitionRange feb = PartitionRange.ofMonth(YearMonth.of(2024, 2));
        assertThat(PartitionNaming.followsConvention(AUDIT, "audit_logs_p2024_02", feb)).isTrue();
        assertThat(PartitionNaming.followsConvention(AUDIT, "audit_logs_p2024_03", feb)).isFalse();
        assertThat(PartitionNaming.followsConvention(AUDIT, "audit_feb", feb)).isFalse();
    }

    @Test
    void refusesNamesPastTheIdentifierLimitInsteadOfTruncating() {
        Identifier longParent = Identifier.of("t".repeat(56));
        assertThatThrownBy(() -> PartitionNaming.monthly(longParent, YearMonth.of(2025, 1)))
                .hasMessageContaining("exceeds PostgreSQL's 63-byte identifier limit")
                .hasMessageContaining("t".repeat(56) + "_p2025_01");
    }
}
