package io.arxos.partitions.reporter.app.run;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One page of a report too large for one record: the pages of a format, in index order, concatenate to the whole
 * rendering; the report itself (by {@code reportId}) carries the summary and the page counts.
 */
public record ReportPage(String runId, UUID reportId, Instant generatedAt, Format format, int index, String text) {

    /** The rendering a page belongs to. */
    public enum Format { MARKDOWN, JSON }

    /** The page's event carries the rest; these two tie it to its report. */
    public ReportPage {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(reportId, "reportId");
    }
}
