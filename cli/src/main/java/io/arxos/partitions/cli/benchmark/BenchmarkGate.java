package io.arxos.partitions.cli.benchmark;

import io.arxos.partitions.cli.ExitCodes;
import io.arxos.partitions.cli.run.ReportOutput;
import io.arxos.partitions.cli.run.RunClient;
import io.arxos.partitions.events.BenchmarkRegression;
import io.arxos.partitions.events.BenchmarkReport;
import io.arxos.partitions.events.BenchmarkRun;
import io.arxos.partitions.events.ReportPageFormat;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code migrate --swap --benchmark-gate P}: benchmarks the verified partitioned table against its original before
 * the swap, and lets the swap go ahead only when no query is slower by more than P % beyond its measured noise and
 * every query could be measured.
 *
 * @param percent the regression the gate tolerates, in percent, beyond each query's noise
 */
public record BenchmarkGate(double percent, BenchmarkSettings settings) {

    public BenchmarkGate {
        if (!(percent >= 0 && percent <= 1000)) {
            throw new IllegalArgumentException("--benchmark-gate " + percent + " must be between 0 and 1000 (%)");
        }
    }

    /** The gate's verdict: whether the swap may proceed, and why not. */
    public record Decision(boolean pass, int exitCode, String reason) {
    }

    /** Runs the benchmark of {@code tables} and decides; an unanswered benchmark refuses the swap. */
    public Decision check(RunClient client, List<String> databases, List<String> tables, Duration planWait,
            PrintWriter err) {
        var request = settings.request("gate-" + UUID.randomUUID(), ReportOutput.requester(), databases, tables,
                null, planWait);
        RunClient.Answers<BenchmarkRun, BenchmarkReport> answers = client.exchange(BenchmarkCommand.BENCHMARKS,
                request, planWait, settings.reportWait(), ReportPageFormat.JSON,
                line -> err.println("partctl: benchmark gate: " + line));
        if (answers.report().isEmpty()) {
            return new Decision(false, ExitCodes.UNREACHABLE, "the benchmark gate got no report: swap not attempted");
        }
        return decide(answers.report().get());
    }

    Decision decide(BenchmarkReport report) {
        List<BenchmarkRegression> beyond = report.getRegressions().stream()
                .filter(r -> r.getChangePercent() - r.getNoisePercent() > percent).toList();
        if (!beyond.isEmpty()) {
            return new Decision(false, ExitCodes.VALIDATION_PROBLEMS, "swap refused by the benchmark gate ("
                    + fmt(percent) + " %): " + beyond.stream().map(r -> r.getQuery() + " on " + r.getTable() + " "
                            + fmt(r.getChangePercent()) + " % slower (noise ±" + fmt(r.getNoisePercent()) + " %)")
                            .collect(Collectors.joining("; "))
                    + "; nothing was changed");
        }
        if (report.getExitCode() == ExitCodes.OPERATION_FAILED || report.getTables() == 0) {
            return new Decision(false, ExitCodes.OPERATION_FAILED, "swap refused by the benchmark gate: the "
                    + "benchmark " + report.getEnvelope().getRunId() + " is " + report.getStatus() + " with "
                    + report.getTables() + " table(s) measured and " + report.getVoided() + " void comparison(s); "
                    + "nothing was changed");
        }
        return new Decision(true, ExitCodes.OK, "benchmark gate passed: " + report.getFaster() + " faster, "
                + report.getUnchanged() + " no significant difference, " + report.getSlower() + " slower within "
                + fmt(percent) + " % beyond noise");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
