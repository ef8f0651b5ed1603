package io.arxos.partitions.planner.postgres.analysis;

import io.arxos.partitions.planner.domain.analysis.ObservedQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads pg_stat_statements when it is installed and loaded, and says plainly when it is not. */
final class StatementStatistics {

    /** The statements, and the status line the report prints. */
    record Result(List<ObservedQuery> statements, String status, boolean available) {
    }

    private static final String HIDDEN = "<insufficient privilege>";

    private StatementStatistics() {
    }

    static Result read(Connection c, int serverVersionNum) throws SQLException {
        String schema = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(AnalysisQueries.STATEMENTS_EXTENSION)) {
            if (rs.next()) {
                schema = rs.getString(1);
            }
        }
        if (schema == null) {
            return new Result(List.of(), "not installed (CREATE EXTENSION pg_stat_statements, with "
                    + "shared_preload_libraries = 'pg_stat_statements')", false);
        }
        List<ObservedQuery> statements = new ArrayList<>();
        int hidden = 0;
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                AnalysisQueries.statements(schema, serverVersionNum >= 130000))) {
            while (rs.next()) {
                String text = rs.getString(2);
                if (text == null || text.equals(HIDDEN)) {
                    hidden++;
                    continue;
                }
                statements.add(new ObservedQuery(rs.getString(1), text, rs.getLong(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getLong(6)));
            }
        } catch (SQLException e) {
            if (before != null) {
                c.rollback(before);
            }
            // 55000: installed but not in shared_preload_libraries; 42501: no privilege
            return new Result(List.of(), "not readable: " + e.getMessage().lines().findFirst().orElse("")
                    + " (SQLSTATE " + e.getSQLState() + ")", false);
        }
        String status = "installed: " + statements.size() + " statements read"
                + (hidden > 0 ? "; " + hidden + " hidden from this role (grant pg_read_all_stats)" : "");
        return new Result(statements, status, true);
    }
}
