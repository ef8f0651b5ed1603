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
 * Serves the benchmark reports: {@code GET /benchmarks} lists them; {@code /benchmarks/{id}} is the Markdown,
 * {@code /benchmarks/{id}.json} the JSON, {@code /benchmarks/{id}.html} the page with its charts.
 */
@Path("/benchmarks")
public class BenchmarkResource {

    private final ReportArchive archive;

    public BenchmarkResource(@Named("benchmarks") ReportArchive archive) {
        this.archive = archive;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<BenchmarkSummary> list() {
        return archive.list().stream().map(BenchmarkSummary::of).toList();
    }

    @GET
    @Path("{name}")
    public Response report(@PathParam("name") String name) {
        return ArchivedFiles.serve(archive, name, "/benchmarks");
    }
}
