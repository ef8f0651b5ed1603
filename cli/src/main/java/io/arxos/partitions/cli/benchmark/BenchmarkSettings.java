package io.arxos.partitions.cli.benchmark;

import io.arxos.partitions.events.BenchmarkRequest;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/** How a benchmark measures: the options {@code benchmark} and {@code migrate --benchmark-gate} share. */
public final class BenchmarkSettings {

    @Option(names = "--runs", defaultValue = "9", paramLabel = "N",
            description = "Timed runs of each query on each side, 3-100 (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmups", defaultValue = "2", paramLabel = "N",
            description = "Runs of each query on each side before timing, discarded (default ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--statement-timeout", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "statement_timeout of every benchmark query (default ${DEFAULT-VALUE}).")
    Duration statementTimeout;

    @Option(names = "--no-vacuum", description = "Do not VACUUM ANALYZE the two relations first (the report says so).")
    boolean noVacuum;

    @Option(names = "--max-duration", defaultValue = "PT30M", paramLabel = "DURATION",
            description = "How long the whole benchmark may take; queries not measured by then are reported as "
                    + "such (default ${DEFAULT-VALUE}).")
    Duration maxDuration;

    /** The request; throws IllegalArgumentException naming a bad option. */
    BenchmarkRequest request(String id, String requestedBy, List<String> databases, List<String> tables,
            String baseline, Duration planWait) {
        require(runs >= 3 && runs <= 100, "--runs " + runs + " must be between 3 and 100: fewer cannot show a spread");
        require(warmups >= 0 && warmups <= 20, "--warmups " + warmups + " must be between 0 and 20");
        require(statementTimeout.toMillis() >= 100 && statementTimeout.toMillis() <= Integer.MAX_VALUE,
                "--statement-timeout " + statementTimeout + " must be at least PT0.1S");
        require(maxDuration.toSeconds() >= 1 && maxDuration.compareTo(Duration.ofHours(12)) <= 0,
                "--max-duration " + maxDuration + " must be between PT1S and PT12H");
        return BenchmarkRequest.newBuilder()
                .setEnvelope(CoreTypes.envelope(id, "partctl", Instant.now()))
                .setRequestedBy(requestedBy)
                .setDatabases(databases)
                .setTables(tables)
                .setBaseline(baseline)
                .setRuns(runs)
                .setWarmups(warmups)
                .setStatementTimeoutMillis((int) statementTimeout.toMillis())
                .setVacuumAnalyze(!noVacuum)
                .setMaxDurationSeconds((int) maxDuration.toSeconds())
                .setPlanWithinSeconds((int) Math.min(Integer.MAX_VALUE, planWait.toSeconds()))
                .build();
    }

    /** How long the reporter may take once the plan is out: the benchmark's own cap and a minute. */
    Duration reportWait() {
        return maxDuration.plusMinutes(1);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
