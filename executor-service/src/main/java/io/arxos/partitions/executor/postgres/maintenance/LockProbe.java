package io.arxos.partitions.executor.postgres.maintenance;

import io.arxos.partitions.executor.app.StepFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Looks for other sessions whose transaction has held a lock on the tables a step will lock exclusively for longer
 * than a threshold. Queueing behind such a session would block every writer arriving after us, so the step is
 * postponed (as a retriable lock timeout) instead of waiting in the queue.
 */
final class LockProbe {

    private LockProbe() {
    }

    static void refuseIfHeldTooLong(Connection c, String schema, Set<String> tables, Duration threshold)
            throws SQLException, StepFailure {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT l.pid, r.relname, l.mode, a.application_name,
                       round(extract(epoch FROM clock_timestamp() - a.xact_start)::numeric, 1) AS xact_seconds
                  FROM pg_locks l
                  JOIN pg_class r ON r.oid = l.relation
                  JOIN pg_namespace n ON n.oid = r.relnamespace
                  JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE l.pid <> pg_backend_pid() AND l.granted
                   AND n.nspname = ? AND r.relname = ANY (?)
                   AND a.xact_start < clock_timestamp() - make_interval(secs => ?)
                 ORDER BY a.xact_start
                 LIMIT 1""")) {
            ps.setString(1, schema);
            ps.setArray(2, c.createArrayOf("text", tables.toArray()));
            ps.setDouble(3, threshold.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new StepFailure("55P03", "session " + rs.getInt(1) + " (" + rs.getString(4) + ") has held "
                            + rs.getString(3) + " on " + rs.getString(2) + " for " + rs.getBigDecimal(5)
                            + " s; not queueing an exclusive lock behind it", null);
                }
            }
        }
    }
}
