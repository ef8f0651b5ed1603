package io.arxos.partitions.reporter.domain.benchmark;

import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.QueryRef;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.QueryRow;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.Regression;
import io.arxos.partitions.reporter.domain.benchmark.BenchmarkReport.TableSection;
import io.arxos.partitions.reporter.domain.run.ReportStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds a benchmark report from the run's plan and the tables' outcomes in so far. Pure. */
public final class BenchmarkReportBuilder {

    private BenchmarkReportBuilder() {
    }

    public static BenchmarkReport build(BenchmarkPlan plan, List<TableBenchmark> outcomes, ReportStatus status,
            Instant now) {
        List<TableSection> tables = new ArrayList<>();
        List<Regression> regressions = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<QueryRef> compared = new ArrayList<>();
        int[] counts = new int[Verdict.values().length];
        Set<String> arrived = outcomes.stream().map(TableBenchmark::commandId).collect(Collectors.toSet());
        for (TableBenchmark outcome : outcomes) {
            List<QueryRow> rows = new ArrayList<>();
            for (TableBenchmark.QueryPair pair : outcome.queries()) {
                QueryRow row = row(pair);
                rows.add(row);
                counts[row.verdict().ordinal()]++;
                String table = outcome.table().key();
                if (row.verdict() != Verdict.VOID) {
                    compared.add(new QueryRef(table, row.name(), row.changePercent()));
                }
                if (row.verdict() == Verdict.SLOWER) {
                    regressions.add(new Regression(table, row.name(), row.changePercent(), row.noisePercent(),
                            row.pValue()));
                }
            }
            // regressions first, then what could not be compared, then the rest in planned order
            rows.sort(Comparator.comparingInt(r -> r.verdict() == Verdict.SLOWER ? 0 : r.verdict() == Verdict.VOID
                    ? 1 : 2));
            if (!"SUCCEEDED".equals(outcome.status())) {
                failures.add(outcome.table().key() + ": " + outcome.status()
                        + (outcome.error() == null ? "" : " — " + outcome.error()));
            }
            tables.add(new TableSection(outcome.table(), outcome.before(), outcome.after(), outcome.baseline(),
                    meaning(outcome.baseline()), outcome.status(), outcome.vacuumed(), outcome.partitionsInTable(),
                    outcome.durationMillis(), outcome.error(), rows));
        }
        for (BenchmarkPlan.Target target : plan.targets()) {
            if (!arrived.contains(target.commandId())) {
                failures.add(target.table().key() + ": no outcome by the deadline " + plan.deadline());
            }
        }
        if (plan.error() != null) {
            failures.add("request refused: " + plan.error());
        }
        regressions.sort(Comparator.comparingDouble(Regression::changePercent).reversed());
        tables.sort(Comparator.comparing(t -> t.table().key()));
        int queries = compared.size() + counts[Verdict.VOID.ordinal()];
        Double average = compared.isEmpty() ? null
                : compared.stream().mapToDouble(QueryRef::changePercent).average().orElse(0);
        QueryRef best = compared.stream().min(Comparator.comparingDouble(QueryRef::changePercent)).orElse(null);
        QueryRef worst = compared.stream().max(Comparator.comparingDouble(QueryRef::changePercent)).orElse(null);
        // a void comparison is no result: like a table not measured, it must not pass as "no regression"
        int exitCode = !regressions.isEmpty() ? 2 : status != ReportStatus.COMPLETE || !failures.isEmpty()
                || counts[Verdict.VOID.ordinal()] > 0 ? 1 : 0;
        return new BenchmarkReport(plan.benchmarkId(), status, exitCode, now, plan.requestedBy(), plan.runs(),
                plan.warmups(), new BenchmarkReport.Summary(tables.size(), queries, counts[Verdict.FASTER.ordinal()],
                        counts[Verdict.NO_DIFFERENCE.ordinal()], counts[Verdict.SLOWER.ordinal()],
                        counts[Verdict.VOID.ordinal()], average, best, worst),
                regressions, tables, plan.skipped(), failures);
    }

    private static QueryRow row(TableBenchmark.QueryPair q) {
        Verdict.Decision d = Verdict.decide(q);
        return new QueryRow(q.name(), q.category(), q.description(), q.sql(), d.verdict(), d.before(), d.after(),
                finite(d.changePercent()), finite(d.noisePercent()), finite(d.pValue()), d.voidReason().orElse(null),
                q.before().rows(), q.after().rows(), q.before().partitionsScanned(), q.after().partitionsScanned(),
                q.after().partitionsPrunedAtRunTime(), q.before().cacheHitRatio(), q.after().cacheHitRatio(),
                plan(q.before().scanNodes()), plan(q.after().scanNodes()));
    }

    /** The scan nodes by type: "Index Scan ×1", "Seq Scan ×13". */
    static String plan(List<String> scanNodes) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (String node : scanNodes) {
            int on = node.indexOf(" on ");
            byType.merge(on < 0 ? node : node.substring(0, on), 1, Integer::sum);
        }
        return byType.isEmpty() ? "—" : byType.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** What the baseline is, in words, for the report. */
    static String meaning(String baseline) {
        return switch (baseline) {
            case "migration-original" -> "the original table of a migration between prepare and swap: the same rows"
                    + " by construction";
            case "migration-backup" -> "the original kept as <table>_backup after the swap: the same rows up to the"
                    + " swap";
            case "pruning-off" -> "the partitioned table itself with enable_partition_pruning = off: what pruning"
                    + " alone contributes";
            case "copy" -> "an unpartitioned copy of the table (same columns and indexes) made from one snapshot just"
                    + " before the benchmark and dropped after it";
            case "named" -> "a table named in the request; the result check shows whether it holds the same rows";
            default -> baseline;
        };
    }
}
