package io.arxos.partitions.stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An application inserting into a managed table at a fixed rate, as the benchmark's victim. Latency is measured from
 * each insert's intended start, so time spent stuck behind a lock counts even for the inserts that could not start
 * (no coordinated omission).
 */
final class WriterLoad implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final Recorder recorder = new Recorder(3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean running = true;

    /** Starts {@code writers} threads sharing {@code ratePerSecond} inserts into {@code audit_logs}' current month. */
    static WriterLoad start(ConnectionSource connections, String table, int writers, int ratePerSecond)
            throws SQLException {
        return withInsert(connections, "INSERT INTO " + table + " (user_id, action, object_id, details, created_at) "
                + "VALUES (?, 'benchmark', ?, '{}', now())", writers, ratePerSecond);
    }

    /**
     * Starts {@code writers} threads sharing {@code ratePerSecond} executions of {@code insertSql}, whose two
     * parameters get a writer-unique number and a sequence number.
     */
    static WriterLoad withInsert(ConnectionSource connections, String insertSql, int writers, int ratePerSecond)
            throws SQLException {
        WriterLoad load = new WriterLoad();
        long intervalNanos = 1_000_000_000L * writers / ratePerSecond;
        for (int w = 0; w < writers; w++) {
            Connection c = connections.open();
            PreparedStatement insert = c.prepareStatement(insertSql);
            int id = w;
            Thread t = new Thread(() -> load.loop(c, insert, id, intervalNanos), "writer-" + w);
            t.setDaemon(true);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    /** Opens a writer's connection. */
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private void loop(Connection c, PreparedStatement insert, int writer, long intervalNanos) {
        long next = System.nanoTime() + writer * (intervalNanos / 4);
        long n = 0;
        try (c; insert) {
            while (running) {
                long now = System.nanoTime();
                if (now < next) {
                    java.util.concurrent.locks.LockSupport.parkNanos(next - now);
                    continue;
                }
                try {
                    insert.setLong(1, writer * 1_000_000L + n);
                    insert.setLong(2, n++);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    errors.incrementAndGet();
                    lastError.set(e.getSQLState() + " " + e.getMessage());
                }
                recorder.recordValue(Math.max(1, (System.nanoTime() - next) / 1000));
                next += intervalNanos;
            }
        } catch (SQLException e) {
            lastError.set(e.getMessage());
        }
    }

    /** The latencies (µs) recorded since the previous call; the window starts afresh. */
    Histogram window() {
        return recorder.getIntervalHistogram();
    }

    long errors() {
        return errors.get();
    }

    String lastError() {
        return lastError.get();
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
