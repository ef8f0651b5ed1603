package io.arxos.partitions.cli.run;

import io.arxos.partitions.events.EventEnvelope;
import io.arxos.partitions.events.ReportPageFormat;
import io.arxos.partitions.events.RunReportPage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * Collects the pages of one run's reports as they come (a run can be reported more than once, each report with its
 * own pages) and puts the rendering asked for back together once the report's record says how many pages there are.
 * Pages of the other rendering are counted, not kept.
 */
final class PageCollector {

    private final String runId;
    private final ReportPageFormat kept;
    private final Map<UUID, StringBuilder> texts = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    PageCollector(String runId, ReportPageFormat kept) {
        this.runId = runId;
        this.kept = kept;
    }

    /** Takes a page if it is one of this run's and the next of its rendering; anything else is ignored. */
    void take(RunReportPage page) {
        if (page == null || !page.getEnvelope().getRunId().equals(runId)) {
            return;
        }
        String key = key(page.getReportEventId(), page.getFormat());
        int next = counts.getOrDefault(key, 0);
        if (page.getIndex() != next) {
            return;
        }
        if (page.getFormat() == kept) {
            texts.computeIfAbsent(page.getReportEventId(), k -> new StringBuilder()).append(page.getText());
        }
        counts.put(key, next + 1);
    }

    /** Whether {@code report} has every page it announces (always, for a report that is not paged). */
    <A extends SpecificRecord> boolean complete(RunExchange<?, ?, A> kind, A report) {
        if (kind.paging() == null) {
            return true;
        }
        UUID id = idOf(report);
        return counts.getOrDefault(key(id, ReportPageFormat.MARKDOWN), 0) >= kind.paging().markdownPages()
                .applyAsInt(report)
                && counts.getOrDefault(key(id, ReportPageFormat.JSON), 0) >= kind.paging().jsonPages()
                        .applyAsInt(report);
    }

    /** The kept rendering of {@code report} put together; empty when it fitted the report's record itself. */
    Optional<String> text(SpecificRecord report) {
        StringBuilder text = texts.get(idOf(report));
        return text == null ? Optional.empty() : Optional.of(text.toString());
    }

    private static UUID idOf(SpecificRecord report) {
        return ((EventEnvelope) report.get(0)).getEventId();
    }

    private static String key(UUID reportId, ReportPageFormat format) {
        return reportId + "/" + format;
    }
}
