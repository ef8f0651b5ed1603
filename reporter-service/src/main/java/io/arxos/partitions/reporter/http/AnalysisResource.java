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
 * Serves the analysis reports: {@code GET /analyses} lists them; {@code /analyses/{id}} is the Markdown,
 * {@code /analyses/{id}.json} the JSON.
 */
@Path("/analyses")
public class AnalysisResource {

    private final ReportArchive archive;

    public AnalysisResource(@Named("analyses") ReportArchive archive) {
        this.archive = archive;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AnalysisSummary> list() {
        return archive.list().stream().map(AnalysisSummary::of).toList();
    }

    @GET
    @Path("{name}")
    public Response report(@PathParam("name") String name) {
        return ArchivedFiles.serve(archive, name, "/analyses");
    }
}
