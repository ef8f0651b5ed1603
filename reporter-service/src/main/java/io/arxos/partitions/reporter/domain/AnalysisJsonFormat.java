package io.arxos.partitions.reporter.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The analysis report as JSON: the same content as the Markdown, structured. The top level starts with
 * {@code analysisId}, {@code status}, {@code exitCode} and {@code generatedAt} (the archive's index reads only
 * those), then {@code summary} and {@code tables[]}; field names are the records' component names.
 */
public final class AnalysisJsonFormat {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a report written by a newer reporter still reads
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

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
