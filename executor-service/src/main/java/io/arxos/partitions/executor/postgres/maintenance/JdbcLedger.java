package io.arxos.partitions.executor.postgres.maintenance;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.executor.app.StepFailure;
import io.arxos.partitions.executor.app.maintenance.Ledger;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.executor.postgres.Jdbc;
import io.arxos.partitions.executor.postgres.LedgerMigrations;
import io.arxos.partitions.inventory.DatabaseConnections;
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
public record JdbcLedger(DatabaseConnections connections, LedgerMigrations migrations,
        String executor) implements Ledger {

    private static final Logger LOG = Logger.getLogger(JdbcLedger.class);

    @Override
    public Optional<AppliedChange> findApplied(TableKey table, ExecutorCommand command) throws StepFailure,
            IdReused {
        String ops = migrations.schema().quoted() + ".operations";
        // one round trip: this command's applied steps, and any applied step of a different command under its id
        String sql = "SELECT max(o.finished_at) FILTER (WHERE o.is_final AND m.same),"
                + " array_agg(s.statement ORDER BY o.id, s.ord) FILTER (WHERE m.same),"
                + " sum(o.rows_moved) FILTER (WHERE s.ord = 1 AND m.same), bool_or(o.is_final AND m.same),"
                + " string_agg(DISTINCT " + LedgerRows.OTHER_COMMAND + ", ', ') FILTER (WHERE NOT m.same)"
                + " FROM " + ops + " o LEFT JOIN LATERAL unnest(o.sql) WITH ORDINALITY AS s(statement, ord) ON true"
                + " CROSS JOIN LATERAL (SELECT NOT " + LedgerRows.OTHER_CONTENT + " AS same) m"
                + " WHERE o.command_id = ? AND o.run_id = ? AND o.status = 'applied'";
        try {
            migrations.ensure(table.database());
            try (Connection c = connections.open(table.database());
                    PreparedStatement ps = c.prepareStatement(sql)) {
                LedgerRows.bindContent(ps, 1, command);
                ps.setString(7, command.header().id().value());
                ps.setString(8, command.header().runId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getString(5) != null) {
                        throw new IdReused(LedgerRows.reuseMessage(command, rs.getString(5)));
                    }
                    if (!rs.getBoolean(4)) {
                        return Optional.empty();
                    }
                    Array array = rs.getArray(2);
                    List<String> statements = array == null ? List.of()
                            : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
                    statements.removeIf(java.util.Objects::isNull);
                    return Optional.of(new AppliedChange(command.header().runId(), statements, rs.getLong(3),
                            rs.getTimestamp(1).toInstant()));
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
