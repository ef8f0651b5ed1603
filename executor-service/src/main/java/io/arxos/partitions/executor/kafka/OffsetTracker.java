package io.arxos.partitions.executor.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed while records finish out of order (different tables run in parallel): per
 * partition, everything below the lowest record still in flight. A record waiting for a retry keeps its partition's
 * commit point behind it, so a crash redelivers it (and the ledger makes the redelivery harmless).
 */
public final class OffsetTracker {

    private final Map<TopicPartition, TreeSet<Long>> inFlight = new HashMap<>();
    private final Map<TopicPartition, Long> nextToRead = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    public synchronized void started(TopicPartition partition, long offset) {
        inFlight.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        nextToRead.merge(partition, offset + 1, Math::max);
    }

    public synchronized void finished(TopicPartition partition, long offset) {
        TreeSet<Long> pending = inFlight.get(partition);
        if (pending != null) {
            pending.remove(offset);
        }
        notifyAll();
    }

    /**
     * Waits until nothing is in flight on these partitions, so their records finish here before another consumer
     * takes them over (and runs nothing twice); gives up after {@code timeout}.
     *
     * @return true when drained
     */
    public synchronized boolean awaitDrained(java.util.Collection<TopicPartition> partitions,
            java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> !inFlight.getOrDefault(p, new TreeSet<>()).isEmpty())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public synchronized int inFlightCount() {
        return inFlight.values().stream().mapToInt(TreeSet::size).sum();
    }

    /** Offsets that moved since the last call, ready for commitSync. */
    public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        nextToRead.forEach((partition, next) -> {
            TreeSet<Long> pending = inFlight.get(partition);
            long safe = pending == null || pending.isEmpty() ? next : pending.first();
            if (safe > committed.getOrDefault(partition, -1L)) {
                result.put(partition, new OffsetAndMetadata(safe));
            }
        });
        return result;
    }

    public synchronized void markCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> committed.merge(partition, offset.offset(), Math::max));
    }

    /** Forgets partitions this consumer no longer owns. */
    public synchronized void revoked(java.util.Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            inFlight.remove(p);
            nextToRead.remove(p);
            committed.remove(p);
        });
    }
}
