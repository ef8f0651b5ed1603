package io.arxos.partitions.planner.app.maintenance;

import io.arxos.partitions.planner.domain.maintenance.PlannedRun;
import java.util.List;

/** Publishes a planned run (plan, metrics, commands) as one atomic unit, so no consumer sees half a run. */
public interface RunPublisher {

    void publish(PlannedRun run, List<TableMetricsSnapshot> metrics);
}
