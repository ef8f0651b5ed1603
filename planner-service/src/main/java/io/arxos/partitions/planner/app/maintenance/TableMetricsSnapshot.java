package io.arxos.partitions.planner.app.maintenance;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.planner.domain.maintenance.CatalogEntry;

/** The catalog facts of one table at planning time, published as a metrics event. */
public record TableMetricsSnapshot(TableKey table, CatalogEntry.Found entry) {
}
