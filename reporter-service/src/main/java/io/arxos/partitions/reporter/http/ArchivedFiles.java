package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.files.ReportArchive;
import io.arxos.partitions.reporter.files.ReportArchive.Format;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Serves one report file of an archive by name: the suffix picks the form, no suffix is the Markdown. */
final class ArchivedFiles {

    static final String MARKDOWN = "text/markdown;charset=utf-8";

    private ArchivedFiles() {
    }

    /**
     * @param name an id with an optional {@code .md}, {@code .json} or {@code .html} suffix; the id is everything
     *     before it (ids may contain dots themselves)
     * @param index the listing a client should look at when the report is missing, e.g. {@code /reports}
     */
    static Response serve(ReportArchive archive, String name, String index) {
        for (Format format : Format.values()) {
            String suffix = "." + format.extension();
            if (name.endsWith(suffix)) {
                return serve(archive, name.substring(0, name.length() - suffix.length()), format, index);
            }
        }
        return serve(archive, name, Format.MARKDOWN, index);
    }

    private static Response serve(ReportArchive archive, String id, Format format, String index) {
        String noun = archive.shelf().noun();
        // streamed from the file: a large report never has to fit the heap
        return archive.file(id, format)
                .map(file -> Response.ok(file.toFile(), type(format)).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                        .entity("no " + format.extension() + " report for " + noun + " '" + id + "'; GET " + index
                                + " lists the reports there are\n")
                        .build());
    }

    private static String type(Format format) {
        return switch (format) {
            case MARKDOWN -> MARKDOWN;
            case JSON -> MediaType.APPLICATION_JSON + ";charset=utf-8";
            case HTML -> MediaType.TEXT_HTML + ";charset=utf-8";
        };
    }
}
