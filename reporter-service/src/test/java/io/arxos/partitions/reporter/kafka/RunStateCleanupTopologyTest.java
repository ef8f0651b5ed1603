package io.arxos.partitions.reporter.kafka;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.PLANNED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.maintenance.SampleRuns;
import io.arxos.partitions.reporter.kafka.run.RunState;
import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunStateCleanupTopologyTest {

    private final TopologyHarness harness = new TopologyHarness(PLANNED_AT);

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void keepsOnlyTheProgressOfACompleteRunAndForgetsItAfterRetention() {
        harness.sendPlan(SampleRuns.dryRun());
        SampleRuns.dryRunOutcomes().values().forEach(harness::sendOutcome);
        KeyValueStore<String, RunState<PlannedRun, Outcome>> store = harness.store();
        assertThat(entries(store)).isEqualTo(1);

        harness.driver.advanceWallClockTime(Duration.ofDays(7).plusMinutes(1));

        assertThat(entries(store)).isZero();
    }

    @Test
    void ignoresLateDuplicatesOfACompleteRunWhileItsProgressIsKept() {
        harness.sendPlan(SampleRuns.dryRun());
        SampleRuns.dryRunOutcomes().values().forEach(harness::sendOutcome);
        harness.reports.readValue();

        harness.sendPlan(SampleRuns.dryRun());
        SampleRuns.dryRunOutcomes().values().forEach(harness::sendOutcome);

        assertThat(harness.reports.isEmpty()).isTrue();
        assertThat(entries(harness.store())).isEqualTo(1);
    }

    @Test
    void dropsOutcomesWhosePlanNeverArrivesAfterTheOrphanTtl() {
        SampleRuns.dryRunOutcomes().values().forEach(harness::sendOutcome);
        KeyValueStore<String, RunState<PlannedRun, Outcome>> store = harness.store();
        assertThat(entries(store)).isEqualTo(3);

        harness.driver.advanceWallClockTime(Duration.ofHours(23));
        assertThat(entries(store)).isEqualTo(3);
        harness.driver.advanceWallClockTime(Duration.ofHours(1).plusMinutes(1));

        assertThat(entries(store)).isZero();
        assertThat(harness.reports.isEmpty()).isTrue();
    }

    /** Counted, not estimated: RocksDB's estimate counts deleted keys still in its memtable. */
    private static long entries(KeyValueStore<String, ?> store) {
        long n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }
}
