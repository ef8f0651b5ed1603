package io.arxos.partitions.planner.domain.maintenance;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run should do: the guide's {@code maintain} options. A full run validates, creates missing months and
 * retires expired ones; {@code --create-partitions FROM TO} adds an explicit month range.
 */
public record PlanScope(boolean validate, boolean createMissing, boolean dropExpired,
        Optional<YearMonth> createFrom, Optional<YearMonth> createTo) {

    public static final PlanScope FULL = new PlanScope(true, true, true, Optional.empty(), Optional.empty());
    public static final PlanScope VALIDATE_ONLY = new PlanScope(true, false, false, Optional.empty(), Optional.empty());

    public PlanScope {
        Objects.requireNonNull(createFrom, "createFrom");
        Objects.requireNonNull(createTo, "createTo");
        if (createFrom.isPresent() != createTo.isPresent()) {
            throw new IllegalArgumentException("an explicit month range needs both a first and a last month");
        }
        if (createFrom.isPresent() && createFrom.get().isAfter(createTo.get())) {
            throw new IllegalArgumentException("month range " + createFrom.get() + " .. " + createTo.get()
                    + " ends before it starts");
        }
        if (createFrom.isPresent() && createFrom.get().plusYears(10).isBefore(createTo.get())) {
            throw new IllegalArgumentException("month range " + createFrom.get() + " .. " + createTo.get()
                    + " spans more than ten years; create it in smaller steps");
        }
        if (!validate && !createMissing && !dropExpired && createFrom.isEmpty()) {
            throw new IllegalArgumentException("the run does nothing: choose validation, creation or retention");
        }
    }

    public static PlanScope explicitRange(YearMonth from, YearMonth to) {
        return new PlanScope(false, false, false, Optional.of(from), Optional.of(to));
    }

    public boolean createsExplicitRange() {
        return createFrom.isPresent();
    }
}
