package io.arxos.partitions.reporter.files;

import io.arxos.partitions.reporter.domain.maintenance.HtmlRenderer;
import io.arxos.partitions.reporter.json.JsonReportFormat;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The report files of one kind of run, {@code <id>.md}, {@code <id>.json} (and {@code <id>.html} where the kind has
 * a page) in one directory: maintenance runs in the report directory, analyses in its {@code analyses}
 * subdirectory, so neither index sees the other. Ids that are not safe file names (slashes, "..", odd characters)
 * are stored under a hash, so an id can never reach outside the directory.
 */
public final class ReportArchive {

    /** The subdirectory of the report directory holding the analyses. */
    public static final String ANALYSES = "analyses";
    /** The subdirectory holding the benchmark reports. */
    public static final String BENCHMARKS = "benchmarks";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,150}");

    private final Path dir;
    private final Shelf shelf;

    /**
     * What distinguishes one kind's archive.
     *
     * @param noun how messages name a run of the kind ("run", "analysis")
     * @param idField the top-level JSON field holding the run's id
     * @param html whether the kind has an HTML page (rendered from the JSON where the report brings none)
     */
    public record Shelf(String noun, String idField, boolean html) {

        static final Shelf MAINTENANCE = new Shelf("run", "runId", true);
        static final Shelf ANALYSIS = new Shelf("analysis", "analysisId", false);
        static final Shelf BENCHMARK = new Shelf("benchmark", "benchmarkId", true);
    }

    public ReportArchive(Path dir, Shelf shelf) {
        this.dir = dir.toAbsolutePath().normalize();
        this.shelf = shelf;
    }

    /** The maintenance reports in {@code dir}. */
    public static ReportArchive maintenance(Path dir) {
        return new ReportArchive(dir, Shelf.MAINTENANCE);
    }

    /** The benchmark reports inside a report directory. */
    public static ReportArchive benchmarks(Path reportDirectory) {
        return new ReportArchive(reportDirectory.resolve(BENCHMARKS), Shelf.BENCHMARK);
    }

    /** The analysis reports inside a report directory. */
    public static ReportArchive analyses(Path reportDirectory) {
        return new ReportArchive(reportDirectory.resolve(ANALYSES), Shelf.ANALYSIS);
    }

    public Path directory() {
        return dir;
    }

    public Shelf shelf() {
        return shelf;
    }

    /** The files of a report. */
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

    /** Writes (or replaces) a report's files; each file is replaced atomically, so readers never see half. */
    public void write(String id, String markdown, String json) {
        write(id, markdown, json, null);
    }

    /** As {@link #write(String, String, String)}, with the report's own HTML page (null: rendered from the JSON). */
    public void write(String id, String markdown, String json, String page) {
        try {
            Files.createDirectories(dir);
            replace(path(id, Format.MARKDOWN), markdown);
            replace(path(id, Format.JSON), json);
            if (shelf.html()) {
                replace(path(id, Format.HTML), page == null || page.isEmpty() ? html(json) : page);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report of " + shelf.noun() + " " + id + " to " + dir,
                    e);
        }
    }

    /**
     * Writes (or replaces) a large report's files from its assembled parts, which are moved into place; its HTML
     * page is the summary in {@code headJson} with a note, as the whole report is too large for one page.
     */
    public void writeAssembled(String id, Path markdown, Path json, String headJson) {
        try {
            Files.createDirectories(dir);
            move(markdown, path(id, Format.MARKDOWN));
            move(json, path(id, Format.JSON));
            if (shelf.html()) {
                replace(path(id, Format.HTML), html(headJson, "This report is too large for one page; the whole "
                        + "report is in " + fileStem(id) + ".md and " + fileStem(id) + ".json."));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report of " + shelf.noun() + " " + id + " to " + dir,
                    e);
        }
    }

    /** A report's file in {@code format}, to stream; empty when there is none (or the kind has no such form). */
    public Optional<Path> file(String id, Format format) {
        Path file = path(id, format);
        return format == Format.HTML && !shelf.html() || !Files.isRegularFile(file) ? Optional.empty()
                : Optional.of(file);
    }

    /** A report's file in {@code format}; empty when there is none (or the kind has no such form). */
    public Optional<String> read(String id, Format format) {
        if (format == Format.HTML && !shelf.html()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path(id, format), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the report of " + shelf.noun() + " " + id + " from " + dir,
                    e);
        }
    }

    /** Every report in the directory, newest first. Unreadable files are skipped (they have no index line). */
    public List<ArchivedReport> list() {
        List<ArchivedReport> summaries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return summaries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                ReportIndexLine.read(file, shelf.idField()).ifPresent(summaries::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the reports in " + dir, e);
        }
        summaries.sort(Comparator.comparing(ArchivedReport::generatedAt,
                Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ArchivedReport::id));
        return summaries;
    }

    /** The file name (without extension) of a report. */
    public static String fileStem(String id) {
        if (SAFE.matcher(id).matches() && !id.contains("..")) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "run-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private Path path(String id, Format format) {
        return dir.resolve(fileStem(id) + "." + format.extension());
    }

    private static String html(String json) {
        return html(json, null);
    }

    private static String html(String json, String note) {
        try {
            return HtmlRenderer.render(JsonReportFormat.parse(json), note);
        } catch (IllegalArgumentException e) {
            // the Markdown and JSON are still worth keeping; the page says why it is missing
            return "<!DOCTYPE html>\n<html><body><p>HTML view unavailable for this report: the JSON could not be "
                    + "read (" + e.getMessage().replace("<", "&lt;") + ")</p></body></html>\n";
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Replaces {@code target} atomically (where the file system can), so readers never see half a file. */
    private static void replace(Path target, String content) throws IOException {
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
}
