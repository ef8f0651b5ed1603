package io.arxos.partitions.planner.domain.maintenance;

import java.util.List;

/** The planner's decision for one table: actions in execution order, and notes on what it held back. */
public record TablePlan(List<MaintenanceAction> actions, List<PlanNote> notes) {
    public TablePlan {
        actions = List.copyOf(actions);
        notes = List.copyOf(notes);
    }
}
