package io.arxos.partitions.executor.postgres.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** Writes ledger rows; the caller decides which transaction they belong to. */
final class LedgerRows {

    private LedgerRows() {
    }

    /** What one ledger row says. */
    record Row(String step, boolean isFinal, String status, int attempt, List<String> sql, long rowsMoved,
            String errorClass, String sqlState, String errorMessage, Instant startedAt) {
    }

    /** One row and the command it belongs to. */
    record Entry(ExecutorCommand command, Row row) {
    }

    static void insert(Connection c, Identifier ledgerSchema, String executor, ExecutorCommand command, Row row)
            throws SQLException {
        insertAll(c, ledgerSchema, executor, List.of(new Entry(command, row)));
    }

    /**
     * Inserts the rows in one round trip (a JDBC batch). A command id is bound to its command: an applied row whose id
     * and run already hold applied steps of a different operation, table, partition or bounds is not inserted, and the
     * insert fails with SQLSTATE {@value #ID_REUSED}, so the transaction (and the DDL in it) is rolled back. The check
     * is part of the INSERT itself: no trigger, no extra round trip.
     */
    static void insertAll(Connection c, Identifier ledgerSchema, String executor, List<Entry> entries)
            throws SQLException {
        String ops = ledgerSchema.quoted() + ".operations";
        int[] inserted;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ops
                + " (command_id, run_id, operation, step, is_final, status, table_schema, table_name, partition_name,"
                + " range_from, range_to, attempt, sql, rows_moved, error_class, sql_state, error_message, executor,"
                + " started_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamp, ?::timestamp, ?, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE ?::text <> 'applied' OR NOT EXISTS (SELECT 1 FROM " + ops + " o WHERE o.command_id = ?"
                + " AND o.run_id = ?"
                + " AND o.status = 'applied' AND " + OTHER_CONTENT + ")")) {
            for (Entry entry : entries) {
                bind(c, ps, executor, entry.command(), entry.row());
                ps.setString(20, entry.row().status());
                ps.setString(21, entry.command().header().id().value());
                ps.setString(22, entry.command().header().runId());
                bindContent(ps, 23, entry.command());
                ps.addBatch();
            }
            inserted = ps.executeBatch();
        }
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) {
                throw reused(c, ops, entries.get(i).command());
            }
        }
    }

    /** SQLSTATE of a row refused because its command id holds a different command. */
    static final String ID_REUSED = "PT409";

    /** A ledger row {@code o} that records another command than the one bound by {@link #bindContent}. */
    static final String OTHER_CONTENT = "ROW(o.operation, o.table_schema, o.table_name, o.partition_name,"
            + " o.range_from, o.range_to) IS DISTINCT FROM ROW(?::text, ?::text, ?::text, ?::text, ?::timestamp,"
            + " ?::timestamp)";

    /** How a ledger row of another command under {@code command}'s id reads in a message. */
    static final String OTHER_COMMAND = "o.operation || ' of ' || o.table_schema || '.' || o.table_name"
            + " || coalesce(' ' || o.partition_name, '')";

    /** Why {@code command} is refused: its id and run hold {@code other} already. */
    static String reuseMessage(ExecutorCommand command, String other) {
        String mine = command.operation().label() + " of " + command.header().table().table()
                + (command instanceof ExecutorCommand.PartitionCommand pc ? " " + pc.partition().value() : "");
        return "command id " + command.header().id() + " of run " + command.header().runId() + " was already used"
                + " for " + other + "; this " + mine + " is a different command under the same id: refused, nothing"
                + " run";
    }

    private static SQLException reused(Connection c, String ops, ExecutorCommand command) throws SQLException {
        String other = "another command";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + OTHER_COMMAND + " FROM " + ops + " o WHERE"
                + " o.command_id = ? AND o.run_id = ? AND o.status = 'applied' LIMIT 1")) {
            ps.setString(1, command.header().id().value());
            ps.setString(2, command.header().runId());
            try (var rs = ps.executeQuery()) {
                if (rs.next()) {
                    other = rs.getString(1);
                }
            }
        }
        return new SQLException(reuseMessage(command, other), ID_REUSED);
    }

    private static void bind(Connection c, PreparedStatement ps, String executor, ExecutorCommand command, Row row)
            throws SQLException {
        ps.setString(1, command.header().id().value());
        ps.setString(2, command.header().runId());
        ps.setString(3, command.operation().label());
        ps.setString(4, row.step());
        ps.setBoolean(5, row.isFinal());
        ps.setString(6, row.status());
        ps.setString(7, command.header().table().table().schema().value());
        ps.setString(8, command.header().table().table().table().value());
        bindPartition(ps, 9, command);
        ps.setInt(12, row.attempt());
        ps.setArray(13, c.createArrayOf("text", row.sql().toArray()));
        ps.setLong(14, row.rowsMoved());
        ps.setString(15, row.errorClass());
        ps.setString(16, row.sqlState());
        ps.setString(17, truncate(row.errorMessage()));
        ps.setString(18, executor);
        ps.setTimestamp(19, Timestamp.from(row.startedAt()));
    }

    /**
     * What binds a command id to its command, as the ledger records it: operation, table, partition, bounds, in six
     * parameters from {@code first}.
     */
    static void bindContent(PreparedStatement ps, int first, ExecutorCommand command) throws SQLException {
        ps.setString(first, command.operation().label());
        ps.setString(first + 1, command.header().table().table().schema().value());
        ps.setString(first + 2, command.header().table().table().table().value());
        bindPartition(ps, first + 3, command);
    }

    private static void bindPartition(PreparedStatement ps, int first, ExecutorCommand command) throws SQLException {
        if (command instanceof ExecutorCommand.PartitionCommand pc) {
            ps.setString(first, pc.partition().value());
            ps.setObject(first + 1, bound(pc.range().from()), Types.TIMESTAMP);
            ps.setObject(first + 2, bound(pc.range().to()), Types.TIMESTAMP);
        } else {
            ps.setNull(first, Types.VARCHAR);
            ps.setNull(first + 1, Types.TIMESTAMP);
            ps.setNull(first + 2, Types.TIMESTAMP);
        }
    }

    /** MINVALUE / MAXVALUE are stored as NULL. */
    private static LocalDateTime bound(LocalDateTime t) {
        return t.equals(LocalDateTime.MIN) || t.equals(LocalDateTime.MAX) ? null : t;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
