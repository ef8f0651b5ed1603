package io.arxos.partitions.executor.postgres;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionBoundExpression;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.TableInspector;
import io.arxos.partitions.executor.domain.ExecutorCommand;
import io.arxos.partitions.executor.domain.PartitionDdl;
import io.arxos.partitions.executor.domain.TableState;
import io.arxos.partitions.executor.domain.ValidationSnapshot;
import io.arxos.partitions.inventory.FleetConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a managed table's state for a command, and the validation snapshot, from the catalog. */
public final class JdbcTableInspector implements TableInspector {

    private final FleetConnections connections;
    private final LedgerMigrations ledger;
    private final long exactCountBelowBytes;

    public JdbcTableInspector(FleetConnections connections, LedgerMigrations ledger, long exactCountBelowBytes) {
        this.connections = connections;
        this.ledger = ledger;
        this.exactCountBelowBytes = exactCountBelowBytes;
    }

    @Override
    public TableState inspect(TableKey table, TablePolicy policy, ExecutorCommand.PartitionCommand command)
            throws StepFailure {
        try (Connection c = connections.open(table.database())) {
            String parent = policy.table().quoted();
            KeyType keyType = keyType(c, parent, policy);
            List<TableState.Child> children = children(c, parent);
            Identifier partition = command.partition();
            Optional<TableState.SameNameTable> same = sameNameTable(c, policy, partition);
            Optional<TableState.Child> defaultChild = children.stream().filter(TableState.Child::isDefault)
                    .findFirst();
            long defaultRows = 0;
            TableState.ConstraintState exclusion = TableState.ConstraintState.ABSENT;
            if (command instanceof ExecutorCommand.CreatePartition && defaultChild.isPresent()
                    && Identifier.isPlain(defaultChild.get().name())) {
                Identifier defaultName = Identifier.of(defaultChild.get().name());
                PartitionDdl ddl = new PartitionDdl(policy.table(), policy.partitionKey(), keyType);
                defaultRows = Jdbc.count(c, "SELECT count(*) FROM " + policy.table().sibling(defaultName).quoted()
                        + " WHERE " + ddl.inRange(command.range()));
                exclusion = constraintState(c, policy.table().sibling(defaultName).quoted(),
                        PartitionDdl.exclusionConstraint(partition).value());
            }
            boolean archived = false;
            if (command instanceof ExecutorCommand.DetachPartition detach) {
                archived = Jdbc.count(c, "SELECT count(*) FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace"
                        + " WHERE n.nspname = ? AND r.relname = ?", detach.archiveSchema().value(),
                        partition.value()) > 0;
            }
            return new TableState(keyType, children, columns(c, parent), same, defaultRows, exclusion, archived);
        } catch (SQLException e) {
            throw Jdbc.failure("inspecting " + table, e);
        }
    }

    @Override
    public ValidationSnapshot snapshot(TableKey table, TablePolicy policy) throws StepFailure {
        try {
            ledger.ensure(table.database());
        } catch (SQLException e) {
            throw Jdbc.failure("installing the ledger in " + table.database(), e);
        }
        try (Connection c = connections.open(table.database())) {
            String parent = policy.table().quoted();
            KeyType keyType = keyType(c, parent, policy);
            return new ValidationReader(c, policy, keyType, ledger.schema(), exactCountBelowBytes).read();
        } catch (SQLException e) {
            throw Jdbc.failure("validating " + table, e);
        }
    }

    static KeyType keyType(Connection c, String parentQuoted, TablePolicy policy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), pt.partstrat::text, pt.partnatts
                  FROM pg_partitioned_table pt
                  JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
                 WHERE pt.partrelid = to_regclass(?)""")) {
            ps.setString(1, parentQuoted);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException(policy.table() + " does not exist or is not range-partitioned by a column",
                            "42P01");
                }
                if (!"r".equals(rs.getString(3)) || rs.getInt(4) != 1
                        || !policy.partitionKey().value().equals(rs.getString(1))) {
                    throw new SQLException(policy.table() + " is not range-partitioned by "
                            + policy.partitionKey() + " alone", "42P16");
                }
                try {
                    return KeyType.fromPostgres(rs.getString(2));
                } catch (IllegalArgumentException e) {
                    throw new SQLException(e.getMessage(), "42804");
                }
            }
        }
    }

    static List<TableState.Child> children(Connection c, String parentQuoted) throws SQLException {
        List<TableState.Child> children = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.relname, n.nspname, pg_get_expr(r.relpartbound, r.oid)
                  FROM pg_inherits i
                  JOIN pg_class r ON r.oid = i.inhrelid
                  JOIN pg_namespace n ON n.oid = r.relnamespace
                 WHERE i.inhparent = to_regclass(?)
                 ORDER BY r.relname""")) {
            ps.setString(1, parentQuoted);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String bound = rs.getString(3);
                    Optional<PartitionRange> range = PartitionBoundExpression.isDefault(bound) ? Optional.empty()
                            : Optional.of(PartitionBoundExpression.parseRange(bound).orElseThrow(() ->
                                    new SQLException("partition " + name + " has bounds this tool does not"
                                            + " understand: " + bound, "42P17")));
                    children.add(new TableState.Child(name, rs.getString(2), range));
                }
            }
        }
        return children;
    }

    private static List<String> columns(Connection c, String parentQuoted) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT quote_ident(attname) FROM pg_attribute
                 WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                 ORDER BY attnum""")) {
            ps.setString(1, parentQuoted);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    private static Optional<TableState.SameNameTable> sameNameTable(Connection c, TablePolicy policy,
            Identifier partition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT r.relkind::text,
                       EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = r.oid
                                  AND i.inhparent = to_regclass(?)) AS attached,
                       EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = r.oid AND k.conname = ?) AS bounded,
                       GREATEST(r.reltuples, 0)::bigint
                  FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
                 WHERE n.nspname = ? AND r.relname = ?""")) {
            ps.setString(1, policy.table().quoted());
            ps.setString(2, PartitionDdl.boundsConstraint(partition).value());
            ps.setString(3, policy.table().schema().value());
            ps.setString(4, partition.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TableState.SameNameTable(rs.getBoolean(2), "r".equals(rs.getString(1)),
                        rs.getBoolean(3), rs.getLong(4)));
            }
        }
    }

    private static TableState.ConstraintState constraintState(Connection c, String tableQuoted, String constraint)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT convalidated FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?")) {
            ps.setString(1, tableQuoted);
            ps.setString(2, constraint);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return TableState.ConstraintState.ABSENT;
                }
                return rs.getBoolean(1) ? TableState.ConstraintState.VALID : TableState.ConstraintState.NOT_VALID;
            }
        }
    }
}
