package io.arxos.partitions.reporter.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Puts the pages of large reports back together on disk, appending each page to its report's part file as it
 * comes, so no report is ever held whole in memory. Pages of one report arrive in order (one key, one partition);
 * a page out of order (a redelivery) is ignored.
 */
public final class ReportPageFiles {

    /** The two renderings a report is paged in. */
    public enum Part {
        MARKDOWN("md"), JSON("json");

        private final String extension;

        Part(String extension) {
            this.extension = extension;
        }
    }

    private final Path dir;
    private final Map<String, Integer> nextIndex = new HashMap<>();

    /** Part files go to {@code dir}, which is emptied: a part left by an earlier process is rebuilt from the topic. */
    public ReportPageFiles(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(this.dir)) {
                try (var old = Files.list(this.dir)) {
                    for (Path file : old.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear the report page directory " + this.dir, e);
        }
    }

    /** Appends page {@code index} of a report's part; returns false when it is not the page expected next. */
    public boolean append(UUID reportId, Part part, int index, String text) {
        String key = key(reportId, part);
        int expected = nextIndex.getOrDefault(key, 0);
        if (index != expected) {
            return false;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(path(reportId, part), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    index == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write page " + index + " of report " + reportId + " to " + dir,
                    e);
        }
        nextIndex.put(key, index + 1);
        return true;
    }

    /** Whether every page of both parts is in. */
    public boolean complete(UUID reportId, int markdownPages, int jsonPages) {
        return nextIndex.getOrDefault(key(reportId, Part.MARKDOWN), 0) >= markdownPages
                && nextIndex.getOrDefault(key(reportId, Part.JSON), 0) >= jsonPages;
    }

    /** The part file of a report (complete once {@link #complete} says so). */
    public Path path(UUID reportId, Part part) {
        return dir.resolve(reportId + "." + part.extension + ".part");
    }

    /** Forgets a report's pages once its files have been moved into the archive. */
    public void forget(UUID reportId) {
        for (Part part : Part.values()) {
            nextIndex.remove(key(reportId, part));
            try {
                Files.deleteIfExists(path(reportId, part));
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove a page file of report " + reportId, e);
            }
        }
    }

    private static String key(UUID reportId, Part part) {
        return reportId + "/" + part;
    }
}
