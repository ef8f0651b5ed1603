package io.arxos.partitions.reporter.kafka;

import io.arxos.partitions.serde.SchemaRegistryException;
import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * Decides what a failed stream thread does. A schema registry outage is temporary: the thread is replaced (after a
 * pause, so a dead registry is not hammered) and resumes from the last committed offsets. Anything else stops the
 * client, readiness goes down and the failure stays visible.
 */
public class StreamsFailureHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(StreamsFailureHandler.class);

    private final Duration backoff;

    public StreamsFailureHandler() {
        this(Duration.ofSeconds(5));
    }

    StreamsFailureHandler(Duration backoff) {
        this.backoff = backoff;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException registry) {
                LOG.errorf("schema registry unavailable (%s); replacing the stream thread in %s", registry.getMessage(),
                        backoff);
                pause();
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        LOG.errorf(exception, "stream thread failed; stopping Kafka Streams");
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    private void pause() {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
