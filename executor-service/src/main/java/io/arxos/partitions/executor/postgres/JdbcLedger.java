package io.arxos.partitions.executor.postgres;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.app.Ledger;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.domain.ExecutorCommand;
import io.arxos.partitions.inventory.FleetConnections;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The ledger in each fleet database, read before a change and written for failed attempts. */
public final class JdbcLedger implements Ledger {

    private static final Logger LOG = Logger.getLogger(JdbcLedger.class);

    private final FleetConnections connections;
    private final LedgerMigrations migrations;
    private final String executor;

    public JdbcLedger(FleetConnections connections, LedgerMigrations migrations, String executor) {
        this.connections = connections;
        this.migrations = migrations;
        this.executor = executor;
    }

    @Override
    public Optional<AppliedChange> findApplied(TableKey table, ExecutorCommand command) throws StepFailure {
        String ops = migrations.schema().quoted() + ".operations";
        // a later change to the same partition by another command (e.g. re-created after a drop) supersedes it
        String sql = "SELECT o.run_id, o.finished_at,"
                + " (SELECT array_agg(s) FROM (SELECT unnest(a.sql) AS s FROM " + ops + " a"
                + "   WHERE a.command_id = o.command_id AND a.run_id = o.run_id AND a.status = 'applied'"
                + "   ORDER BY a.id) steps) AS sql,"
                + " (SELECT sum(a.rows_moved) FROM " + ops + " a WHERE a.command_id = o.command_id"
                + "   AND a.run_id = o.run_id AND a.status = 'applied') AS rows_moved"
                + " FROM " + ops + " o WHERE o.command_id = ? AND o.is_final AND o.status = 'applied'"
                + " AND NOT EXISTS (SELECT 1 FROM " + ops + " later WHERE later.table_schema = o.table_schema"
                + "   AND later.table_name = o.table_name AND later.partition_name = o.partition_name"
                + "   AND later.is_final AND later.status = 'applied' AND later.id > o.id"
                + "   AND later.command_id <> o.command_id)"
                + " ORDER BY o.id DESC LIMIT 1";
        try {
            migrations.ensure(table.database());
            try (Connection c = connections.open(table.database());
                    PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, command.header().id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Array array = rs.getArray(3);
                    List<String> statements = array == null ? List.of()
                            : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
                    return Optional.of(new AppliedChange(rs.getString(1), statements, rs.getLong(4),
                            rs.getTimestamp(2).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("reading the ledger of " + table.database(), e);
        }
    }

    @Override
    public void recordFailure(TableKey table, ExecutorCommand command, int attempt, String errorClass,
            String sqlState, String message, java.time.Instant startedAt) {
        try {
            migrations.ensure(table.database());
            try (Connection c = connections.open(table.database())) {
                LedgerRows.insert(c, migrations.schema(), executor, command, new LedgerRows.Row("attempt", false,
                        "failed", attempt, List.of(), 0, errorClass, sqlState, message, startedAt));
            }
        } catch (SQLException e) {
            LOG.warnf("%s: could not record the failed attempt in the ledger of %s: %s", command.header().id(),
                    table.database(), e.getMessage());
        }
    }
}
