package io.arxos.partitions.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.arxos.partitions.cli.Partctl;
import io.arxos.partitions.core.TableRef;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The guide's phase 3 in the demo: benchmark the freshly swapped table against its original (kept as
 * {@code <table>_backup}), print the report, and check it against the database: the partition count, and every
 * query's row count on both sides re-run here.
 */
public final class BenchmarkDemo {

    /** What the benchmark did and what the self-check found. */
    public record Result(int exitCode, int benchmarkExitCode, String benchmarkId, Path reportFile, JsonNode report,
            List<String> passed, List<String> failed, double seconds) {
    }

    private BenchmarkDemo() {
    }

    public static Result run(Stack stack, Path reportsDir, PrintStream out, String table) throws Exception {
        String id = "demo-benchmark-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(java.time.Instant.now());
        Path reportFile = reportsDir.resolve(id + ".md");
        out.println("demo: partctl benchmark --table " + table + " (the partitioned table against its original)");
        long start = System.nanoTime();
        int exit = Partctl.execute("benchmark", "--table", table, "--benchmark-id", id, "--runs", "9",
                "--output-file", reportFile.toString(), "--quiet", "--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.registryUrl(), "--inventory", stack.inventory().toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit == 3 || exit == 64) {
            throw new IllegalStateException("partctl benchmark exited " + exit + " (see above)");
        }
        out.print(Files.readString(reportFile));
        JsonNode report = Demo.fetchJson(stack, "/benchmarks/" + id + ".json");
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        check(report, table, stack, passed, failed);
        out.printf("demo: partctl benchmark exited %d in %.1f s (%s); report written to %s%n", exit, seconds,
                exit == 2 ? "a query is slower after partitioning" : exit == 0 ? "no query slower" : "see the report",
                reportFile);
        out.printf("demo: self-check of the benchmark against the database: %d checks passed, %d failed%n",
                passed.size(), failed.size());
        failed.forEach(f -> out.println("  FAILED " + f));
        return new Result(failed.isEmpty() ? 0 : 1, exit, id, reportFile, report, passed, failed, seconds);
    }

    private static void check(JsonNode report, String table, Stack stack, List<String> passed, List<String> failed)
            throws Exception {
        record Check(boolean ok, String what) {
        }
        List<Check> checks = new ArrayList<>();
        JsonNode section = report.path("tables").path(0);
        checks.add(new Check(report.path("status").asText().equals("COMPLETE") && report.path("tables").size() == 1,
                "the report is COMPLETE with one table"));
        checks.add(new Check(section.path("baseline").asText().equals("migration-backup")
                && section.path("before").asText().equals(table + "_backup"),
                "the baseline is the original kept as " + table + "_backup"));
        TableRef after = TableRef.parse(table);
        TableRef before = TableRef.parse(table + "_backup");
        try (Connection c = stack.connect()) {
            long partitions = DatabaseFacts.count(c, "SELECT count(*) FROM pg_partition_tree('" + after.quoted()
                    + "'::regclass) t WHERE t.isleaf AND t.relid <> '" + after.quoted() + "'::regclass");
            checks.add(new Check(section.path("partitionsInTable").asLong() == partitions,
                    "the report counts " + section.path("partitionsInTable").asLong() + " partitions, the database "
                            + partitions));
            for (JsonNode q : section.path("queries")) {
                String name = q.path("name").asText();
                String sql = q.path("sql").asText();
                long rowsAfter = DatabaseFacts.count(c, "SELECT count(*) FROM (" + sql.replace("{relation}",
                        after.quoted()) + ") q");
                long rowsBefore = DatabaseFacts.count(c, "SELECT count(*) FROM (" + sql.replace("{relation}",
                        before.quoted()) + ") q");
                checks.add(new Check(!q.path("verdict").asText().equals("VOID") && q.path("rowsAfter")
                        .asLong() == rowsAfter && q.path("rowsBefore").asLong() == rowsBefore, name + ": " + rowsAfter
                                + " rows on both sides as the report says, and compared (" + q.path("verdict").asText()
                                + ")"));
                if (name.equals("last_7_days")) {
                    checks.add(new Check(q.path("partitionsScannedAfter").asLong() < partitions
                            && q.path("partitionsScannedBefore").asLong() == 0, "last_7_days read "
                                    + q.path("partitionsScannedAfter").asLong() + " of " + partitions
                                    + " partitions after, a plain table before"));
                }
            }
        }
        int slower = report.path("summary").path("slower").asInt();
        checks.add(new Check((report.path("exitCode").asInt() == 2) == (slower > 0),
                "the exit code says a regression exactly when a query is slower (" + slower + ")"));
        checks.forEach(ch -> (ch.ok() ? passed : failed).add(ch.what()));
    }
}
