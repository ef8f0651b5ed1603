package io.arxos.partitions.executor.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An application writing to a table throughout a migration: inserts, updates (some moving a row to another month)
 * and deletes, one at a time, each committed on its own. It keeps what the table must hold afterwards (id → the
 * row's text) from the rows the database returned for each committed statement.
 */
final class LiveWriter implements Runnable {

    private final Supplier<Connection> connect;
    private final String table;
    private final Map<Long, String> expected = new ConcurrentHashMap<>();
    private final List<Long> ids = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Random random = new Random(7);
    private Thread thread;

    LiveWriter(Supplier<Connection> connect, String table, Map<Long, String> initial) {
        this.connect = connect;
        this.table = table;
        expected.putAll(initial);
        ids.addAll(initial.keySet());
    }

    /** Reads what the table holds now: id → the row as text. */
    static Map<Long, String> rows(Connection c, String table) throws SQLException {
        Map<Long, String> rows = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, t::text FROM " + table + " t");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
        }
        return rows;
    }

    Map<Long, String> expected() {
        return Map.copyOf(expected);
    }

    long committed() {
        return committed.get();
    }

    long failed() {
        return failed.get();
    }

    void start() {
        running.set(true);
        thread = new Thread(this, "live-writer");
        thread.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    @Override
    public void run() {
        try (Connection c = connect.get()) {
            while (running.get()) {
                try {
                    writeOne(c);
                    committed.incrementAndGet();
                } catch (SQLException e) {
                    failed.incrementAndGet(); // not committed: the expectation stays as it was
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeOne(Connection c) throws SQLException {
        double r = random.nextDouble();
        if (r < 0.4 || ids.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " AS t (created_at, account, "
                    + "payload) VALUES (?, ?, ?) RETURNING t.id, t::text")) {
                ps.setObject(1, when());
                ps.setInt(2, random.nextInt(50));
                ps.setString(3, "inserted " + random.nextInt());
                apply(ps);
            }
        } else if (r < 0.8) {
            long id = ids.get(random.nextInt(ids.size()));
            boolean move = random.nextDouble() < 0.1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " AS t SET n = n + 1, payload = ?"
                    + (move ? ", created_at = ?" : "") + " WHERE id = ? RETURNING t.id, t::text")) {
                ps.setString(1, "updated " + random.nextInt());
                int p = 2;
                if (move) {
                    ps.setObject(p++, when());
                }
                ps.setLong(p, id);
                apply(ps);
            }
        } else {
            long id = ids.remove(random.nextInt(ids.size()));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ? RETURNING id")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expected.remove(rs.getLong(1));
                    }
                }
            }
        }
    }

    private void apply(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                if (expected.put(id, rs.getString(2)) == null) {
                    ids.add(id);
                }
            }
        }
    }

    /** Any time in the last 13 months, the current one included. */
    private OffsetDateTime when() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusSeconds((long) (random.nextDouble() * 395 * 86400));
    }
}
