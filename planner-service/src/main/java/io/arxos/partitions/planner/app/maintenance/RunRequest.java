package io.arxos.partitions.planner.app.maintenance;

import io.arxos.partitions.planner.domain.maintenance.PlanScope;
import io.arxos.partitions.planner.domain.maintenance.PlannedRun.Trigger;
import java.util.List;
import java.util.Objects;

/** A request to plan one run: from the scheduler or from a maintenance request event. */
public record RunRequest(String runId, Trigger trigger, PlanScope scope, List<String> databases, List<String> tables,
        boolean dryRun, RunDeadline deadline) {

    public RunRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(scope, "scope");
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
        Objects.requireNonNull(deadline, "deadline");
    }
}
