package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.TableName;
import java.util.Objects;

/**
 * An alert for downstream alerting.
 *
 * @param key the Kafka key: the table key for table alerts, the run id for run-level alerts
 * @param table the table concerned, or null for run-level alerts
 * @param rows rows concerned, when counted
 */
public record Alert(String runId, Kind kind, Severity severity, String key, TableName table, String commandId,
        String partition, String message, Long rows) {

    public Alert {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** Identifies the alert within its run, so an updated report does not send it again. */
    public String fingerprint() {
        return kind + "|" + key + "|" + commandId + "|" + partition + "|" + message;
    }

    /** What the alert is about. */
    public enum Kind {
        COMMAND_FAILED,
        DEFAULT_ROWS_EXPIRED,
        DEFAULT_ROWS_FUTURE,
        DEFAULT_ROWS_NULL_KEY,
        DEFAULT_ROWS_STUCK,
        RUNWAY_SHORT,
        RUN_INCOMPLETE,
        DATABASE_UNREACHABLE
    }

    /** How urgent the alert is. */
    public enum Severity { INFO, WARNING, CRITICAL }
}
