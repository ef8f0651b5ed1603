package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.ErrorClassifier;
import io.arxos.partitions.executor.domain.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/** Runs a database call again after retriable failures (the classifier decides), with the policy's backoff. */
final class Retrying {

    private static final Logger LOG = Logger.getLogger(Retrying.class);

    private Retrying() {
    }

    static <T> T call(RunMigrationStep.Call<T> call, RetryPolicy policy, DoubleSupplier random)
            throws StepFailure, InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                return call.call();
            } catch (StepFailure e) {
                boolean retriable = ErrorClassifier.classify(e.sqlState()) == ErrorClassifier.ErrorClass.RETRIABLE;
                Optional<Duration> delay = retriable ? policy.delayAfter(attempt, random.getAsDouble())
                        : Optional.empty();
                if (delay.isEmpty()) {
                    throw e;
                }
                LOG.infof("attempt %d failed retriably (%s, SQLSTATE %s); again in %d ms", attempt, e.getMessage(),
                        e.sqlState(), delay.get().toMillis());
                Thread.sleep(delay.get().toMillis());
            }
        }
    }
}
