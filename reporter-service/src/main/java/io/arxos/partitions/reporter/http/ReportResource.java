package io.arxos.partitions.reporter.http;

import io.arxos.partitions.reporter.files.ReportArchive;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Serves the maintenance reports: {@code GET /reports} lists them; {@code /reports/{runId}} is the Markdown,
 * {@code /reports/{runId}.json} and {@code /reports/{runId}.html} the other forms.
 */
@Path("/reports")
public class ReportResource {

    private final ReportArchive archive;

    public ReportResource(@Named("maintenance") ReportArchive archive) {
        this.archive = archive;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReportSummary> list() {
        return archive.list().stream().map(ReportSummary::of).toList();
    }

    @GET
    @Path("{name}")
    public Response report(@PathParam("name") String name) {
        return ArchivedFiles.serve(archive, name, "/reports");
    }
}
