package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.events.ReportPageFormat;
import io.arxos.partitions.events.RunReportPage;
import io.arxos.partitions.reporter.files.ReportArchive;
import io.arxos.partitions.reporter.files.ReportPageFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Puts paged reports back together for the report file writer: each page goes to its report's part file as it
 * comes, and a report's record waits for its last page; then the parts move into the report's archive.
 */
final class PagedReports {

    private static final Logger LOG = Logger.getLogger(PagedReports.class);

    private final ReportPageFiles files;
    /** Paged reports whose pages are not all in yet, by report event id: their records hold only the summary. */
    private final Map<UUID, Awaiting> awaitingPages = new HashMap<>();

    /** A paged report's record, waiting for its pages: where it goes and what it carries itself. */
    record Awaiting(ReportArchive archive, String id, Object status, int markdownPages, int jsonPages,
            String markdown, String json) {
    }

    PagedReports(ReportPageFiles files) {
        this.files = files;
    }

    /** A paged report's record: its pages were published with it, but on another topic, so may still be coming. */
    void await(UUID reportId, Awaiting report) {
        awaitingPages.put(reportId, report);
        writeIfAssembled(reportId);
    }

    /** Appends a page to its report's part file; writes the report once its last page is in. */
    void page(RunReportPage page) {
        ReportPageFiles.Part part = page.getFormat() == ReportPageFormat.JSON ? ReportPageFiles.Part.JSON
                : page.getFormat() == ReportPageFormat.MARKDOWN ? ReportPageFiles.Part.MARKDOWN : null;
        if (part == null) {
            LOG.warnf("run %s: report page %d in format %s skipped (a newer reporter's format)",
                    page.getEnvelope().getRunId(), page.getIndex(), page.getFormat());
            return;
        }
        if (!files.append(page.getReportEventId(), part, page.getIndex(), page.getText())) {
            LOG.warnf("run %s: report page %s %d out of order, skipped", page.getEnvelope().getRunId(), part,
                    page.getIndex());
            return;
        }
        writeIfAssembled(page.getReportEventId());
    }

    private void writeIfAssembled(UUID reportId) {
        Awaiting report = awaitingPages.get(reportId);
        if (report == null || !files.complete(reportId, report.markdownPages(), report.jsonPages())) {
            return;
        }
        Path markdown = report.markdownPages() > 0 ? files.path(reportId, ReportPageFiles.Part.MARKDOWN)
                : inline(reportId, ReportPageFiles.Part.MARKDOWN, report.markdown());
        Path json = report.jsonPages() > 0 ? files.path(reportId, ReportPageFiles.Part.JSON)
                : inline(reportId, ReportPageFiles.Part.JSON, report.json());
        report.archive().writeAssembled(report.id(), markdown, json, report.json());
        files.forget(reportId);
        awaitingPages.remove(reportId);
        LOG.infof("%s %s: %s report written to %s from %d + %d pages", report.archive().shelf().noun(), report.id(),
                report.status(), report.archive().directory(), report.markdownPages(), report.jsonPages());
    }

    /** A part that fitted the record itself, written where the paged part would be. */
    private Path inline(UUID reportId, ReportPageFiles.Part part, String text) {
        files.append(reportId, part, 0, text);
        return files.path(reportId, part);
    }
}
