package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.app.AnalysisArchive;
import io.arxos.partitions.reporter.app.AnalysisSummary;
import io.arxos.partitions.reporter.app.ReportArchive.Format;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Serves the analysis reports: {@code GET /analyses} lists them; {@code /analyses/{id}} is the Markdown,
 * {@code /analyses/{id}.json} the JSON.
 */
@Path("/analyses")
public class AnalysisResource {

    private final AnalysisArchive archive;

    public AnalysisResource(AnalysisArchive archive) {
        this.archive = archive;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AnalysisSummary> list() {
        return archive.list();
    }

    /** The suffix picks the form; an analysis id is everything before it (ids may contain dots themselves). */
    @GET
    @Path("{name}")
    public Response report(@PathParam("name") String name) {
        if (name.endsWith(".json")) {
            return serve(name.substring(0, name.length() - ".json".length()), Format.JSON,
                    MediaType.APPLICATION_JSON + ";charset=utf-8");
        }
        if (name.endsWith(".md")) {
            return serve(name.substring(0, name.length() - ".md".length()), Format.MARKDOWN, ReportResource.MARKDOWN);
        }
        return serve(name, Format.MARKDOWN, ReportResource.MARKDOWN);
    }

    private Response serve(String analysisId, Format format, String type) {
        return archive.read(analysisId, format)
                .map(body -> Response.ok(body, type).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                        .entity("no " + format.extension() + " report for analysis '" + analysisId
                                + "'; GET /analyses lists the analyses with reports\n")
                        .build());
    }
}
