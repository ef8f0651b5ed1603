package io.arxos.partitions.planner.app.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a run may take before its report is marked incomplete: a fixed time asked for by the requester, or by
 * default a base time plus an allowance per planned command, so a pass over ten thousand tables is not declared
 * incomplete on the schedule of one over ten.
 */
public record RunDeadline(Duration base, Duration perCommand) {

    public RunDeadline {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(perCommand, "perCommand");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("run deadline " + base + " must be positive");
        }
        if (perCommand.isNegative()) {
            throw new IllegalArgumentException("run deadline per command " + perCommand + " must not be negative");
        }
    }

    /** Exactly {@code deadline}, whatever the run's size. */
    public static RunDeadline fixed(Duration deadline) {
        return new RunDeadline(deadline, Duration.ZERO);
    }

    /** When the report of a run planned at {@code plannedAt} with {@code commands} commands is due. */
    public Instant due(Instant plannedAt, int commands) {
        return plannedAt.plus(base).plus(perCommand.multipliedBy(commands));
    }
}
