package io.arxos.partitions.executor.postgres.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.PartitionDdl;
import io.arxos.partitions.executor.domain.maintenance.TableInspection;
import io.arxos.partitions.executor.domain.maintenance.TableState;
import io.arxos.partitions.executor.postgres.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the partition commands of one table start from, for all of them at once: key type, children and
 * columns of the parent, relations carrying the commands' partition names, the default partition's size, helper
 * constraints and rows in each command's range (one pass over the default partition), and archived names.
 */
final class InspectionReader {

    private final Connection c;
    private final TablePolicy policy;
    private final String parent;

    InspectionReader(Connection c, TablePolicy policy) {
        this.c = c;
        this.policy = policy;
        this.parent = policy.table().quoted();
    }

    TableInspection read(List<? extends ExecutorCommand.PartitionCommand> commands) throws SQLException {
        KeyType keyType = JdbcTableInspector.keyType(c, parent, policy);
        List<TableState.Child> children = JdbcTableInspector.children(c, parent);
        Optional<TableState.Child> defaultChild = children.stream().filter(TableState.Child::isDefault).findFirst()
                .filter(d -> Identifier.isPlain(d.name()));
        List<ExecutorCommand.PartitionCommand> creates = commands.stream()
                .filter(ExecutorCommand.CreatePartition.class::isInstance)
                .map(ExecutorCommand.PartitionCommand.class::cast).toList();
        long defaultBytes = 0;
        Map<PartitionRange, Long> defaultRows = new HashMap<>();
        Map<String, TableState.ConstraintState> constraints = new HashMap<>();
        if (defaultChild.isPresent() && !creates.isEmpty()) {
            Identifier defaultName = Identifier.of(defaultChild.get().name());
            String qualifiedDefault = policy.table().sibling(defaultName).quoted();
            PartitionDdl ddl = new PartitionDdl(policy.table(), policy.partitionKey(), keyType);
            defaultBytes = Jdbc.count(c, "SELECT pg_relation_size(to_regclass(?))", qualifiedDefault);
            if (defaultBytes > 0) { // an empty file holds no rows: no need to look
                defaultRows = defaultRows(qualifiedDefault, ddl, creates);
            }
            List<String> names = new ArrayList<>();
            creates.forEach(cmd -> names.add(PartitionDdl.exclusionConstraint(cmd.partition()).value()));
            names.add(PartitionDdl.batchExclusionConstraint(defaultName).value());
            constraints = constraintStates(qualifiedDefault, names);
        }
        Set<String> archived = new HashSet<>();
        List<String> detached = commands.stream().filter(ExecutorCommand.DetachPartition.class::isInstance)
                .map(cmd -> cmd.partition().value()).toList();
        if (!detached.isEmpty()) {
            archived = names("SELECT r.relname FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
                    + " WHERE n.nspname = ? AND r.relname = ANY (?)", policy.archiveSchema().value(), detached);
        }
        return new TableInspection(keyType, children, columns(), defaultBytes, relations(commands), defaultRows,
                constraints, archived);
    }

    /** Rows of the default partition in each range, counted in one statement (the key's index serves every range). */
    private Map<PartitionRange, Long> defaultRows(String qualifiedDefault, PartitionDdl ddl,
            List<ExecutorCommand.PartitionCommand> creates) throws SQLException {
        List<PartitionRange> ranges = creates.stream().map(ExecutorCommand.PartitionCommand::range).distinct()
                .toList();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < ranges.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(ddl.inRange(ranges.get(i)))
                    .append(')');
        }
        sql.append(" FROM ").append(qualifiedDefault).append(" WHERE ");
        for (int i = 0; i < ranges.size(); i++) {
            sql.append(i == 0 ? "(" : " OR (").append(ddl.inRange(ranges.get(i))).append(')');
        }
        Map<PartitionRange, Long> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            for (int i = 0; i < ranges.size(); i++) {
                rows.put(ranges.get(i), rs.getLong(i + 1));
            }
        }
        return rows;
    }

    private Map<String, TableState.ConstraintState> constraintStates(String qualifiedTable, List<String> names)
            throws SQLException {
        Map<String, TableState.ConstraintState> states = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conname, convalidated FROM pg_constraint"
                + " WHERE conrelid = to_regclass(?) AND conname = ANY (?)")) {
            ps.setString(1, qualifiedTable);
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getBoolean(2) ? TableState.ConstraintState.VALID
                            : TableState.ConstraintState.NOT_VALID);
                }
            }
        }
        return states;
    }

    /** Relations in the parent's schema named like the commands' partitions, with what the procedures check. */
    private Map<String, TableState.SameNameTable> relations(List<? extends ExecutorCommand.PartitionCommand> commands)
            throws SQLException {
        List<String> names = commands.stream().map(cmd -> cmd.partition().value()).distinct().toList();
        List<String> bounds = names.stream().map(n -> PartitionDdl.boundsConstraint(Identifier.of(n)).value())
                .toList();
        Map<String, TableState.SameNameTable> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.relname, r.relkind::text,
                       EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = r.oid
                                  AND i.inhparent = to_regclass(?)) AS attached,
                       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = r.oid
                                  AND k.conname = want.bounds) AS bounded,
                       GREATEST(r.reltuples, 0)::bigint
                  FROM unnest(?::text[], ?::text[]) AS want(relname, bounds)
                  JOIN pg_namespace n ON n.nspname = ?
                  JOIN pg_class r ON r.relnamespace = n.oid AND r.relname = want.relname""")) {
            ps.setString(1, parent);
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            ps.setArray(3, c.createArrayOf("text", bounds.toArray()));
            ps.setString(4, policy.table().schema().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new TableState.SameNameTable(rs.getBoolean(3),
                            "r".equals(rs.getString(2)), rs.getBoolean(4), rs.getLong(5)));
                }
            }
        }
        return found;
    }

    private List<String> columns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT quote_ident(attname) FROM pg_attribute
                 WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                 ORDER BY attnum""")) {
            ps.setString(1, parent);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private Set<String> names(String sql, String schema, List<String> names) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }
}
