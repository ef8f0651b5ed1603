package io.arxos.partitions.planner.domain.analysis;

/** How strongly partitioning is recommended, strongest first. */
public enum Priority {
    HIGH, MEDIUM, LOW,
    /** Worth partitioning, but something in the schema must change first. */
    BLOCKED,
    /** Too small, already partitioned, or nothing to gain. */
    NOT_RECOMMENDED
}
