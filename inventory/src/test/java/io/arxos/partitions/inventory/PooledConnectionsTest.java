package io.arxos.partitions.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arxos.partitions.core.DatabaseId;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pool's bookkeeping against sessions that only record what was done to them (no server needed here). */
class PooledConnectionsTest {

    private static final DatabaseId A = DatabaseId.of("a");
    private static final DatabaseId B = DatabaseId.of("b");

    private final List<FakeSession> opened = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void aReturnedConnectionIsReusedForTheSameDatabase() throws Exception {
        PooledConnections pool = pool(4, Duration.ofSeconds(60));

        try (Connection c = pool.open(A)) {
            c.setAutoCommit(false);
        }
        try (Connection c = pool.open(A)) {
            assertThat(c.getAutoCommit()).as("handed back with auto-commit on again").isTrue();
        }

        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).rolledBack).as("the transaction it was returned in was rolled back").isTrue();
        assertThat(pool.openConnections()).isEqualTo(1);
    }

    @Test
    void neverHasMoreConnectionsOpenThanTheBudgetAcrossDatabases() throws Exception {
        PooledConnections pool = pool(2, Duration.ofSeconds(60));
        Connection first = pool.open(A);
        Connection second = pool.open(B);

        CompletableFuture<Connection> third = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.open(A);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(third).as("waits while both connections are lent").isNotDone();

        first.close();
        try (Connection reused = third.get(5, TimeUnit.SECONDS)) {
            assertThat(opened).hasSize(2);
            assertThat(pool.peakConnections()).isEqualTo(2);
        }
        second.close();
    }

    @Test
    void anIdleConnectionOfAnotherDatabaseMakesRoomWhenTheBudgetIsUsedUp() throws Exception {
        PooledConnections pool = pool(1, Duration.ofSeconds(60));
        pool.open(A).close();

        try (Connection b = pool.open(B)) {
            assertThat(opened).hasSize(2);
            assertThat(opened.get(0).closed).as("a's idle connection was closed for b's").isTrue();
            assertThat(pool.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void givesUpAfterTheMaximumWaitWithARetriableState() throws Exception {
        PooledConnections pool = new PooledConnections(this::open, new PooledConnections.Settings(1,
                Duration.ofSeconds(60), Duration.ofMinutes(30), Duration.ofMillis(100)));
        try (Connection busy = pool.open(A)) {
            assertThatThrownBy(() -> pool.open(B)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("within PT0.1S")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("53300");
        }
    }

    @Test
    void aConnectionTheDriverClosedIsDroppedNotReused() throws Exception {
        PooledConnections pool = pool(2, Duration.ofSeconds(60));
        try (Connection c = pool.open(A)) {
            opened.get(0).closed = true; // what the driver does after a fatal error on the session
        }

        try (Connection again = pool.open(A)) {
            assertThat(opened).hasSize(2);
        }
        assertThat(pool.openConnections()).isEqualTo(1);
    }

    @Test
    void closesConnectionsIdleLongerThanTheIdleTimeout() throws Exception {
        PooledConnections pool = pool(4, Duration.ofSeconds(60));
        pool.open(A).close();
        pool.open(B).close();

        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        pool.closeIdle();

        assertThat(opened).allMatch(s -> s.closed);
        assertThat(pool.openConnections()).isZero();
    }

    @Test
    void aReturnedConnectionCannotBeUsedByItsFormerBorrower() throws Exception {
        PooledConnections pool = pool(4, Duration.ofSeconds(60));
        Connection c = pool.open(A);
        c.close();

        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class).hasMessageContaining("returned");
    }

    private PooledConnections pool(int max, Duration idle) {
        return new PooledConnections(this::open, new PooledConnections.Settings(max, idle, Duration.ofMinutes(30),
                Duration.ofSeconds(5)), clock::get);
    }

    private synchronized Connection open(DatabaseId id) {
        FakeSession session = new FakeSession();
        opened.add(session);
        return session.proxy();
    }

    /** A session that records what was done to it. */
    private static final class FakeSession {
        boolean autoCommit = true;
        boolean rolledBack;
        boolean closed;

        Connection proxy() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, method, args) -> switch (method.getName()) {
                        case "getAutoCommit" -> autoCommit;
                        case "setAutoCommit" -> {
                            autoCommit = (Boolean) args[0];
                            yield null;
                        }
                        case "rollback" -> {
                            rolledBack = true;
                            yield null;
                        }
                        case "close" -> {
                            closed = true;
                            yield null;
                        }
                        case "isClosed" -> closed;
                        case "isReadOnly" -> false;
                        case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> null;
                    });
        }
    }
}
