package io.arxos.partitions.reporter.app;

import io.arxos.partitions.reporter.domain.Alert;
import io.arxos.partitions.reporter.domain.MaintenanceReport;
import java.util.List;

/** A run's report, rendered, with the alerts it raises. */
public record ComposedReport(MaintenanceReport report, String markdown, String json, List<Alert> alerts) {

    public ComposedReport {
        alerts = List.copyOf(alerts);
    }
}
