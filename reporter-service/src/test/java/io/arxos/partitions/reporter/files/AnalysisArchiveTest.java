package io.arxos.partitions.reporter.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.analysis.AnalysisReportBuilder;
import io.arxos.partitions.reporter.domain.analysis.SampleAnalyses;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import io.arxos.partitions.reporter.files.ReportArchive.Format;
import io.arxos.partitions.reporter.json.AnalysisJsonFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisArchiveTest {

    @TempDir
    Path dir;

    @Test
    void writesMarkdownAndJsonInTheAnalysesSubdirectory() {
        ReportArchive archive = ReportArchive.analyses(dir);

        archive.write("a-1", "# md\n", json("a-1", ReportStatus.COMPLETE, "2025-06-15T10:01:05Z"));

        assertThat(dir.resolve("analyses/a-1.md")).hasContent("# md");
        assertThat(archive.read("a-1", Format.JSON)).get().asString().contains("\"analysisId\" : \"a-1\"");
        assertThat(archive.read("a-1", Format.HTML)).isEmpty();
    }

    @Test
    void listsAnalysesNewestFirstAndStaysOutOfTheMaintenanceIndex() {
        ReportArchive archive = ReportArchive.analyses(dir);
        archive.write("old", "", json("old", ReportStatus.INCOMPLETE, "2025-06-01T00:00:00Z"));
        archive.write("new", "", json("new", ReportStatus.COMPLETE, "2025-06-15T00:00:00Z"));

        assertThat(archive.list()).containsExactly(
                new ArchivedReport("new", "COMPLETE", 0, Instant.parse("2025-06-15T00:00:00Z"), "partctl@dba-laptop"),
                new ArchivedReport("old", "INCOMPLETE", 1, Instant.parse("2025-06-01T00:00:00Z"),
                        "partctl@dba-laptop"));
        assertThat(ReportArchive.maintenance(dir).list()).isEmpty();
    }

    @Test
    void keepsAnalysisIdsThatAreNotFileNamesInsideTheDirectory() throws Exception {
        ReportArchive archive = ReportArchive.analyses(dir);

        archive.write("../../etc/passwd", "# md\n", json("../../etc/passwd", ReportStatus.COMPLETE,
                "2025-06-15T00:00:00Z"));

        try (var files = Files.list(dir.resolve("analyses"))) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("run-[0-9a-f]{32}\\..+"));
        }
        assertThat(archive.read("../../etc/passwd", Format.MARKDOWN)).contains("# md\n");
        assertThat(archive.list()).extracting(ArchivedReport::id).containsExactly("../../etc/passwd");
    }

    @Test
    void answersEmptyForAnUnknownAnalysis() {
        assertThat(ReportArchive.analyses(dir).read("nope", Format.MARKDOWN)).isEmpty();
        assertThat(ReportArchive.analyses(dir.resolve("missing")).list()).isEmpty();
    }

    private static String json(String id, ReportStatus status, String at) {
        return AnalysisJsonFormat.render(AnalysisReportBuilder.build(SampleAnalyses.run(id, 0), List.of(), status,
                Instant.parse(at)));
    }
}
