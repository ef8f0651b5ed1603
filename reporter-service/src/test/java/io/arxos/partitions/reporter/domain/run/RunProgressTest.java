package io.arxos.partitions.reporter.domain.run;

import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.AUDIT_LOGS;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.DEADLINE;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.PLANNED_AT;
import static io.arxos.partitions.reporter.domain.maintenance.Fixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.maintenance.CommandStatus;
import io.arxos.partitions.reporter.domain.maintenance.Fixtures;
import io.arxos.partitions.reporter.domain.maintenance.Outcome;
import io.arxos.partitions.reporter.domain.maintenance.PlannedRun;
import io.arxos.partitions.reporter.domain.maintenance.SampleRuns;
import io.arxos.partitions.reporter.domain.run.RunProgress.Effect;
import io.arxos.partitions.reporter.domain.run.RunProgress.ItemApplied;
import io.arxos.partitions.reporter.domain.run.RunProgress.PlanApplied;
import io.arxos.partitions.reporter.domain.run.RunProgress.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared run progress with a maintenance run's items: planned commands and their outcomes. */
class RunProgressTest {

    private static final String RUN = SampleRuns.RUN;
    private static final Instant NOW = PLANNED_AT.plusSeconds(30);

    /** The slots as the state store would hold them. */
    private final Map<String, ItemSlot<Outcome>> slots = new HashMap<>();

    @Test
    void completesWhenEveryPlannedCommandHasAnOutcome() {
        RunProgress progress = plan(RunProgress.firstSeen(RUN, NOW));
        for (Outcome o : SampleRuns.maintenanceOutcomes().values()) {
            assertThat(progress.verdict(NOW)).isEqualTo(Verdict.NONE);
            progress = apply(progress, o).progress();
        }

        assertThat(progress.complete()).isTrue();
        assertThat(progress.answeredItems()).isEqualTo(6);
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.REPORT_COMPLETE);
    }

    @Test
    void countsOutcomesThatArriveBeforeThePlan() {
        RunProgress progress = RunProgress.firstSeen(RUN, NOW);
        for (Outcome o : SampleRuns.maintenanceOutcomes().values()) {
            progress = apply(progress, o).progress();
        }
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.NONE);

        progress = plan(progress);

        assertThat(progress.answeredItems()).isEqualTo(6);
        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.REPORT_COMPLETE);
    }

    @Test
    void keepsTheFirstOutcomeOfACommandAndIgnoresDuplicates() {
        RunProgress progress = plan(RunProgress.firstSeen(RUN, NOW));
        Outcome first = outcome(RUN, SampleRuns.CREATE_FEB, AUDIT_LOGS).eventId("e1").build();
        Outcome again = outcome(RUN, SampleRuns.CREATE_FEB, AUDIT_LOGS).eventId("e2")
                .status(CommandStatus.FAILED).build();
        progress = apply(progress, first).progress();

        ItemApplied<Outcome> duplicate = apply(progress, again);

        assertThat(duplicate.effect()).isEqualTo(Effect.DUPLICATE);
        assertThat(duplicate.progress().answeredItems()).isEqualTo(1);
        assertThat(slots.get(SampleRuns.CREATE_FEB.commandId()).item().eventId()).isEqualTo("e1");
    }

    @Test
    void completesAPlanWithoutCommandsAtOnce() {
        RunProgress progress = RunProgress.firstSeen("r0", NOW)
                .applyPlan(announce(Fixtures.refusedPlan("r0", "bad request")), slots::get).progress();

        assertThat(progress.verdict(NOW)).isEqualTo(Verdict.REPORT_COMPLETE);
    }

    @Test
    void reportsIncompleteOnceWhenTheDeadlinePassesAndCompleteWhenTheRestArrives() {
        RunProgress progress = plan(RunProgress.firstSeen(RUN, NOW));
        List<Outcome> outcomes = List.copyOf(SampleRuns.maintenanceOutcomes().values());
        progress = apply(progress, outcomes.get(0)).progress();

        assertThat(progress.verdict(DEADLINE.minusMillis(1))).isEqualTo(Verdict.NONE);
        assertThat(progress.verdict(DEADLINE)).isEqualTo(Verdict.REPORT_INCOMPLETE);
        progress = progress.reported(ReportStatus.INCOMPLETE, DEADLINE, Set.of("a"));
        assertThat(progress.verdict(DEADLINE.plusSeconds(60))).isEqualTo(Verdict.NONE);

        for (Outcome late : outcomes.subList(1, outcomes.size())) {
            progress = apply(progress, late).progress();
        }
        assertThat(progress.verdict(DEADLINE.plusSeconds(120))).isEqualTo(Verdict.REPORT_COMPLETE);
        progress = progress.reported(ReportStatus.COMPLETE, DEADLINE.plusSeconds(120), Set.of("b"));
        assertThat(progress.verdict(DEADLINE.plusSeconds(180))).isEqualTo(Verdict.NONE);
        assertThat(progress.alerted()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void ignoresOutcomesOfARunAlreadyReportedComplete() {
        RunProgress done = plan(RunProgress.firstSeen(RUN, NOW)).reported(ReportStatus.COMPLETE, NOW, Set.of());

        Outcome late = outcome(RUN, SampleRuns.CREATE_FEB, AUDIT_LOGS).build();
        assertThat(done.apply(null, late.commandId(), late).effect())
                .isEqualTo(Effect.RUN_FINISHED);
    }

    @Test
    void ignoresASecondCopyOfThePlan() {
        RunProgress progress = plan(RunProgress.firstSeen(RUN, NOW));

        PlanApplied<Outcome> again = progress.applyPlan(announce(SampleRuns.maintenance()), slots::get);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.slots()).isEmpty();
    }

    @Test
    void expiresOrphansAfterTheirTtlAndReportedRunsAfterRetention() {
        Duration retention = Duration.ofDays(7);
        Duration ttl = Duration.ofDays(1);
        RunProgress orphan = RunProgress.firstSeen(RUN, NOW);
        RunProgress waiting = plan(RunProgress.firstSeen(RUN, NOW));
        RunProgress reported = waiting.reported(ReportStatus.COMPLETE, NOW, Set.of());

        assertThat(orphan.expired(NOW.plus(ttl).minusMillis(1), retention, ttl)).isFalse();
        assertThat(orphan.expired(NOW.plus(ttl), retention, ttl)).isTrue();
        assertThat(waiting.expired(NOW.plus(Duration.ofDays(30)), retention, ttl)).isFalse();
        assertThat(reported.expired(NOW.plus(retention).minusMillis(1), retention, ttl)).isFalse();
        assertThat(reported.expired(NOW.plus(retention), retention, ttl)).isTrue();
    }

    private RunProgress plan(RunProgress progress) {
        PlanApplied<Outcome> applied = progress.applyPlan(announce(SampleRuns.maintenance()), slots::get);
        applied.slots().forEach(s -> slots.put(s.id(), s));
        return applied.progress();
    }

    private static Announcement announce(PlannedRun plan) {
        return Announcement.of(plan.commandIds().toList(), plan.deadline());
    }

    private ItemApplied<Outcome> apply(RunProgress progress, Outcome outcome) {
        ItemApplied<Outcome> applied = progress.apply(slots.get(outcome.commandId()), outcome.commandId(), outcome);
        if (applied.effect() == Effect.ACCEPTED) {
            slots.put(applied.slot().id(), applied.slot());
        }
        return applied;
    }
}
