package io.arxos.partitions.executor.postgres;

import io.arxos.partitions.executor.app.StepFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC conveniences shared by the executor's adapters. */
public final class Jdbc {

    private Jdbc() {
    }

    /** Wraps a driver exception with its SQLSTATE (08006 when the driver gave none: treat as connection trouble). */
    public static StepFailure failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "08006" : e.getSQLState();
        return new StepFailure(state, what + ": " + e.getMessage(), e);
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
