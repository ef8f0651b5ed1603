package io.arxos.partitions.reporter.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.arxos.partitions.reporter.domain.HtmlRenderer;
import io.arxos.partitions.reporter.domain.JsonReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The report files: {@code <runId>.md}, {@code <runId>.json} and {@code <runId>.html} in one directory. Run ids that
 * are not safe file names (slashes, "..", odd characters) are stored under a hash, so a run id can never reach
 * outside the directory.
 */
public final class ReportArchive {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,150}");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;

    public ReportArchive(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path directory() {
        return dir;
    }

    /** The three files of a report. */
    public enum Format {
        MARKDOWN("md"), JSON("json"), HTML("html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** Writes (or replaces) a run's report files; each file is replaced atomically, so readers never see half. */
    public void write(String runId, String markdown, String json) {
        String html;
        try {
            html = HtmlRenderer.render(JsonReportFormat.parse(json));
        } catch (IllegalArgumentException e) {
            // the Markdown and JSON are still worth keeping; the page says why it is missing
            html = "<!DOCTYPE html>\n<html><body><p>HTML view unavailable for this report: the JSON could not be read ("
                    + e.getMessage().replace("<", "&lt;") + ")</p></body></html>\n";
        }
        try {
            Files.createDirectories(dir);
            replace(path(runId, Format.MARKDOWN), markdown);
            replace(path(runId, Format.JSON), json);
            replace(path(runId, Format.HTML), html);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report of run " + runId + " to " + dir, e);
        }
    }

    public Optional<String> read(String runId, Format format) {
        try {
            return Optional.of(Files.readString(path(runId, format), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the report of run " + runId + " from " + dir, e);
        }
    }

    /** Every report in the directory, newest first. Unreadable files are skipped (they have no index line). */
    public List<ReportSummary> list() {
        List<ReportSummary> summaries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return summaries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                summary(file).ifPresent(summaries::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list reports in " + dir, e);
        }
        summaries.sort(Comparator.comparing(ReportSummary::generatedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ReportSummary::runId));
        return summaries;
    }

    /** The file name (without extension) of a run's report. */
    public static String fileStem(String runId) {
        if (SAFE.matcher(runId).matches() && !runId.contains("..")) {
            return runId;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(runId.getBytes(StandardCharsets.UTF_8));
            return "run-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private Path path(String runId, Format format) {
        return dir.resolve(fileStem(runId) + "." + format.extension());
    }

    /** Replaces {@code target} atomically (where the file system can), so readers never see half a file. */
    static void replace(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".report-", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads only the leading top-level fields, so listing many large reports stays cheap. */
    private static Optional<ReportSummary> summary(Path file) {
        String runId = null;
        String status = null;
        Integer exitCode = null;
        Instant generatedAt = null;
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME
                    && (runId == null || status == null || exitCode == null || generatedAt == null)) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "runId" -> runId = parser.getValueAsString();
                    case "status" -> status = parser.getValueAsString();
                    case "exitCode" -> exitCode = parser.getValueAsInt();
                    case "generatedAt" -> generatedAt = Instant.parse(parser.getValueAsString());
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
        return runId == null || status == null || exitCode == null ? Optional.empty()
                : Optional.of(new ReportSummary(runId, status, exitCode, generatedAt));
    }
}
