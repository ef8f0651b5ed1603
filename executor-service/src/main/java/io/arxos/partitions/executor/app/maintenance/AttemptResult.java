package io.arxos.partitions.executor.app.maintenance;

import io.arxos.partitions.executor.domain.maintenance.Outcome;
import java.time.Duration;

/** What one attempt at a command came to: a final outcome, or a retry after a delay. */
public sealed interface AttemptResult {

    /** The command is done; publish this outcome. */
    record Finished(Outcome outcome) implements AttemptResult {
    }

    /** A retriable failure; try again after {@code delay}, other tables carry on meanwhile. */
    record RetryLater(Duration delay, String reason) implements AttemptResult {
    }
}
