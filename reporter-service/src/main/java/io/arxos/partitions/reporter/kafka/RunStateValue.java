package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.reporter.domain.CommandSlot;
import io.arxos.partitions.reporter.domain.PlannedRun;
import io.arxos.partitions.reporter.domain.RunProgress;

/**
 * A value of the reporter's state store: exactly one of a run's progress, its plan, or one command's slot. One
 * store holds all three under different keys (see {@link StateKeys}), so no single value grows with the run.
 */
public record RunStateValue(RunProgress progress, PlannedRun plan, CommandSlot slot) {

    static RunStateValue of(RunProgress progress) {
        return new RunStateValue(progress, null, null);
    }

    static RunStateValue of(PlannedRun plan) {
        return new RunStateValue(null, plan, null);
    }

    static RunStateValue of(CommandSlot slot) {
        return new RunStateValue(null, null, slot);
    }
}
