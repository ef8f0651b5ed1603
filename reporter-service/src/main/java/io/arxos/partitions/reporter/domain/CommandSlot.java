package io.arxos.partitions.reporter.domain;

import java.util.Objects;

/**
 * What the reporter knows about one command of a run: whether the plan lists it and its final outcome, if any.
 * Outcomes can arrive before the plan, so a slot can hold an outcome that is not (yet) known to be planned.
 */
public record CommandSlot(String commandId, boolean planned, Outcome outcome) {

    public CommandSlot {
        Objects.requireNonNull(commandId, "commandId");
    }

    public static CommandSlot empty(String commandId) {
        return new CommandSlot(commandId, false, null);
    }

    public CommandSlot markPlanned() {
        return new CommandSlot(commandId, true, outcome);
    }

    /** The slot holding {@code first}; only called for slots without an outcome (the first outcome wins). */
    public CommandSlot withOutcome(Outcome first) {
        if (outcome != null) {
            throw new IllegalStateException("command " + commandId + " already has outcome " + outcome.eventId());
        }
        return new CommandSlot(commandId, planned, Objects.requireNonNull(first, "outcome"));
    }

    public boolean hasOutcome() {
        return outcome != null;
    }

    /** A planned command with its final outcome: it counts towards completion. */
    public boolean answered() {
        return planned && outcome != null;
    }
}
