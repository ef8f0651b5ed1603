package io.arxos.partitions.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.PartitionInterval;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.core.validation.Finding.Kind;
import io.arxos.partitions.core.validation.ValidationSnapshot.LocalIndex;
import io.arxos.partitions.core.validation.ValidationSnapshot.PartitionInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<String> PARENT_INDEXES = List.of("audit_logs_pkey", "audit_logs_user_created");

    @Test
    void aHealthyTableHasNoFindings() {
        assertThat(validate(healthy(), List.of(), Map.of(), 0)).isEmpty();
    }

    @Test
    void reportsAGapInsideRetentionButNotBeforeIt() {
        List<PartitionInfo> parts = new ArrayList<>(healthy());
        parts.removeIf(p -> p.name().equals("audit_logs_p2026_06"));
        parts.add(part("audit_logs_p2024_01", "2024-01"));

        List<Finding> findings = validate(parts, List.of(), Map.of(), 0);

        assertThat(findings).filteredOn(f -> f.kind() == Kind.GAP).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("[2026-06-01T00:00, 2026-07-01T00:00)"));
        assertThat(findings).filteredOn(f -> f.kind() == Kind.EXPIRED_PARTITION).hasSize(1);
    }

    @Test
    void reportsRunwayShorterThanPremake() {
        List<PartitionInfo> parts = new ArrayList<>(healthy());
        parts.removeIf(p -> p.name().equals("audit_logs_p2027_02") || p.name().equals("audit_logs_p2027_01"));

        assertThat(validate(parts, List.of(), Map.of(), 0)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.RUNWAY_SHORT);
            assertThat(f.detail()).contains("through 2026-12").contains("through 2027-02");
        });
    }

    @Test
    void classifiesDefaultRowsLikeThePlanner() {
        Map<YearMonth, Long> rows = Map.of(YearMonth.of(2024, 6), 7L, YearMonth.of(2026, 3), 4L,
                YearMonth.of(2031, 1), 3L);

        List<Finding> findings = validate(healthy(), List.of(), rows, 2);

        assertThat(findings).extracting(Finding::kind).containsExactly(Kind.DEFAULT_ROWS_EXPIRED,
                Kind.DEFAULT_ROWS_IN_WINDOW, Kind.DEFAULT_ROWS_FUTURE, Kind.DEFAULT_ROWS_NULL_KEY);
        assertThat(findings).extracting(f -> f.rows().orElseThrow()).containsExactly(7L, 4L, 3L, 2L);
    }

    @Test
    void reportsMissingAndPartitionOnlyIndexes() {
        List<LocalIndex> local = List.of(new LocalIndex("audit_logs_p2026_11", "audit_logs_p2026_11_action_idx"));
        Map<String, Set<String>> attached = attachedEverywhere(healthy());
        attached.put("audit_logs_p2026_12", Set.of("audit_logs_pkey"));

        List<Finding> findings = PartitionValidator.validate(policy(RetentionAction.DROP),
                new ValidationSnapshot(healthy(), PARENT_INDEXES, attached, local, Map.of(), 0), NOW);

        assertThat(findings).extracting(Finding::kind)
                .containsExactly(Kind.CHILD_MISSING_INDEX, Kind.PARTITION_ONLY_INDEX);
        assertThat(findings.get(0).detail()).contains("audit_logs_p2026_12").contains("audit_logs_user_created");
    }

    @Test
    void reportsNamesOutsideTheConventionAndAMissingDefault() {
        List<PartitionInfo> parts = new ArrayList<>(healthy());
        parts.removeIf(PartitionInfo::isDefault);
        parts.removeIf(p -> p.name().equals("audit_logs_p2026_01"));
        parts.add(new PartitionInfo("audit_jan", Optional.of(PartitionRange.ofMonth(YearMonth.of(2026, 1))), 0, 0));

        assertThat(validate(parts, List.of(), Map.of(), 0)).extracting(Finding::kind)
                .containsExactlyInAnyOrder(Kind.NO_DEFAULT_PARTITION, Kind.NAME_OUTSIDE_CONVENTION);
    }

    @Test
    void reportsOverlaps() {
        List<PartitionInfo> parts = new ArrayList<>(healthy());
        parts.add(new PartitionInfo("audit_custom", Optional.of(new PartitionRange(
                LocalDateTime.parse("2026-05-15T00:00"), LocalDateTime.parse("2026-06-15T00:00"))), 0, 0));

        assertThat(validate(parts, List.of(), Map.of(), 0)).extracting(Finding::kind).contains(Kind.OVERLAP);
    }

    private static List<Finding> validate(List<PartitionInfo> parts, List<LocalIndex> local,
            Map<YearMonth, Long> defaultRows, long nulls) {
        return PartitionValidator.validate(policy(RetentionAction.DROP), new ValidationSnapshot(parts, PARENT_INDEXES,
                attachedEverywhere(parts), local, defaultRows, nulls), NOW);
    }

    /** 2025-11 (oldest retained) through 2027-02 (premake 3), plus the default partition. */
    private static List<PartitionInfo> healthy() {
        List<PartitionInfo> parts = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2025, 11); !m.isAfter(YearMonth.of(2027, 2)); m = m.plusMonths(1)) {
            parts.add(part("audit_logs_p" + m.toString().replace('-', '_'), m.toString()));
        }
        parts.add(new PartitionInfo("audit_logs_p_default", Optional.empty(), 0, 8192));
        return parts;
    }

    private static PartitionInfo part(String name, String month) {
        return new PartitionInfo(name, Optional.of(PartitionRange.ofMonth(YearMonth.parse(month))), 10, 8192);
    }

    private static Map<String, Set<String>> attachedEverywhere(List<PartitionInfo> parts) {
        Map<String, Set<String>> attached = new HashMap<>();
        parts.forEach(p -> attached.put(p.name(), Set.copyOf(PARENT_INDEXES)));
        return attached;
    }

    private static TablePolicy policy(RetentionAction action) {
        return new TablePolicy(TableRef.parse("public.audit_logs"), Identifier.of("created_at"),
                PartitionInterval.MONTHLY, 3, 12, action, Identifier.of("partition_archive"));
    }
}
