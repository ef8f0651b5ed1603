package io.arxos.partitions.reporter.app.maintenance;

import io.arxos.partitions.reporter.domain.maintenance.Alert;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import java.util.List;

/** A run's report, rendered, with the alerts it raises. */
public record ComposedReport(MaintenanceReport report, String markdown, String json, List<Alert> alerts) {

    public ComposedReport {
        alerts = List.copyOf(alerts);
    }
}
