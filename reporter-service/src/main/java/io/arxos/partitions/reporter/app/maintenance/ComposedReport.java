package io.arxos.partitions.reporter.app.maintenance;

import io.arxos.partitions.reporter.domain.maintenance.Alert;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A run's report, rendered, with the alerts it raises. A report too large for one record went out as pages first:
 * then {@code markdown} and {@code json} hold its head (the summary) and the page counts say how many pages hold
 * the whole text.
 *
 * @param reportId the report event's id, which its pages name
 * @param report the report's head: summary, status and exit code (its sections went into the renderings)
 */
public record ComposedReport(UUID reportId, MaintenanceReport report, String markdown, String json,
        int markdownPages, int jsonPages, List<Alert> alerts) {

    public ComposedReport {
        Objects.requireNonNull(reportId, "reportId");
        alerts = List.copyOf(alerts);
    }
}
