package io.arxos.partitions.executor.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * Bounded exponential backoff with jitter. Jitter spaces retries of lock-bound steps so they do not line up with
 * other waiters; the random draw is a parameter to keep this pure.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts " + maxAttempts + " must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff " + initialBackoff + " .. " + maxBackoff + " is not a range");
        }
    }

    /**
     * The wait before attempt {@code failedAttempt + 1}, or empty when {@code failedAttempt} was the last.
     *
     * @param random a draw from [0, 1)
     */
    public Optional<Duration> delayAfter(int failedAttempt, double random) {
        if (failedAttempt >= maxAttempts) {
            return Optional.empty();
        }
        long base = initialBackoff.toMillis() << Math.min(failedAttempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long jittered = capped / 2 + (long) (random * (capped / 2.0 + 1));
        return Optional.of(Duration.ofMillis(Math.min(jittered, maxBackoff.toMillis())));
    }
}
