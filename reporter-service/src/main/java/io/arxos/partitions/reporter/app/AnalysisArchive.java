package io.arxos.partitions.reporter.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.arxos.partitions.reporter.app.ReportArchive.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The analysis report files, {@code <analysisId>.md} and {@code <analysisId>.json}, in their own directory (the
 * {@code analyses} subdirectory of the report directory) so the maintenance report index never sees them. File
 * names follow {@link ReportArchive#fileStem}: an id that is not a safe file name is stored under its hash.
 */
public final class AnalysisArchive {

    /** The subdirectory of the report directory holding the analyses. */
    public static final String SUBDIRECTORY = "analyses";
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;

    public AnalysisArchive(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The archive inside a maintenance report directory. */
    public static AnalysisArchive under(Path reportDirectory) {
        return new AnalysisArchive(reportDirectory.resolve(SUBDIRECTORY));
    }

    public Path directory() {
        return dir;
    }

    /** Writes (or replaces) an analysis' report files, each atomically. */
    public void write(String analysisId, String markdown, String json) {
        try {
            Files.createDirectories(dir);
            ReportArchive.replace(path(analysisId, Format.MARKDOWN), markdown);
            ReportArchive.replace(path(analysisId, Format.JSON), json);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report of analysis " + analysisId + " to " + dir, e);
        }
    }

    /** The Markdown or JSON of an analysis; empty when there is none (there is never an HTML form). */
    public Optional<String> read(String analysisId, Format format) {
        if (format == Format.HTML) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path(analysisId, format), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the report of analysis " + analysisId + " from " + dir, e);
        }
    }

    /** Every analysis report in the directory, newest first; unreadable files are skipped. */
    public List<AnalysisSummary> list() {
        List<AnalysisSummary> summaries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return summaries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                summary(file).ifPresent(summaries::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list analysis reports in " + dir, e);
        }
        summaries.sort(Comparator.comparing(AnalysisSummary::generatedAt,
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(AnalysisSummary::analysisId));
        return summaries;
    }

    private Path path(String analysisId, Format format) {
        return dir.resolve(ReportArchive.fileStem(analysisId) + "." + format.extension());
    }

    /** Reads only the leading top-level fields (the JSON format puts them first), so listing stays cheap. */
    private static Optional<AnalysisSummary> summary(Path file) {
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
                switch (field) {
                    case "analysisId" -> id = parser.getValueAsString();
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
                : Optional.of(new AnalysisSummary(id, status, exitCode, generatedAt, requestedBy));
    }
}
