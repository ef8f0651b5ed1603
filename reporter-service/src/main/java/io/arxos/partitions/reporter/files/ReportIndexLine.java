package io.arxos.partitions.reporter.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a report file's index line from its leading top-level fields only (the JSON formats put them first), so
 * listing many large reports stays cheap.
 */
final class ReportIndexLine {

    private static final JsonFactory JSON = new JsonFactory();

    private ReportIndexLine() {
    }

    /** The index line, or empty when the file is not a report (unreadable, or without id, status or exit code). */
    static Optional<ArchivedReport> read(Path file, String idField) {
        String id = null;
        String status = null;
        Integer exitCode = null;
        Instant generatedAt = null;
        String requestedBy = null;
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME
                    && (id == null || status == null || exitCode == null || generatedAt == null
                            || requestedBy == null)) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(idField)) {
                    id = parser.getValueAsString();
                    continue;
                }
                switch (field) {
                    case "status" -> status = parser.getValueAsString();
                    case "exitCode" -> exitCode = parser.getValueAsInt();
                    case "generatedAt" -> generatedAt = Instant.parse(parser.getValueAsString());
                    case "requestedBy" -> requestedBy = parser.getValueAsString();
                    default -> {
                        if (value.isStructStart()) {
                            parser.skipChildren();
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return id == null || status == null || exitCode == null ? Optional.empty()
                : Optional.of(new ArchivedReport(id, status, exitCode, generatedAt, requestedBy));
    }
}
