package io.arxos.partitions.reporter.domain.maintenance;

import java.util.Objects;

/**
 * A validation finding or planner note.
 *
 * @param kind the finding kind's name (e.g. {@code DEFAULT_ROWS_EXPIRED}); a string so newer kinds still show
 * @param partition the partition concerned, or null
 * @param rows rows concerned, or null when not counted
 */
public record Finding(String kind, String partition, String detail, Long rows) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
