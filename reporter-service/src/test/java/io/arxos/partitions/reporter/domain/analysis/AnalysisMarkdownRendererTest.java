package io.arxos.partitions.reporter.domain.analysis;

import static io.arxos.partitions.reporter.domain.analysis.SampleAnalyses.REPORTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.reporter.domain.GoldenFiles;
import io.arxos.partitions.reporter.domain.analysis.AnalysedRun.AnalysedDatabase;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisMarkdownRendererTest {

    private static String render(AnalysedRun run, List<AnalysedTable> tables, ReportStatus status) {
        return AnalysisMarkdownRenderer.render(AnalysisReportBuilder.build(run, tables, status, REPORTED_AT));
    }

    private static final String SAMPLE = render(SampleAnalyses.run(), SampleAnalyses.tables(), ReportStatus.COMPLETE);

    @Test
    void rendersTheAnalysisLikeADbasPartitioningReport() {
        GoldenFiles.assertMatches("analysis.md", SAMPLE);
    }

    @Test
    void namesTheHighCandidateAndTheBlockedTableInTheExecutiveSummary() {
        assertThat(section(SAMPLE, "## Executive summary"))
                .contains("- **Tables analysed**: 3\n")
                .contains("- **HIGH**: 1 — orders/public.events\n")
                .contains("- **BLOCKED**: 1 — orders/public.orders\n")
                .contains("- **NOT_RECOMMENDED**: 1\n")
                .contains("| orders/public.events | HIGH | 48.0 GiB | 305,100,000 | 40,200,000 (2025-05) | created_at "
                        + "| 1 month | 9 | 0 |\n")
                .contains("| orders/public.orders | BLOCKED | 20.0 GiB | 95,000,000 | 3,100,000 (2025-05) | placed_at "
                        + "| 1 month | 3 | 1 |\n")
                .doesNotContain("countries");
    }

    @Test
    void explainsTheIncomingForeignKeyUnderTheBlockedTablesBlockers() {
        String orders = SAMPLE.substring(SAMPLE.indexOf("### 2. orders/public.orders — BLOCKED"),
                SAMPLE.indexOf("## Table details"));

        assertThat(orders).contains("#### Blockers\n\n- Foreign key order_lines_order_id_fkey on public.order_lines "
                + "(order_id) references orders (id)");
        assertThat(SAMPLE).contains("| order_lines_order_id_fkey | foreign key (incoming) | id | referenced by "
                + "public.order_lines (order_id) | `FOREIGN KEY (order_id) REFERENCES orders(id)` |\n");
    }

    @Test
    void groupsTheAdviceOfTheHighCandidateByKindWithItsSql() {
        String events = SAMPLE.substring(SAMPLE.indexOf("### 1. orders/public.events — HIGH"),
                SAMPLE.indexOf("### 2. orders/public.orders"));

        assertThat(events).containsSubsequence("#### Why", "#### Required changes", "#### Indexes",
                "#### Query rewrites", "#### Warnings", "#### Retention", "#### Premake")
                .contains("- The primary key (id) must include the partition key: PRIMARY KEY (id, created_at).\n"
                        + "  Basis: unique constraints on a partitioned table must include every partition key "
                        + "column\n\n  ```sql\n  ALTER TABLE public.events DROP CONSTRAINT events_pkey,\n"
                        + "      ADD PRIMARY KEY (id, created_at);\n  ```\n")
                .contains("  ```sql\n  SELECT id || ':' || kind AS label FROM events\n"
                        + "  WHERE id = $1 AND created_at >= $2 AND created_at < $3\n  ```\n");
    }

    @Test
    void formatsEachEstimateByItsUnit() {
        assertThat(section(SAMPLE, "## Estimates"))
                .contains("| Partitions to create | 9 | 2024-10 to 2025-06 at 1 month |\n")
                .contains("| Size of one month | 5.5 GiB |")
                .contains("| Share of the table the 7-day query scans | 3.5% |")
                .contains("| Space freed by 12-month retention | not estimated | no rows are older than 12 months")
                .contains("| Rows to copy | 305,100,000 | pg_class.reltuples |\n");
    }

    @Test
    void keepsQueryTextsOnOneLineInACodeSpanWithPipesEscapedAndLongOnesCut() {
        String details = section(SAMPLE, "## Table details");

        assertThat(details)
                .contains("| 900,000 | 0.40 | 360,000.0 | 900,000 | `SELECT id \\|\\| ':' \\|\\| kind AS label FROM "
                        + "events WHERE id = $1` |\n")
                .contains("``/* `nightly` export */ SELECT date_trunc($1, created_at)")
                .contains("| `SELECT * FROM events WHERE customer_id = $1 AND created_at >= $2 ORDER BY created_at "
                        + "DESC LIMIT $3` |");
        String exportLine = details.lines().filter(l -> l.contains("nightly")).findFirst().orElseThrow();
        String text = exportLine.substring(exportLine.indexOf("``") + 2, exportLine.lastIndexOf("``"));
        assertThat(text).hasSize(AnalysisTableDetails.QUERY_TEXT_CHARS).endsWith("…");
    }

    @Test
    void showsWindowDeltasAsRatesPerSecond() {
        assertThat(SAMPLE).contains("Rates over the 1 min observation window; totals since the statistics were "
                + "reset.\n")
                .contains("| Inserts | 120.00/s | 412,000,000 |\n")
                .contains("| Index scans | 90.00/s | — |\n");
    }

    @Test
    void listsRowsPerMonthOneLinePerYear() {
        assertThat(SAMPLE).contains("| 2024 |  |  |  |  |  |  |  |  |  | 31,000,000 | 32,500,000 | 36,000,000 |\n")
                .contains("| 2025 | 34,000,000 | 35,200,000 | 38,100,000 | 39,000,000 | 40,200,000 | 19,100,000 |  |  "
                        + "|  |  |  |  |\n");
    }

    @Test
    void saysHowManyTableAnalysesAreMissingInAnIncompleteReport() {
        String md = render(SampleAnalyses.run(), List.of(SampleAnalyses.events(), SampleAnalyses.orders()),
                ReportStatus.INCOMPLETE);

        assertThat(md).contains("- **Status**: INCOMPLETE — 2 of 3 table analyses arrived, 1 missing when the "
                + "assembly timeout passed\n")
                .contains("- **Exit code**: 1\n")
                .contains("| orders | 16.3 | 2 of 3 | 1 min |");
    }

    @Test
    void namesTheReasonOfARefusedRequest() {
        String md = render(SampleAnalyses.refused("refused-1", "unknown database 'ordrs'"), List.of(),
                ReportStatus.COMPLETE);

        assertThat(md).contains("- **Error**: request refused: unknown database 'ordrs'\n")
                .contains("- **Exit code**: 1\n")
                .contains("No database was analysed.\n")
                .contains("No table is a partitioning candidate.\n");
    }

    @Test
    void warnsWhenStatisticsWereResetDuringTheWindow() {
        AnalysedDatabase reset = new AnalysedDatabase("orders", null, "17.0", 1, 60_000,
                Instant.parse("2025-06-15T09:59:30Z"), true, "not installed", 61_000, 1_000);
        String md = render(SampleAnalyses.run("a-reset", 1, reset), List.of(SampleAnalyses.countries()),
                ReportStatus.COMPLETE);

        assertThat(md).contains("| orders | 17.0 | 1 | 1 min | 2025-06-15T09:59:30Z — during the window, its rates "
                + "are unusable | not installed | 1 min 1 s (1 s collecting) | — |\n")
                .contains("No statements recorded for this table (pg_stat_statements: not installed).\n");
    }

    @Test
    void saysWhyATableIsNotRecommendedInItsDetails() {
        assertThat(SAMPLE.substring(SAMPLE.indexOf("### orders/public.countries")))
                .contains("- **Priority**: NOT_RECOMMENDED\n")
                .contains("#### Why\n\n- Lookup table of 250 rows (48.0 KiB) without a date or timestamp column");
    }

    @Test
    void showsTheFailedDatabaseWithItsError() {
        assertThat(section(SAMPLE, "## Databases"))
                .contains("| billing | — | 0 | — | never | unknown | 2.1 s "
                        + "| ⚠️ connection refused (billing-db:5432) |\n");
    }

    /** The text from {@code heading} to the next level-2 heading. */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading + "\n");
        assertThat(start).as("section %s", heading).isNotNegative();
        int end = md.indexOf("\n## ", start + heading.length());
        return end < 0 ? md.substring(start) : md.substring(start, end + 1);
    }
}
