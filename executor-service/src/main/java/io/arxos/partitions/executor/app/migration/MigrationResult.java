package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.MonthComparison;
import java.time.Duration;
import java.util.List;

/** What one migration command did; becomes a MigrationOutcome. */
public record MigrationResult(Status status, MigrationPhase phase, String message, List<String> statements,
        long rowsCopied, long rowsEstimated, boolean copyDone, double rowsPerSecond, Duration blocked,
        List<MonthComparison> months, List<String> differences, Duration duration) {

    /** Mirrors the outcome statuses a migration uses. */
    public enum Status {
        SUCCEEDED, ALREADY_APPLIED, FAILED, REJECTED, DRY_RUN
    }

    public MigrationResult {
        statements = List.copyOf(statements);
        months = List.copyOf(months);
        differences = List.copyOf(differences);
    }

    static MigrationResult of(Status status, MigrationPhase phase, String message, List<String> statements) {
        return new MigrationResult(status, phase, message, statements, 0, 0, false, 0, Duration.ZERO, List.of(),
                List.of(), Duration.ZERO);
    }

    static MigrationResult rejected(String why) {
        return of(Status.REJECTED, MigrationPhase.NONE, why, List.of());
    }

    MigrationResult withProgress(long copied, long estimated, boolean done, double rate) {
        return new MigrationResult(status, phase, message, statements, copied, estimated, done, rate, blocked, months,
                differences, duration);
    }

    MigrationResult withBlocked(Duration held) {
        return new MigrationResult(status, phase, message, statements, rowsCopied, rowsEstimated, copyDone,
                rowsPerSecond, held, months, differences, duration);
    }

    MigrationResult withComparison(List<MonthComparison> compared, List<String> differing) {
        return new MigrationResult(status, phase, message, statements, rowsCopied, rowsEstimated, copyDone,
                rowsPerSecond, blocked, compared, differing, duration);
    }

    MigrationResult took(Duration took) {
        return new MigrationResult(status, phase, message, statements, rowsCopied, rowsEstimated, copyDone,
                rowsPerSecond, blocked, months, differences, took);
    }
}
