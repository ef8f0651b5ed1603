package io.arxos.partitions.reporter.json;

import static io.arxos.partitions.reporter.domain.analysis.SampleAnalyses.REPORTED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.reporter.domain.GoldenFiles;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReport;
import io.arxos.partitions.reporter.domain.analysis.AnalysisReportBuilder;
import io.arxos.partitions.reporter.domain.analysis.SampleAnalyses;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import org.junit.jupiter.api.Test;

class AnalysisJsonFormatTest {

    private static final AnalysisReport REPORT = AnalysisReportBuilder.build(SampleAnalyses.run(),
            SampleAnalyses.tables(), ReportStatus.COMPLETE, REPORTED_AT);

    @Test
    void rendersTheSameContentAsTheMarkdownStructured() {
        GoldenFiles.assertMatches("analysis.json", AnalysisJsonFormat.render(REPORT));
    }

    @Test
    void startsWithTheFieldsTheIndexReadsAndWritesNumbersAsNumbers() {
        String json = AnalysisJsonFormat.render(REPORT);

        assertThat(json).startsWith("{\n  \"analysisId\" : \"analysis-2025-06-15\",\n  \"status\" : \"COMPLETE\",\n"
                + "  \"exitCode\" : 1,\n  \"generatedAt\" : \"2025-06-15T10:01:05Z\",\n")
                .contains("\"totalBytes\" : 51539607552,")
                .contains("\"rowsPerMonth\" : 40200000,")
                .contains("\"value\" : null,");
    }

    @Test
    void readsBackTheReportItRendered() {
        assertThat(AnalysisJsonFormat.parse(AnalysisJsonFormat.render(REPORT))).isEqualTo(REPORT);
    }

    @Test
    void refusesTextThatIsNotAReport() {
        assertThatThrownBy(() -> AnalysisJsonFormat.parse("{\"analysisId\": [1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an analysis report in JSON");
    }
}
