package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.app.ReportArchive;
import io.arxos.partitions.reporter.app.ReportArchive.Format;
import io.arxos.partitions.reporter.app.ReportSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Serves the report files: {@code GET /reports} lists them; {@code /reports/{runId}} is the Markdown,
 * {@code /reports/{runId}.json} and {@code /reports/{runId}.html} the other forms.
 */
@Path("/reports")
public class ReportResource {

    static final String MARKDOWN = "text/markdown;charset=utf-8";

    private final ReportArchive archive;

    public ReportResource(ReportArchive archive) {
        this.archive = archive;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportSummary> list() {
        return archive.list();
    }

    /** The suffix picks the form; a run id is everything before it (run ids may contain dots themselves). */
    @GET
    @Path("{name}")
    public Response report(@PathParam("name") String name) {
        if (name.endsWith(".json")) {
            return serve(strip(name, ".json"), Format.JSON, MediaType.APPLICATION_JSON + ";charset=utf-8");
        }
        if (name.endsWith(".html")) {
            return serve(strip(name, ".html"), Format.HTML, MediaType.TEXT_HTML + ";charset=utf-8");
        }
        if (name.endsWith(".md")) {
            return serve(strip(name, ".md"), Format.MARKDOWN, MARKDOWN);
        }
        return serve(name, Format.MARKDOWN, MARKDOWN);
    }

    private Response serve(String runId, Format format, String type) {
        return archive.read(runId, format)
                .map(body -> Response.ok(body, type).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                        .entity("no " + format.extension() + " report for run '" + runId + "'; GET /reports lists "
                                + "the runs with reports\n")
                        .build());
    }

    private static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }
}
