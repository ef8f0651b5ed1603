package io.arxos.partitions.planner.domain.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the analysis could observe in one database, and what it could not.
 *
 * @param window the observation window the activity deltas cover
 * @param statsResetDuringWindow statistics were reset inside the window, so its deltas mean nothing
 * @param queryStatistics pg_stat_statements: "installed", "not installed", or "not readable: why"
 * @param skipped tables left out, with why (e.g. names that need quoting)
 * @param collectTime time spent in catalog queries and sampling, the window excluded
 */
public record DatabaseProfile(
        String serverVersion,
        DatabaseContext context,
        Duration window,
        Optional<Instant> statsReset,
        boolean statsResetDuringWindow,
        String queryStatistics,
        List<TableProfile> tables,
        List<String> skipped,
        Duration collectTime) {

    public DatabaseProfile {
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
    }
}
