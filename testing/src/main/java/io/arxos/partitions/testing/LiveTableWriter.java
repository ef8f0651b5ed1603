package io.arxos.partitions.testing;

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
 * row's text) from the rows the database returned for each committed statement. The table needs a bigint {@code id}
 * primary key; {@link Shape} says how to insert and update its other columns.
 */
public final class LiveTableWriter implements Runnable {

    /**
     * How to write the table's rows.
     *
     * @param key the partition key column, given a time in the last 13 months by inserts and moving updates
     * @param insertColumns the columns an insert sets besides the key, e.g. {@code user_id, action}
     * @param insertValues their values as SQL, e.g. {@code 42, 'login'}
     * @param updateSet what an update sets besides the key, e.g. {@code action = 'edited'}
     */
    public record Shape(String key, String insertColumns, String insertValues, String updateSet) {
    }

    private final Supplier<Connection> connect;
    private final String table;
    private final Shape shape;
    private final Map<Long, String> expected = new ConcurrentHashMap<>();
    private final List<Long> ids = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Random random = new Random(7);
    private Thread thread;

    public LiveTableWriter(Supplier<Connection> connect, String table, Shape shape, Map<Long, String> initial) {
        this.connect = connect;
        this.table = table;
        this.shape = shape;
        expected.putAll(initial);
        ids.addAll(initial.keySet());
    }

    /** Reads what the table holds now: id → the row as text. */
    public static Map<Long, String> rows(Connection c, String table) throws SQLException {
        Map<Long, String> rows = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, t::text FROM " + table + " t");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
        }
        return rows;
    }

    public Map<Long, String> expected() {
        return Map.copyOf(expected);
    }

    public long committed() {
        return committed.get();
    }

    public long failed() {
        return failed.get();
    }

    public void start() {
        running.set(true);
        thread = new Thread(this, "live-writer");
        thread.start();
    }

    public void stop() throws InterruptedException {
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
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " AS t (" + shape.key() + ", "
                    + shape.insertColumns() + ") VALUES (?, " + shape.insertValues() + ") RETURNING t.id, t::text")) {
                ps.setObject(1, when());
                apply(ps);
            }
        } else if (r < 0.8) {
            long id = ids.get(random.nextInt(ids.size()));
            boolean move = random.nextDouble() < 0.1;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " AS t SET " + shape.updateSet()
                    + (move ? ", " + shape.key() + " = ?" : "") + " WHERE id = ? RETURNING t.id, t::text")) {
                int p = 1;
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
