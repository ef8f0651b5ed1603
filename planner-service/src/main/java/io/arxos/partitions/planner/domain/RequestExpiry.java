package io.arxos.partitions.planner.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A request read after its requester stopped waiting for the plan is refused, not planned: the requester has
 * reported failure already (partctl exited 3), and running it later — maybe hours later, when the planner comes
 * back — would change databases nobody is watching.
 */
public final class RequestExpiry {

    private RequestExpiry() {
    }

    /**
     * @param planWithinSeconds how long the requester waits for the plan; 0 for no limit
     * @throws IllegalArgumentException saying when the request was made and when its wait ended
     */
    public static void check(String kind, String id, Instant madeAt, int planWithinSeconds, Instant now) {
        if (planWithinSeconds <= 0 || madeAt == null) {
            return;
        }
        Instant expired = madeAt.plus(Duration.ofSeconds(planWithinSeconds));
        if (now.isAfter(expired)) {
            throw new IllegalArgumentException(kind + " request " + id + " made at " + madeAt + " was read at " + now
                    + ", after its requester stopped waiting for the plan (" + expired + "): refused, not planned");
        }
    }
}
