package io.arxos.partitions.executor.postgres.maintenance;

import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionBoundExpression;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.validation.ValidationSnapshot;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.maintenance.TableInspector;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.domain.maintenance.TableInspection;
import io.arxos.partitions.executor.domain.maintenance.TableState;
import io.arxos.partitions.executor.postgres.Jdbc;
import io.arxos.partitions.executor.postgres.LedgerMigrations;
import io.arxos.partitions.inventory.DatabaseConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a managed table's state for a command, and the validation snapshot, from the catalog. */
public record JdbcTableInspector(DatabaseConnections connections, LedgerMigrations ledger,
        long exactCountBelowBytes) implements TableInspector {

    @Override
    public TableInspection inspectAll(TableKey table, TablePolicy policy,
            List<? extends ExecutorCommand.PartitionCommand> commands) throws StepFailure {
        try (Connection c = connections.open(table.database())) {
            return new InspectionReader(c, policy).read(commands);
        } catch (SQLException e) {
            throw Jdbc.failure("inspecting " + table, e);
        }
    }

    @Override
    public ValidationSnapshot snapshot(TableKey table, TablePolicy policy, boolean rowsJustMoved)
            throws StepFailure {
        try {
            ledger.ensure(table.database());
        } catch (SQLException e) {
            throw Jdbc.failure("installing the ledger in " + table.database(), e);
        }
        try (Connection c = connections.open(table.database())) {
            String parent = policy.table().quoted();
            KeyType keyType = keyType(c, parent, policy);
            return new ValidationReader(c, policy, keyType, rowsJustMoved ? exactCountBelowBytes : 0).read();
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
                            : Optional.of(PartitionBoundExpression.parseRange(bound).orElseThrow(() -> new SQLException(
                                    "partition " + name + " has bounds this tool does not"
                                            + " understand: " + bound, "42P17")));
                    children.add(new TableState.Child(name, rs.getString(2), range));
                }
            }
        }
        return children;
    }

}
