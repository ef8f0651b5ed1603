package io.arxos.partitions.reporter.app.run;

import io.arxos.partitions.reporter.domain.run.PagedText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One page of a report too large for one record: the pages of a format, in index order, concatenate to the whole
 * rendering; the report itself (by {@code reportId}) carries the summary and the page counts.
 */
public record ReportPage(String runId, UUID reportId, Instant generatedAt, Format format, int index, String text) {

    /** The rendering a page belongs to. */
    public enum Format { MARKDOWN, JSON }

    /** Names one report of a run: the same run reported again (later, or with another status) gets another id. */
    public static UUID reportId(String runId, Object status, Instant generatedAt) {
        return UUID.nameUUIDFromBytes((runId + "|" + status + "|" + generatedAt.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Cuts {@code text} into pages of at most {@code pageBytes} for {@code pages}; returns how many, 0 when it fits
     * one record as it is (nothing is sent then).
     */
    public static int split(String runId, UUID reportId, Instant generatedAt, Format format, String text,
            int pageBytes, Consumer<ReportPage> pages) {
        PagedText paged = new PagedText(pageBytes, (index, page) -> pages.accept(new ReportPage(runId, reportId,
                generatedAt, format, index, page)));
        paged.append(text);
        paged.close();
        return paged.pages();
    }

    /** The page's event carries the rest; these two tie it to its report. */
    public ReportPage {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(reportId, "reportId");
    }
}
