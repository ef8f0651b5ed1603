package io.arxos.partitions.stack;

import io.arxos.partitions.core.PartitionBoundExpression;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the database itself says, read independently of any report, for the demo's self-check. */
final class DatabaseFacts {

    private DatabaseFacts() {
    }

    /** Attached partitions of a table: name to range (empty for the default partition). */
    static Map<String, Optional<PartitionRange>> partitions(Connection c, TablePolicy policy) throws SQLException {
        Map<String, Optional<PartitionRange>> result = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT r.relname, pg_get_expr(r.relpartbound, r.oid)"
                + " FROM pg_inherits i JOIN pg_class r ON r.oid = i.inhrelid WHERE i.inhparent = to_regclass(?)"
                + " ORDER BY 1")) {
            ps.setString(1, policy.table().quoted());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String bound = rs.getString(2);
                    result.put(rs.getString(1), PartitionBoundExpression.isDefault(bound) ? Optional.empty()
                            : PartitionBoundExpression.parseRange(bound));
                }
            }
        }
        return result;
    }

    /** Rows whose key is at or after the retention cutoff: retention must never touch one of them. */
    static long retainedRows(Connection c, TablePolicy policy, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + policy.table().quoted() + " WHERE "
                + policy.partitionKey().quoted() + " >= ?")) {
            ps.setObject(1, policy.retentionCutoff(now).atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Rows of the default partition maintenance must leave where they are: NULL keys, months before the cutoff's
     * month and months after premake.
     */
    static long rowsThatMustStay(Connection c, TablePolicy policy, Instant now) throws SQLException {
        if (!relationExists(c, policy.table().schema().value(), policy.defaultPartition().value())) {
            return 0;
        }
        String key = policy.partitionKey().quoted();
        return count(c, "SELECT count(*) FROM " + policy.table().sibling(policy.defaultPartition()).quoted()
                + " WHERE " + key + " IS NULL OR " + key + " < '"
                + java.time.YearMonth.from(policy.retentionCutoff(now)).atDay(1) + " 00:00:00+00' OR " + key
                + " >= '" + policy.premakeThrough(now).plusMonths(1).atDay(1) + " 00:00:00+00'");
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean relationExists(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_class r JOIN pg_namespace n"
                + " ON n.oid = r.relnamespace WHERE n.nspname = ? AND r.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
