package io.arxos.partitions.reporter.kafka.run;

import io.arxos.partitions.reporter.domain.run.ItemSlot;
import io.arxos.partitions.reporter.domain.run.RunProgress;

/**
 * A value of a run store: exactly one of a run's progress, its plan, or one item's slot. One store holds all three
 * under different keys (see {@link RunStateKeys}), so no single value grows with the run.
 */
public record RunState<P, I>(RunProgress progress, P plan, ItemSlot<I> slot) {

    static <P, I> RunState<P, I> of(RunProgress progress) {
        return new RunState<>(progress, null, null);
    }

    static <P, I> RunState<P, I> ofPlan(P plan) {
        return new RunState<>(null, plan, null);
    }

    static <P, I> RunState<P, I> of(ItemSlot<I> slot) {
        return new RunState<>(null, null, slot);
    }
}
