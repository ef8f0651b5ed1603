package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.reporter.domain.Outcome;
import io.arxos.partitions.reporter.domain.PlannedRun;

/** What the report processor consumes, keyed by run id: a run plan or a command outcome. */
sealed interface RunEvent permits RunEvent.PlanReceived, RunEvent.OutcomeReceived {

    String runId();

    /** A run plan arrived. */
    record PlanReceived(PlannedRun plan) implements RunEvent {
        @Override
        public String runId() {
            return plan.runId();
        }
    }

    /** A final command outcome arrived. */
    record OutcomeReceived(Outcome outcome) implements RunEvent {
        @Override
        public String runId() {
            return outcome.runId();
        }
    }
}
