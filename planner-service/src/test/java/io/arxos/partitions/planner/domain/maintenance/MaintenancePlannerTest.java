package io.arxos.partitions.planner.domain.maintenance;

import static io.arxos.partitions.planner.domain.maintenance.Fixtures.aPolicy;
import static io.arxos.partitions.planner.domain.maintenance.Fixtures.aTable;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction.CreatePartition;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction.DetachPartition;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction.DropPartition;
import io.arxos.partitions.planner.domain.maintenance.MaintenanceAction.ValidateTable;
import io.arxos.partitions.planner.domain.maintenance.PlanNote.Kind;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenancePlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final TablePolicy POLICY = aPolicy().premake(3).retention(12).build();

    @Nested
    class Premake {

        @Test
        void tableWithOnlyADefaultPartitionGetsCurrentMonthThroughPremake() {
            TablePlan plan = MaintenancePlanner.plan(POLICY, aTable().build(), NOW, PlanScope.FULL);

            assertThat(createdMonths(plan)).containsExactly("2026-11", "2026-12", "2027-01", "2027-02");
            assertThat(plan.actions().get(plan.actions().size() - 1)).isInstanceOf(ValidateTable.class);
        }

        @ParameterizedTest(name = "now {0}: premake 3 reaches {1}")
        @CsvSource({
            "2024-12-31T23:59:59Z, 2025-03",
            "2025-01-01T00:00:00Z, 2025-04",
            "2024-02-29T12:00:00Z, 2024-05",
            "2023-10-31T23:00:00Z, 2024-01"})
        void premakeReachesTheMonthThreeAfterTheCurrentOneAcrossMonthAndYearEnds(String now, String last) {
            TablePlan plan = MaintenancePlanner.plan(POLICY, aTable().build(), Instant.parse(now), PlanScope.FULL);

            List<String> months = createdMonths(plan);
            assertThat(months).hasSize(4).last().isEqualTo(last);
        }

        @Test
        void fillsOnlyMonthsThatNoPartitionCovers() {
            TableSnapshot table = aTable().months("2026-09", "2026-11", "2027-01").build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            assertThat(createdMonths(plan)).containsExactly("2026-10", "2026-12", "2027-02");
        }

        @Test
        void aTableWithoutADefaultPartitionIsPlannedTheSameWay() {
            TablePlan plan = MaintenancePlanner.plan(POLICY, aTable().withoutDefault().build(), NOW, PlanScope.FULL);
            assertThat(createdMonths(plan)).hasSize(4);
        }

        @Test
        void replanningAfterEverythingWasAppliedChangesNothing() {
            TableSnapshot applied = aTable().monthRange("2025-11", "2027-02").build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, applied, NOW, PlanScope.FULL);

            assertThat(plan.actions()).singleElement().isInstanceOf(ValidateTable.class);
            assertThat(plan.notes()).isEmpty();
        }
    }

    @Nested
    class Retention {

        @Test
        void dropsOnlyPartitionsOlderThanRetention() {
            TableSnapshot table = aTable().monthRange("2025-08", "2027-02").build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            // cutoff = 2025-11-25T10:00: 2025-10 ends 2025-11-01 (expired); 2025-11 ends 2025-12-01 (kept)
            assertThat(plan.actions()).filteredOn(DropPartition.class::isInstance)
                    .extracting(a -> ((DropPartition) a).name().value())
                    .containsExactly("audit_logs_p2025_08", "audit_logs_p2025_09", "audit_logs_p2025_10");
        }

        @ParameterizedTest(name = "now {0}: 2025-10 expired = {1}")
        @CsvSource({
            "2026-11-01T00:00:00Z, true",
            "2026-10-31T23:59:59Z, false",
            "2026-11-01T00:00:01Z, true"})
        void aPartitionExpiresWhenItsWholeRangeEndsAtOrBeforeTheCutoff(String now, boolean expired) {
            TableSnapshot table = aTable().months("2025-10").build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, Instant.parse(now), PlanScope.FULL);

            assertThat(plan.actions().stream().anyMatch(DropPartition.class::isInstance)).isEqualTo(expired);
        }

        @Test
        void leapDayCutoffKeepsFebruaryOfThePreviousYear() {
            // 2024-02-29 minus 12 months = 2023-02-28: February 2023 ends 2023-03-01, after the cutoff
            TableSnapshot table = aTable().months("2023-01", "2023-02").build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, Instant.parse("2024-02-29T12:00:00Z"),
                    PlanScope.FULL);

            assertThat(plan.actions()).filteredOn(DropPartition.class::isInstance)
                    .extracting(a -> ((DropPartition) a).name().value()).containsExactly("audit_logs_p2023_01");
        }

        @Test
        void reportsAgeInWholeMonthsLikeTheGuide() {
            TableSnapshot table = aTable().months("2025-09").build();

            DropPartition drop = (DropPartition) MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL).actions()
                    .stream().filter(DropPartition.class::isInstance).findFirst().orElseThrow();

            assertThat(drop.ageMonths()).isEqualTo(14);
            assertThat(drop.cutoff()).isEqualTo("2025-11-25T10:00:00");
        }

        @Test
        void detachesInsteadOfDroppingWhenThePolicySaysSo() {
            TableSnapshot table = aTable().months("2025-01").build();

            TablePlan plan = MaintenancePlanner.plan(aPolicy().detaching().build(), table, NOW, PlanScope.FULL);

            assertThat(plan.actions()).filteredOn(DetachPartition.class::isInstance).singleElement()
                    .satisfies(a -> assertThat(((DetachPartition) a).archiveSchema().value())
                            .isEqualTo("partition_archive"));
            assertThat(plan.actions()).noneMatch(DropPartition.class::isInstance);
        }

        @Test
        void anUnboundedLowerPartitionExpiresOnlyByItsUpperBound() {
            TableSnapshot table = aTable().partition("audit_logs_before_2026", null, "2026-01-01T00:00").build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            assertThat(plan.actions()).noneMatch(DropPartition.class::isInstance);
        }

        @Test
        void leavesExpiredPartitionsAloneWhenRetentionIsNotInScope() {
            TableSnapshot table = aTable().months("2024-01").build();
            PlanScope createOnly = new PlanScope(false, true, false, Optional.empty(), Optional.empty());

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, createOnly);

            assertThat(plan.actions()).allMatch(CreatePartition.class::isInstance);
        }
    }

    @Nested
    class DefaultPartitionRows {

        @Test
        void createsTheMonthForInWindowRowsAndCountsTheRowsToMove() {
            TableSnapshot table = aTable().monthRange("2026-11", "2027-02").defaultRows("2026-03", 120).build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            CreatePartition create = (CreatePartition) plan.actions().get(0);
            assertThat(create.name().value()).isEqualTo("audit_logs_p2026_03");
            assertThat(create.defaultRowsToMove()).isEqualTo(120);
            assertThat(create.reason()).contains("moves 120 rows out of the default partition");
        }

        @Test
        void leavesExpiredFutureAndNullKeyRowsInPlaceWithNotes() {
            TableSnapshot table = aTable().monthRange("2026-11", "2027-02")
                    .defaultRows("2024-06", 7).defaultRows("2031-01", 3).nullKeyRows(2).build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            assertThat(createdMonths(plan)).isEmpty();
            assertThat(plan.notes()).extracting(PlanNote::kind)
                    .containsExactly(Kind.DEFAULT_ROWS_EXPIRED, Kind.DEFAULT_ROWS_FUTURE, Kind.DEFAULT_ROWS_NULL_KEY);
            assertThat(plan.notes()).extracting(n -> n.rows().orElseThrow()).containsExactly(7L, 3L, 2L);
            assertThat(plan.notes().get(1).detail()).contains("2031-01").contains("beyond premake (through 2027-02)");
        }

        @Test
        void rowsInTheLastPremadeMonthAreMovedButNotTheMonthAfter() {
            TableSnapshot table = aTable().monthRange("2026-11", "2027-01")
                    .defaultRows("2027-02", 5).defaultRows("2027-03", 4).build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            assertThat(createdMonths(plan)).containsExactly("2027-02");
            assertThat(plan.notes()).extracting(PlanNote::kind).containsExactly(Kind.DEFAULT_ROWS_FUTURE);
        }

        @Test
        void rowsInTheMonthHoldingTheCutoffAreStillMoved() {
            // cutoff 2025-11-25: November 2025 is not expired (it ends 2025-12-01)
            TableSnapshot table = aTable().monthRange("2026-11", "2027-02").defaultRows("2025-11", 9).build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            assertThat(createdMonths(plan)).containsExactly("2025-11");
        }
    }

    @Nested
    class HandMadePartitions {

        @Test
        void neverOverlapsAMisalignedPartition() {
            TableSnapshot table = aTable().partition("audit_logs_custom", "2026-11-15T00:00", "2026-12-15T00:00")
                    .defaultRows("2026-11", 4).build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            List<PartitionRange> created = plan.actions().stream().filter(CreatePartition.class::isInstance)
                    .map(a -> ((CreatePartition) a).range()).toList();
            assertThat(created).extracting(PartitionRange::toString).containsExactly("2027-01", "2027-02");
            assertThat(created).noneMatch(r -> r.overlaps(table.partitions().get(0).range()));
            assertThat(plan.notes()).filteredOn(n -> n.kind() == Kind.MISALIGNED_PARTITION).hasSize(2)
                    .first().satisfies(n -> assertThat(n.detail()).contains("audit_logs_custom")
                            .contains("4 rows stay in the default partition"));
        }

        @Test
        void aConventionalNameHeldByOtherBoundsBlocksCreationWithANote() {
            TableSnapshot table = aTable().partition("audit_logs_p2026_12", "2030-01-01T00:00", "2030-02-01T00:00")
                    .build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.FULL);

            assertThat(createdMonths(plan)).containsExactly("2026-11", "2027-01", "2027-02");
            assertThat(plan.notes()).singleElement().satisfies(n -> assertThat(n.detail()).contains(
                    "name audit_logs_p2026_12 is taken"));
        }

        @Test
        void gapFillStartsAtTheOldestRetainedPartition() {
            TableSnapshot table = aTable().months("2024-01", "2026-02", "2026-11").build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, aScope(false, true, false));

            assertThat(createdMonths(plan)).first().isEqualTo("2026-03");
            assertThat(createdMonths(plan)).doesNotContain("2024-02", "2025-12");
        }
    }

    @Nested
    class Scopes {

        @Test
        void validateOnlyPlansNothingButValidation() {
            TableSnapshot table = aTable().months("2024-01").defaultRows("2026-03", 10).build();

            TablePlan plan = MaintenancePlanner.plan(POLICY, table, NOW, PlanScope.VALIDATE_ONLY);

            assertThat(plan.actions()).singleElement().isInstanceOf(ValidateTable.class);
            assertThat(plan.notes()).isEmpty();
        }

        @Test
        void explicitRangeSkipsMonthsPastRetentionWithANote() {
            PlanScope range = PlanScope.explicitRange(YearMonth.of(2025, 10), YearMonth.of(2025, 12));

            TablePlan plan = MaintenancePlanner.plan(POLICY, aTable().months("2025-12").build(), NOW, range);

            assertThat(createdMonths(plan)).containsExactly("2025-11");
            assertThat(plan.notes()).extracting(PlanNote::kind).containsExactly(Kind.MONTH_SKIPPED, Kind.MONTH_SKIPPED);
            assertThat(plan.notes().get(0).detail()).contains("2025-10 is past retention");
            assertThat(plan.notes().get(1).detail()).contains("2025-12 already exists");
        }

        @Test
        void explicitRangeMayReachBeyondPremake() {
            PlanScope range = PlanScope.explicitRange(YearMonth.of(2027, 6), YearMonth.of(2027, 7));

            TablePlan plan = MaintenancePlanner.plan(POLICY, aTable().build(), NOW, range);

            assertThat(createdMonths(plan)).containsExactly("2027-06", "2027-07");
        }
    }

    private static PlanScope aScope(boolean validate, boolean create, boolean drop) {
        return new PlanScope(validate, create, drop, Optional.empty(), Optional.empty());
    }

    private static List<String> createdMonths(TablePlan plan) {
        List<String> months = new ArrayList<>();
        plan.actions().stream().filter(CreatePartition.class::isInstance)
                .forEach(a -> months.add(((CreatePartition) a).range().toString()));
        return months;
    }
}
