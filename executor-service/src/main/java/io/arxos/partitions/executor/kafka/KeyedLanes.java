package io.arxos.partitions.executor.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs tasks one at a time per key (one table's commands stay in order) and different keys in parallel. A task that
 * asks for a retry waits on a timer, not on a worker thread, so a table backing off never delays other tables. With a
 * {@link LaneBatch}, a lane hands all its waiting tasks (up to a limit) to the batch at once, so one table's commands
 * can share a connection, an inspection and transactions. Lanes of one group (a database) run at most
 * {@code maxPerGroup} at a time: DDL sessions in one database invalidate each other's catalog caches, so beyond a
 * couple of them parallel work costs the server more CPU without finishing sooner; other databases go on meanwhile.
 */
public final class KeyedLanes {

    private static final Logger LOG = Logger.getLogger(KeyedLanes.class);

    /** One unit of work; returns a delay to be run again after it, or empty when done. */
    public interface LaneTask {
        Optional<Duration> runOnce();
    }

    /** Works on a lane's waiting tasks together, in order. */
    public interface LaneBatch {
        /**
         * @param groupDone call when the work that counts against the group's limit is over (e.g. the database part,
         *     before publishing results), so another lane of the group can start; called again later harmlessly
         * @return how many tasks from the front finished, and when to come back for the rest (if any remain)
         */
        Progress runTogether(List<LaneTask> waiting, Runnable groupDone);
    }

    /** What a batch achieved: {@code finished} tasks from the front are done; retry the rest after the delay. */
    public record Progress(int finished, Optional<Duration> retryAfter) {
    }

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final Map<String, ArrayDeque<LaneTask>> lanes = new HashMap<>();
    private final LaneBatch batch;
    private final int maxBatch;
    private final Function<String, String> groupOf;
    private final int maxPerGroup;
    private final Map<String, Integer> runningByGroup = new HashMap<>();
    private final Map<String, ArrayDeque<String>> readyByGroup = new java.util.LinkedHashMap<>();
    private final int workerCount;

    KeyedLanes(ExecutorService workers, ScheduledExecutorService timer) {
        this(workers, timer, (waiting, groupDone) -> {
            Optional<Duration> retry = waiting.get(0).runOnce();
            return new Progress(retry.isPresent() ? 0 : 1, retry);
        }, 1, key -> key, Integer.MAX_VALUE);
    }

    /**
     * @param groupOf the group of a lane key (e.g. its database)
     * @param maxPerGroup lanes of one group running at once
     */
    public KeyedLanes(ExecutorService workers, ScheduledExecutorService timer, LaneBatch batch, int maxBatch,
            Function<String, String> groupOf, int maxPerGroup) {
        this(workers, timer, batch, maxBatch, groupOf, maxPerGroup, Integer.MAX_VALUE);
    }

    /** @param workerCount the workers' threads: with at least as many groups waiting, each group runs one lane */
    public KeyedLanes(ExecutorService workers, ScheduledExecutorService timer, LaneBatch batch, int maxBatch,
            Function<String, String> groupOf, int maxPerGroup, int workerCount) {
        this.workerCount = workerCount;
        this.workers = workers;
        this.timer = timer;
        this.batch = batch;
        this.maxBatch = maxBatch;
        this.groupOf = groupOf;
        this.maxPerGroup = maxPerGroup;
    }

    void submit(String key, LaneTask task) {
        submitAll(List.of(Map.entry(key, task)));
    }

    /**
     * Queues tasks (in order per key) before any of their lanes starts, so a lane's first round sees every task of
     * the batch that arrived together (e.g. all of a table's commands from one poll).
     */
    public void submitAll(List<Map.Entry<String, LaneTask>> tasks) {
        java.util.Set<String> idle = new java.util.LinkedHashSet<>();
        synchronized (lanes) {
            for (Map.Entry<String, LaneTask> task : tasks) {
                ArrayDeque<LaneTask> lane = lanes.computeIfAbsent(task.getKey(), k -> new ArrayDeque<>());
                if (lane.isEmpty()) {
                    idle.add(task.getKey());
                }
                lane.addLast(task.getValue());
            }
        }
        synchronized (lanes) {
            idle.forEach(key -> readyByGroup.computeIfAbsent(groupOf.apply(key), g -> new ArrayDeque<>())
                    .addLast(key));
        }
        pump();
    }

    /** Queues the lane behind its group's ready lanes and starts whatever may start now. */
    private void dispatch(String key) {
        synchronized (lanes) {
            readyByGroup.computeIfAbsent(groupOf.apply(key), g -> new ArrayDeque<>()).addLast(key);
        }
        pump();
    }

    /** The lane's round no longer counts against its group: another lane may start. */
    private void release(String key) {
        String group = groupOf.apply(key);
        synchronized (lanes) {
            int running = runningByGroup.getOrDefault(group, 1) - 1;
            if (running <= 0) {
                runningByGroup.remove(group);
            } else {
                runningByGroup.put(group, running);
            }
        }
        pump();
    }

    /**
     * Starts ready lanes, one group after the other. While more groups want to run than there are workers, each group
     * gets one lane: a second session in a database costs its server a cold catalog cache, which breadth across
     * databases does not; with fewer groups, each may run up to {@code maxPerGroup}. No more lanes start than there
     * are workers, and the groups that have waited longest come first, so a database's tables follow one another on
     * its warm session instead of queueing behind every other database's (whose sessions would evict it from the
     * connection budget in between).
     */
    private void pump() {
        List<String> start = new java.util.ArrayList<>();
        synchronized (lanes) {
            java.util.Set<String> active = new java.util.HashSet<>(runningByGroup.keySet());
            active.addAll(readyByGroup.keySet());
            int limit = active.size() >= workerCount ? 1 : maxPerGroup;
            int runningInAll = runningByGroup.values().stream().mapToInt(Integer::intValue).sum();
            var it = readyByGroup.entrySet().iterator();
            while (it.hasNext() && runningInAll < workerCount) {
                Map.Entry<String, ArrayDeque<String>> group = it.next();
                int running = runningByGroup.getOrDefault(group.getKey(), 0);
                while (running < limit && runningInAll < workerCount && !group.getValue().isEmpty()) {
                    runningInAll++;
                    start.add(group.getValue().pollFirst());
                    running++;
                }
                if (running > 0) {
                    runningByGroup.put(group.getKey(), running);
                }
                if (group.getValue().isEmpty()) {
                    it.remove();
                }
            }
        }
        start.forEach(key -> workers.execute(() -> runHead(key)));
    }

    private void runHead(String key) {
        List<LaneTask> waiting;
        synchronized (lanes) {
            waiting = lanes.get(key).stream().limit(maxBatch).toList();
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable groupDone = () -> {
            if (released.compareAndSet(false, true)) {
                release(key);
            }
        };
        Progress progress;
        try {
            progress = batch.runTogether(waiting, groupDone);
        } catch (Throwable e) {
            // a task must not kill its lane (it owns the table's order); tasks turn their own failures into
            // outcomes, so reaching this means Kafka itself is failing: try again later
            LOG.errorf(e, "lane %s: task failed unexpectedly; retrying in 5 s", key);
            progress = new Progress(0, Optional.of(Duration.ofSeconds(5)));
        }
        if (progress.finished() == 0 && progress.retryAfter().isEmpty()) {
            progress = new Progress(0, Optional.of(Duration.ofSeconds(1))); // never spin on a lane that did nothing
        }
        boolean more;
        synchronized (lanes) {
            ArrayDeque<LaneTask> lane = lanes.get(key);
            for (int i = 0; i < progress.finished(); i++) {
                lane.pollFirst();
            }
            more = !lane.isEmpty();
            if (!more) {
                lanes.remove(key);
            }
        }
        groupDone.run();
        if (more && progress.retryAfter().isPresent()) {
            timer.schedule(() -> dispatch(key), progress.retryAfter().get().toMillis(), TimeUnit.MILLISECONDS);
        } else if (more) {
            dispatch(key); // behind lanes of its group that were waiting, so one busy table cannot starve them
        }
    }
}
