package io.arxos.partitions.inventory;

import io.arxos.partitions.core.DatabaseId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps connections to fleet databases for reuse, within a budget of connections open at once across all databases.
 * A new session costs the server a process fork, authentication and a cold catalog cache, which dwarfs the
 * statements of a maintenance step; reusing one costs nothing. When the budget is used up, an idle connection of
 * another database is closed to make room, else the caller waits (at most {@code maxWait}, then SQLSTATE 53300,
 * which the executor treats as retriable). Connections idle longer than {@code idleTimeout} are closed, so a quiet
 * executor holds none. A connection comes back with its transaction rolled back and auto-commit on; one the driver
 * closed (a broken session) is dropped.
 */
public final class PooledConnections implements DatabaseConnections, AutoCloseable {

    /** Budget and timings; {@code maxOpen} counts idle and lent connections of every database. */
    public record Settings(int maxOpen, Duration idleTimeout, Duration maxLifetime, Duration maxWait) {
        public Settings {
            if (maxOpen < 1) {
                throw new IllegalArgumentException("the connection budget must be at least 1, was " + maxOpen);
            }
        }
    }

    private record Idle(Connection connection, long since, long opened) {
    }

    private final DatabaseConnections direct;
    private final Settings settings;
    private final LongSupplier nanoTime;
    private final Map<DatabaseId, Deque<Idle>> idle = new HashMap<>();
    private int open;
    private int peak;
    private boolean closed;

    public PooledConnections(DatabaseConnections direct, Settings settings) {
        this(direct, settings, System::nanoTime);
    }

    PooledConnections(DatabaseConnections direct, Settings settings, LongSupplier nanoTime) {
        this.direct = direct;
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    @Override
    public Connection open(DatabaseId id) throws SQLException {
        long deadline = nanoTime.getAsLong() + settings.maxWait().toNanos();
        Idle reused;
        Connection toClose = null;
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new SQLException("the connection pool is closed", "08003");
                }
                reused = takeIdle(id);
                if (reused != null) {
                    break;
                }
                if (open < settings.maxOpen()) {
                    open++;
                    peak = Math.max(peak, open);
                    break;
                }
                Idle evicted = evictOldestIdle();
                if (evicted != null) {
                    toClose = evicted.connection(); // its slot passes to this caller
                    break;
                }
                long left = deadline - nanoTime.getAsLong();
                if (left <= 0) {
                    throw new SQLException("no connection to " + id + " within " + settings.maxWait() + ": all "
                            + settings.maxOpen() + " connections of the budget are in use", "53300");
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for a connection to " + id, "57014", e);
                }
            }
        }
        closeQuietly(toClose);
        if (reused != null) {
            return lend(id, reused.connection(), reused.opened());
        }
        try {
            return lend(id, direct.open(id), nanoTime.getAsLong());
        } catch (SQLException | RuntimeException e) {
            release(null);
            throw e;
        }
    }

    /** Connections open now (idle and lent). */
    public synchronized int openConnections() {
        return open;
    }

    /** The most connections that were open at once. */
    public synchronized int peakConnections() {
        return peak;
    }

    /** Closes connections idle longer than the idle timeout; call it now and then (the pool does on every use). */
    public void closeIdle() {
        java.util.List<Connection> stale = new java.util.ArrayList<>();
        synchronized (this) {
            long now = nanoTime.getAsLong();
            for (Deque<Idle> queue : idle.values()) {
                for (Iterator<Idle> it = queue.iterator(); it.hasNext();) {
                    Idle i = it.next();
                    if (now - i.since() > settings.idleTimeout().toNanos()) {
                        it.remove();
                        stale.add(i.connection());
                        open--;
                    }
                }
            }
            idle.values().removeIf(Deque::isEmpty);
            notifyAll();
        }
        stale.forEach(PooledConnections::closeQuietly);
    }

    @Override
    public void close() {
        java.util.List<Connection> all = new java.util.ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(q -> q.forEach(i -> all.add(i.connection())));
            open -= all.size();
            idle.clear();
            notifyAll();
        }
        all.forEach(PooledConnections::closeQuietly);
    }

    private Idle takeIdle(DatabaseId id) {
        Deque<Idle> queue = idle.get(id);
        long now = nanoTime.getAsLong();
        while (queue != null && !queue.isEmpty()) {
            Idle candidate = queue.pollLast(); // most recently used: its caches are warm
            if (now - candidate.opened() < settings.maxLifetime().toNanos()) {
                return candidate;
            }
            open--;
            closeQuietly(candidate.connection());
        }
        return null;
    }

    private Idle evictOldestIdle() {
        DatabaseId oldestDb = null;
        Idle oldest = null;
        for (Map.Entry<DatabaseId, Deque<Idle>> e : idle.entrySet()) {
            Idle first = e.getValue().peekFirst();
            if (first != null && (oldest == null || first.since() < oldest.since())) {
                oldest = first;
                oldestDb = e.getKey();
            }
        }
        if (oldest != null) {
            idle.get(oldestDb).pollFirst();
        }
        return oldest;
    }

    private Connection lend(DatabaseId id, Connection connection, long opened) {
        Lent lent = new Lent(id, connection, opened);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, lent);
    }

    /** Takes a connection back, or only its slot when {@code connection} is null or unusable. */
    private void release(Lent lent) {
        boolean keep = lent != null && reset(lent);
        synchronized (this) {
            if (keep && !closed) {
                idle.computeIfAbsent(lent.database, k -> new ArrayDeque<>())
                        .addLast(new Idle(lent.connection, nanoTime.getAsLong(), lent.opened));
            } else {
                open--;
            }
            notifyAll();
        }
        if (lent != null && (!keep || closed)) {
            closeQuietly(lent.connection);
        }
        closeIdle();
    }

    /**
     * Rolls back what the borrower left open and undoes the session settings it changed through JDBC (tracked, so
     * asking the server costs no round trip); false when the session is unusable.
     */
    private static boolean reset(Lent lent) {
        Connection c = lent.connection;
        try {
            if (c.isClosed()) {
                return false; // the driver closes a session after a fatal error
            }
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            if (lent.readOnlyChanged) {
                c.setReadOnly(false);
            }
            if (lent.isolationChanged) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // closing a session we no longer want cannot matter
        }
    }

    /** The borrower's view: close() returns the connection; every other call goes to the real one. */
    private final class Lent implements InvocationHandler {
        private final DatabaseId database;
        private final Connection connection;
        private final long opened;
        private boolean returned;
        private boolean readOnlyChanged;
        private boolean isolationChanged;

        Lent(DatabaseId database, Connection connection, long opened) {
            this.database = database;
            this.connection = connection;
            this.opened = opened;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!returned) {
                        returned = true;
                        release(this);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return returned || connection.isClosed();
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "pooled connection to " + database;
                }
                default -> {
                    readOnlyChanged |= method.getName().equals("setReadOnly");
                    isolationChanged |= method.getName().equals("setTransactionIsolation");
                    if (returned) {
                        throw new SQLException("connection to " + database + " was already returned to the pool",
                                "08003");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }
    }
}
