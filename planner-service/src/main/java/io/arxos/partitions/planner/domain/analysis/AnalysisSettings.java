package io.arxos.partitions.planner.domain.analysis;

import java.util.OptionalLong;

/**
 * Thresholds of the recommendation. Size classes default to multiples of the server's shared_buffers, the usual
 * sign that a table no longer fits the cache; set absolute sizes to override.
 *
 * @param highBytes size from which a time-series table is a HIGH candidate (default 4 × shared_buffers)
 * @param mediumBytes MEDIUM (default 1 × shared_buffers)
 * @param lowBytes LOW; smaller tables are not recommended (default shared_buffers / 4)
 * @param partitionBudgetBytes largest partition the interval choice accepts
 * @param maxPartitions most partitions the interval choice accepts ("low hundreds"); more draws a planning warning
 */
public record AnalysisSettings(OptionalLong highBytes, OptionalLong mediumBytes, OptionalLong lowBytes,
        long partitionBudgetBytes, int maxPartitions) {

    public static final long GIB = 1024L * 1024 * 1024;

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), 10 * GIB, 200);
    }

    long high(DatabaseContext db) {
        return highBytes.orElse(4 * db.sharedBufferBytes());
    }

    long medium(DatabaseContext db) {
        return mediumBytes.orElse(db.sharedBufferBytes());
    }

    long low(DatabaseContext db) {
        return lowBytes.orElse(db.sharedBufferBytes() / 4);
    }

    /** Says where the size classes come from, for the reasons' basis. */
    String describeClasses(DatabaseContext db) {
        String source = highBytes.isPresent() ? "configured" : "shared_buffers " + Sizes.human(db.sharedBufferBytes())
                + " × 4 / × 1 / ÷ 4";
        return "HIGH ≥ " + Sizes.human(high(db)) + ", MEDIUM ≥ " + Sizes.human(medium(db)) + ", LOW ≥ "
                + Sizes.human(low(db)) + " (" + source + ")";
    }
}
