package io.arxos.partitions.stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * With {@code --statements}: where the server's time of a pass went, per statement (pg_stat_statements with
 * planning) and per server process. For diagnosis only: tracking costs a little CPU itself.
 */
final class ServerDiagnosis {

    private final SystemPostgres postgres;
    private final boolean enabled;

    ServerDiagnosis(SystemPostgres postgres, boolean enabled) {
        this.postgres = postgres;
        this.enabled = enabled;
    }

    /**
     * Where the server's CPU of a pass went, per process still alive (its title and application name) and for the
     * processes that exited during the pass together.
     */
    void printBackendCpu(Map<Long, Long> before, double total, String db) throws SQLException {
        if (!enabled) {
            return;
        }
        Map<Long, Long> after = postgres.childTicks();
        Map<Long, String> names = new HashMap<>();
        try (Connection c = postgres.superuser(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid, coalesce(application_name, ''), backend_type"
                        + " FROM pg_stat_activity")) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(3) + " '" + rs.getString(2) + "'");
            }
        }
        double live = 0;
        System.out.println("  server CPU by process (s):");
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            double used = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) SystemPostgres.CLOCK_TICKS;
            live += used;
            if (used > 0) {
                System.out.printf(Locale.ROOT, "  %8.2f  %s  %s%s%n", used, SystemPostgres.title(e.getKey()),
                        names.getOrDefault(e.getKey(), "?"), before.containsKey(e.getKey()) ? "" : " (new)");
            }
        }
        long exited = before.keySet().stream().filter(pid -> !after.containsKey(pid)).count();
        System.out.printf(Locale.ROOT, "  %8.2f  %d processes that exited during the pass (their whole"
                + " lifetime) and the postmaster%n", total - live, exited);
    }

    /** With --statements: forgets the statements so far, so the next print shows one pass. */
    void resetStatements() throws SQLException {
        if (enabled) {
            try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
        }
    }

    /** With --statements: the statements that took the server's time in the last pass, most expensive first. */
    void printStatements() throws SQLException {
        if (!enabled) {
            return;
        }
        try (Connection c = postgres.superuser("postgres"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT round(sum(total_exec_time + total_plan_time)::numeric, 1) AS ms, sum(calls),
                               regexp_replace(left(regexp_replace(query, '\\s+', ' ', 'g'), 44), '[0-9]+', 'N', 'g')
                          FROM pg_stat_statements
                         WHERE query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_inherits i JOIN pg_class p%'
                         GROUP BY 3 ORDER BY 1 DESC LIMIT 20""")) {
            System.out.println("  statements of this pass by their first 60 characters (ms, calls, query):");
            while (rs.next()) {
                System.out.printf("  %10s %6d  %s%n", rs.getString(1), rs.getLong(2), rs.getString(3));
            }
        }
    }
}
