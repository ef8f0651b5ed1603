package io.arxos.partitions.reporter.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.Summary;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.files.ReportArchive.Format;
import io.arxos.partitions.reporter.json.JsonReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportArchiveTest {

    @TempDir
    Path dir;

    @Test
    void writesMarkdownJsonAndHtmlNamedAfterTheRun() {
        ReportArchive archive = ReportArchive.maintenance(dir);

        archive.write("run-1", "# md\n", json("run-1", ReportStatus.COMPLETE, 0, "2025-01-01T02:00:00Z"));

        assertThat(dir.resolve("run-1.md")).hasContent("# md");
        assertThat(archive.read("run-1", Format.JSON)).get().asString().contains("\"runId\" : \"run-1\"");
        assertThat(archive.read("run-1", Format.HTML)).get().asString().contains("<h1>Partition Maintenance Report");
    }

    @Test
    void listsReportsNewestFirst() {
        ReportArchive archive = ReportArchive.maintenance(dir);
        archive.write("old", "", json("old", ReportStatus.INCOMPLETE, 1, "2025-01-01T02:00:00Z"));
        archive.write("new", "", json("new", ReportStatus.COMPLETE, 2, "2025-02-01T02:00:00Z"));

        assertThat(archive.list()).containsExactly(
                new ArchivedReport("new", "COMPLETE", 2, Instant.parse("2025-02-01T02:00:00Z"), null),
                new ArchivedReport("old", "INCOMPLETE", 1, Instant.parse("2025-01-01T02:00:00Z"), null));
    }

    @Test
    void keepsRunIdsThatAreNotFileNamesInsideTheDirectory() throws Exception {
        ReportArchive archive = ReportArchive.maintenance(dir.resolve("reports"));

        archive.write("../../etc/passwd", "# md\n", json("../../etc/passwd", ReportStatus.COMPLETE, 0,
                "2025-01-01T02:00:00Z"));

        try (var files = Files.list(dir.resolve("reports"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("run-[0-9a-f]{32}\\..+"));
        }
        assertThat(archive.read("../../etc/passwd", Format.MARKDOWN)).contains("# md\n");
        assertThat(archive.list()).extracting(ArchivedReport::id).containsExactly("../../etc/passwd");
    }

    @Test
    void answersEmptyForAnUnknownRun() {
        assertThat(ReportArchive.maintenance(dir).read("nope", Format.MARKDOWN)).isEmpty();
        assertThat(ReportArchive.maintenance(dir.resolve("missing")).list()).isEmpty();
    }

    private static String json(String runId, ReportStatus status, int exitCode, String at) {
        return JsonReportFormat.render(new MaintenanceReport(runId, "REQUEST", false, Instant.parse(at), status,
                exitCode, null, new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of()));
    }
}
