package io.arxos.partitions.reporter.app.maintenance;

import io.arxos.partitions.reporter.app.run.ReportPage;
import io.arxos.partitions.reporter.domain.maintenance.Alert;
import java.time.Instant;

/**
 * What the report processor emits: a run report or a page of one (keyed by run id), or an alert (keyed by table or
 * run id).
 */
public sealed interface RunOutput permits RunOutput.ReportReady, RunOutput.PageReady,
        RunOutput.AlertRaised {

    /** A report to publish. */
    record ReportReady(ComposedReport report) implements RunOutput {
    }

    /** A page of a large report, published ahead of the report. */
    record PageReady(ReportPage page) implements RunOutput {
    }

    /** An alert to publish, raised at {@code at}. */
    record AlertRaised(Alert alert, Instant at) implements RunOutput {
    }
}
