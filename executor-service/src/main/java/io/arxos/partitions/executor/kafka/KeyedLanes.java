package io.arxos.partitions.executor.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs tasks one at a time per key (one table's commands stay in order) and different keys in parallel. A task that
 * asks for a retry waits on a timer, not on a worker thread, so a table backing off never delays other tables.
 */
final class KeyedLanes {

    private static final Logger LOG = Logger.getLogger(KeyedLanes.class);

    /** One unit of work; returns a delay to be run again after it, or empty when done. */
    interface LaneTask {
        Optional<Duration> runOnce();
    }

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, ArrayDeque<LaneTask>> lanes = new HashMap<>();

    KeyedLanes(ExecutorService workers, ScheduledExecutorService timer) {
        this.workers = workers;
        this.timer = timer;
    }

    void submit(String key, LaneTask task) {
        boolean idle;
        synchronized (lanes) {
            ArrayDeque<LaneTask> lane = lanes.computeIfAbsent(key, k -> new ArrayDeque<>());
            idle = lane.isEmpty();
            lane.addLast(task);
        }
        if (idle) {
            workers.execute(() -> runHead(key));
        }
    }

    private void runHead(String key) {
        LaneTask head;
        synchronized (lanes) {
            head = lanes.get(key).peekFirst();
        }
        Optional<Duration> retry;
        try {
            retry = head.runOnce();
        } catch (Throwable e) {
            // a task must not kill its lane (it owns the table's order); tasks turn their own failures into
            // outcomes, so reaching this means Kafka itself is failing: try again later
            LOG.errorf(e, "lane %s: task failed unexpectedly; retrying in 5 s", key);
            retry = Optional.of(Duration.ofSeconds(5));
        }
        if (retry.isPresent()) {
            timer.schedule(() -> workers.execute(() -> runHead(key)), retry.get().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        boolean more;
        synchronized (lanes) {
            ArrayDeque<LaneTask> lane = lanes.get(key);
            lane.pollFirst();
            more = !lane.isEmpty();
            if (!more) {
                lanes.remove(key);
            }
        }
        if (more) {
            workers.execute(() -> runHead(key));
        }
    }
}
