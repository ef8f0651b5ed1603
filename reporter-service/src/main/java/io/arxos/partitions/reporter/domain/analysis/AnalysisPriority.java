package io.arxos.partitions.reporter.domain.analysis;

/**
 * How strongly the analysis recommends partitioning a table, declared in the order reports list tables: candidates
 * first (strongest first), then blocked tables, then the rest.
 */
public enum AnalysisPriority {
    HIGH, MEDIUM, LOW, BLOCKED, NOT_RECOMMENDED, UNKNOWN;

    /** A table worth partitioning, blocked ones included: it gets estimates and a recommendation in the report. */
    public boolean candidate() {
        return this == HIGH || this == MEDIUM || this == LOW || this == BLOCKED;
    }
}
