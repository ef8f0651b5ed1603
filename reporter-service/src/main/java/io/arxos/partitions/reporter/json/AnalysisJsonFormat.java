package io.arxos.partitions.reporter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport;

/**
 * The analysis report as JSON: the same content as the Markdown, structured. The top level starts with
 * {@code analysisId}, {@code status}, {@code exitCode} and {@code generatedAt} (the archive's index reads only
 * those), then {@code summary} and {@code tables[]}; field names are the records' component names.
 */
public final class AnalysisJsonFormat {

    // the maintenance report's mapper and layout: both kinds of report read and look alike
    private static final ObjectMapper MAPPER = JsonReportFormat.MAPPER;
    private static final ObjectWriter WRITER = JsonReportFormat.WRITER;

    private AnalysisJsonFormat() {
    }

    public static String render(AnalysisReport report) {
        try {
            return WRITER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report of analysis " + report.analysisId()
                    + " cannot be written as JSON", e);
        }
    }

    /** Reads a report rendered by {@link #render}; throws IllegalArgumentException when {@code json} is not one. */
    public static AnalysisReport parse(String json) {
        try {
            return MAPPER.readValue(json, AnalysisReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an analysis report in JSON: " + e.getOriginalMessage(), e);
        }
    }
}
