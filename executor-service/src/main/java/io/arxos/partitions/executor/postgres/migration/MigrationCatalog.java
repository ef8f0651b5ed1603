package io.arxos.partitions.executor.postgres.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import io.arxos.partitions.executor.postgres.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what a migration needs to know about a live table from the catalog (and two cheap queries on it). */
final class MigrationCatalog {

    private MigrationCatalog() {
    }

    static SourceTable read(Connection c, TableRef table, Identifier key) throws SQLException {
        long oid;
        boolean partitioned;
        long bytes;
        long rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, c.relkind = 'p', pg_total_relation_size(c.oid), "
                + "greatest(c.reltuples, 0)::bigint FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
            ps.setString(1, table.schema().value());
            ps.setString(2, table.table().value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return SourceTable.missing(table, key);
                }
                oid = rs.getLong(1);
                partitioned = rs.getBoolean(2);
                bytes = rs.getLong(3);
                rows = rs.getLong(4);
            }
        }
        Optional<KeyType> keyType = keyType(c, oid, key);
        List<String[]> pk = rows(c, "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_constraint con "
                + "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY k(num, ord) JOIN pg_attribute a "
                + "ON a.attrelid = con.conrelid AND a.attnum = k.num WHERE con.conrelid = ?::oid AND con.contype = 'p' "
                + "ORDER BY k.ord", oid);
        List<SourceTable.IndexShape> indexes = new ArrayList<>();
        List<String> byHand = new ArrayList<>();
        for (String[] index : rows(c, "SELECT i.indisunique::text, am.amname, array_to_string(ARRAY(SELECT a.attname "
                + "FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = "
                + "i.indrelid AND a.attnum = k.num WHERE k.ord <= i.indnkeyatts ORDER BY k.ord), ','), "
                + "(i.indexprs IS NULL AND i.indpred IS NULL)::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                + "JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_am am ON am.oid = ci.relam "
                + "WHERE i.indrelid = ?::oid AND NOT i.indisprimary", oid)) {
            if (index[3].equals("true") && Identifier.isPlain(index[1])) {
                List<Identifier> columns = new ArrayList<>();
                for (String column : index[2].split(",")) {
                    columns.add(Identifier.of(column));
                }
                indexes.add(new SourceTable.IndexShape(columns, index[0].equals("true"), index[1]));
            } else {
                byHand.add(index[4]);
            }
        }
        List<String> fkOut = column(rows(c,
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = ?::oid "
                        + "AND contype = 'f' ORDER BY conname", oid));
        List<String> fkIn = column(rows(c, "SELECT conname || ' of ' || conrelid::regclass::text FROM pg_constraint "
                + "WHERE confrelid = ?::oid AND contype = 'f' ORDER BY conname", oid));
        List<SourceTable.SequenceUse> sequences = new ArrayList<>();
        List<Identifier> identity = new ArrayList<>();
        for (String[] col : rows(c, "SELECT a.attname, a.attidentity <> '', pg_get_serial_sequence(?, a.attname) FROM "
                + "pg_attribute a WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                table.quoted(), oid)) {
            if (col[1].equals("t") && Identifier.isPlain(col[0])) {
                identity.add(Identifier.of(col[0]));
            } else if (col[2] != null && Identifier.isPlain(col[0])) {
                sequences.add(new SourceTable.SequenceUse(col[2], Identifier.of(col[0])));
            }
        }
        long nullKeys = 0;
        Optional<YearMonth> oldest = Optional.empty();
        if (keyType.isPresent() && !partitioned) {
            nullKeys = Jdbc.count(c, "SELECT count(*) FROM " + table.quoted() + " WHERE " + key.quoted() + " IS NULL");
            List<String[]> min = rows(c, "SELECT to_char(min(" + key.quoted() + "), 'YYYY-MM') FROM " + table.quoted());
            if (min.get(0)[0] != null) {
                oldest = Optional.of(YearMonth.parse(min.get(0)[0]));
            }
        }
        List<String[]> owner = rows(c, "SELECT quote_ident(pg_get_userbyid(relowner)), relowner <> (SELECT oid FROM "
                + "pg_roles WHERE rolname = current_user) FROM pg_class WHERE oid = ?::oid", oid);
        List<SourceTable.Grant> grants = new ArrayList<>();
        for (String[] grant : rows(c, "SELECT a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE "
                + "quote_ident(pg_get_userbyid(a.grantee)) END FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a "
                + "WHERE c.oid = ?::oid AND a.grantee <> c.relowner ORDER BY 2, 1", oid)) {
            grants.add(new SourceTable.Grant(grant[0], grant[1]));
        }
        Optional<String> differentOwner = owner.get(0)[1].equals("t") ? Optional.of(owner.get(0)[0]) : Optional.empty();
        return SourceTable.builder(table, key).partitioned(partitioned).keyType(keyType)
                .primaryKey(column(pk), pk.isEmpty() ? "" : pk.get(0)[1]).keyValues(nullKeys, oldest)
                .indexes(indexes, byHand).foreignKeys(fkOut, fkIn).sequences(sequences, identity)
                .access(differentOwner, grants).size(bytes, rows).build();
    }

    private static Optional<KeyType> keyType(Connection c, long oid, Identifier key) throws SQLException {
        List<String[]> type = rows(c,
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = ?::oid "
                        + "AND attname = ? AND attnum > 0 AND NOT attisdropped", oid, key.value());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyType.fromPostgres(type.get(0)[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String[]> rows(Connection c, String sql, Object... params) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<String> column(List<String[]> rows) {
        return rows.stream().map(r -> r[0]).toList();
    }
}
