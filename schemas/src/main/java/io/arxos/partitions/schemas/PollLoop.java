package io.arxos.partitions.schemas;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a poll thread, the same in every service: start (subscribe or assign), run rounds until closed, live
 * through a failed round (a Kafka error, an answer that could not be published) with a pause instead of ending the
 * only thread that reads, tell readiness, and close the consumer and what was opened with it. What a round does with
 * the records is its owner's.
 */
public abstract class PollLoop implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);

    /** Subscribes or assigns, once, on the loop's thread. */
    protected abstract void start(KafkaConsumer<byte[], byte[]> consumer);

    /** One round: usually a poll and the work on its records. */
    protected abstract void round(KafkaConsumer<byte[], byte[]> consumer) throws InterruptedException;

    /** Puts the consumer right after a failed round (seek back, subscribe again); nothing by default. */
    protected void afterFailure(KafkaConsumer<byte[], byte[]> consumer) {
    }

    /** The last word before the consumer closes (commit what finished); nothing by default. */
    protected void beforeClose(KafkaConsumer<byte[], byte[]> consumer) {
    }

    private final String name;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration pause;
    private final List<AutoCloseable> resources;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile boolean polling;

    /**
     * @param name names the loop in the log
     * @param pause how long to wait after a failed round
     * @param resources closed with the consumer when the loop ends (producers that answer, dead-letter sinks)
     */
    protected PollLoop(String name, KafkaConsumer<byte[], byte[]> consumer, Duration pause,
            List<AutoCloseable> resources) {
        this.name = name;
        this.consumer = consumer;
        this.pause = pause;
        this.resources = List.copyOf(resources);
    }

    /** True while rounds run (readiness). */
    public final boolean isPolling() {
        return polling;
    }

    @Override
    public final void run() {
        try {
            start(consumer);
            while (running.get()) {
                polling = true;
                try {
                    round(consumer);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException | IllegalStateException e) {
                    LOG.error("{}: round failed ({}); going on in {} ms", name, e.getMessage(), pause.toMillis(), e);
                    afterFailure(consumer);
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            polling = false;
            running.set(false);
            try {
                beforeClose(consumer);
            } catch (KafkaException e) {
                LOG.warn("{}: last step before closing failed: {}", name, e.getMessage());
            }
            consumer.close(Duration.ofSeconds(5));
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("{}: closing {} failed: {}", name, resource, e.getMessage());
                }
            }
        }
    }

    /** Ends the loop: the current poll returns at once, resources are closed on the loop's thread. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }

    /** Whether the loop is still meant to run (rounds that wait may check it). */
    public boolean running() {
        return running.get();
    }
}
