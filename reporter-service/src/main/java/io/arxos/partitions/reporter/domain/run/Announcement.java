package io.arxos.partitions.reporter.domain.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run's plan promises: which items will come (by id, as a maintenance plan lists its commands) or only how
 * many (as an analysis counts its tables, whose keys it does not list), and when the report is due without them.
 *
 * @param ids the items that count towards completion, or null when any distinct item counts
 */
public record Announcement(List<String> ids, int expected, Instant deadline) {

    public Announcement {
        ids = ids == null ? null : List.copyOf(ids);
        Objects.requireNonNull(deadline, "deadline");
    }

    /** The plan lists its items: only those count. */
    public static Announcement of(List<String> ids, Instant deadline) {
        List<String> distinct = ids.stream().distinct().toList();
        return new Announcement(distinct, distinct.size(), deadline);
    }

    /** The plan only counts its items: any {@code expected} distinct ones complete it. */
    public static Announcement count(int expected, Instant deadline) {
        return new Announcement(null, expected, deadline);
    }

    public boolean listsItems() {
        return ids != null;
    }
}
