package io.arxos.partitions.executor.postgres.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.app.migration.MigrationState;
import io.arxos.partitions.executor.domain.migration.MigrationNames;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migrations table in the ledger schema: one row per table, read and written inside the transactions of the
 * phases and copy batches it records.
 */
final class JdbcMigrationStates {

    private final String ledgerSchema;

    JdbcMigrationStates(String quotedLedgerSchema) {
        this.ledgerSchema = quotedLedgerSchema;
    }

    /** Reads the migration's state row, locking it when asked (one phase change or copy batch at a time). */
    Optional<MigrationState> read(Connection c, TableRef table, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT migration_id, phase, partition_key, primary_key, "
                + "primary_key_type, sequences, sequence_columns, last_key, rows_copied, rows_estimated, "
                + "identity_columns, copy_until FROM "
                + ledgerSchema + ".migrations WHERE schema_name = ? AND table_name = ?" + (lock ? " FOR UPDATE"
                        : ""))) {
            ps.setString(1, table.schema().value());
            ps.setString(2, table.table().value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String[] sequences = (String[]) rs.getArray(6).getArray();
                String[] columns = (String[]) rs.getArray(7).getArray();
                List<SourceTable.SequenceUse> uses = new ArrayList<>();
                for (int i = 0; i < sequences.length; i++) {
                    uses.add(new SourceTable.SequenceUse(sequences[i], Identifier.of(columns[i])));
                }
                List<Identifier> identity = new ArrayList<>();
                for (String column : (String[]) rs.getArray(11).getArray()) {
                    identity.add(Identifier.of(column));
                }
                return Optional.of(new MigrationState(rs.getString(1), MigrationPhase.parse(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), MigrationNames.of(table), uses, identity,
                        Optional.ofNullable(rs.getString(8)), Optional.ofNullable(rs.getString(12)), rs.getLong(9),
                        rs.getLong(10)));
            }
        }
    }

    /** Records a new migration, or one restarting after a rollback; false when another one is under way. */
    boolean insert(Connection c, MigrationState s) throws SQLException {
        MigrationNames n = s.names();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ledgerSchema + ".migrations (schema_name, "
                + "table_name, migration_id, partition_key, primary_key, primary_key_type, target_name, "
                + "backup_name, capture_function, reverse_function, trigger_name, sequences, sequence_columns, "
                + "phase, rows_estimated, identity_columns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (schema_name, table_name) DO UPDATE SET migration_id = EXCLUDED.migration_id, "
                + "partition_key = EXCLUDED.partition_key, primary_key = EXCLUDED.primary_key, "
                + "primary_key_type = EXCLUDED.primary_key_type, sequences = EXCLUDED.sequences, "
                + "sequence_columns = EXCLUDED.sequence_columns, identity_columns = EXCLUDED.identity_columns, "
                + "phase = EXCLUDED.phase, last_key = NULL, copy_until = NULL, "
                + "rows_copied = 0, rows_estimated = EXCLUDED.rows_estimated, started_at = now(), "
                + "updated_at = now() WHERE " + ledgerSchema + ".migrations.phase = 'rolled_back'")) {
            ps.setString(1, n.source().schema().value());
            ps.setString(2, n.source().table().value());
            ps.setString(3, s.migrationId());
            ps.setString(4, s.partitionKey());
            ps.setString(5, s.primaryKey());
            ps.setString(6, s.primaryKeyType());
            ps.setString(7, n.target().table().value());
            ps.setString(8, n.backup().table().value());
            ps.setString(9, n.captureFunction().value());
            ps.setString(10, n.reverseFunction().value());
            ps.setString(11, n.trigger().value());
            ps.setArray(12, c.createArrayOf("text", s.sequences().stream().map(SourceTable.SequenceUse::sequence)
                    .toArray()));
            ps.setArray(13, c.createArrayOf("text", s.sequences().stream().map(u -> u.column().value())
                    .toArray()));
            ps.setString(14, s.phase().label());
            ps.setLong(15, s.rowsEstimated());
            ps.setArray(16, c.createArrayOf("text", s.identityColumns().stream().map(Identifier::value)
                    .toArray()));
            return ps.executeUpdate() == 1;
        }
    }

    /** Moves the phase on; for capture also records where the copy ends. */
    void setPhase(Connection c, TableRef table, MigrationPhase next, Optional<String> copyUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + ledgerSchema + ".migrations SET phase = ?, "
                + "copy_until = coalesce(?, copy_until), updated_at = now() WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, next.label());
            ps.setString(2, copyUntil.orElse(null));
            ps.setString(3, table.schema().value());
            ps.setString(4, table.table().value());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("no migration of " + table + " to move to " + next.label(), "55000");
            }
        }
    }

    /** Records a committed copy batch: its last key and how many rows it walked. */
    void recordBatch(Connection c, TableRef table, String lastKey, long rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + ledgerSchema + ".migrations SET last_key = ?, "
                + "rows_copied = rows_copied + ?, updated_at = now() WHERE schema_name = ? AND table_name = ?")) {
            ps.setString(1, lastKey);
            ps.setLong(2, rows);
            ps.setString(3, table.schema().value());
            ps.setString(4, table.table().value());
            ps.executeUpdate();
        }
    }
}
