package io.arxos.partitions.reporter.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.arxos.partitions.reporter.app.maintenance.StreamedJson;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The report as JSON: the same content as the Markdown, structured (summary, databases[].operations[] with sql,
 * findings and partitions, databases[].notes[]). It reads back into a {@link MaintenanceReport}, which is how the
 * HTML view is rendered from a published report.
 */
public final class JsonReportFormat {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a report written by a newer reporter still reads
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonReportFormat() {
    }

    public static String render(MaintenanceReport report) {
        try {
            return WRITER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report of run " + report.runId() + " cannot be written as JSON", e);
        }
    }

    /**
     * Starts the document of {@code head} on {@code out}: its fields, then the sections as they are added, the same
     * document {@link #render(MaintenanceReport)} writes for the whole report.
     */
    public static StreamedJson.Sections open(MaintenanceReport head, Writer out) {
        try {
            JsonGenerator json = WRITER.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out);
            // the record's fields in its component order, as writeValue would write them
            json.writeStartObject();
            json.writeObjectField("runId", head.runId());
            json.writeObjectField("trigger", head.trigger());
            json.writeObjectField("dryRun", head.dryRun());
            json.writeObjectField("generatedAt", head.generatedAt());
            json.writeObjectField("status", head.status());
            json.writeObjectField("exitCode", head.exitCode());
            json.writeObjectField("error", head.error());
            json.writeObjectField("summary", head.summary());
            json.writeArrayFieldStart("databases");
            return new StreamedJson.Sections() {
                @Override
                public void add(MaintenanceReport.DatabaseSection section) {
                    try {
                        json.writeObject(section);
                    } catch (IOException e) {
                        throw failed(head, e);
                    }
                }

                @Override
                public void close() {
                    try {
                        json.writeEndArray();
                        json.writeEndObject();
                        json.close();
                        out.write("\n");
                    } catch (IOException e) {
                        throw failed(head, e);
                    }
                }
            };
        } catch (IOException e) {
            throw failed(head, e);
        }
    }

    private static UncheckedIOException failed(MaintenanceReport report, IOException e) {
        return new UncheckedIOException("report of run " + report.runId() + " cannot be written as JSON", e);
    }

    /** Reads a report rendered by {@link #render}; throws IllegalArgumentException when {@code json} is not one. */
    public static MaintenanceReport parse(String json) {
        try {
            return MAPPER.readValue(json, MaintenanceReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a maintenance report in JSON: " + e.getOriginalMessage(), e);
        }
    }
}
