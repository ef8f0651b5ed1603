package io.arxos.partitions.planner.postgres.benchmark;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetConnections;
import io.arxos.partitions.planner.domain.benchmark.Baseline;
import io.arxos.partitions.planner.domain.benchmark.BenchmarkCatalog;
import io.arxos.partitions.planner.domain.benchmark.BenchmarkShape;
import io.arxos.partitions.planner.domain.benchmark.BenchmarkShape.ColumnValue;
import io.arxos.partitions.planner.domain.benchmark.ColumnChoice;
import io.arxos.partitions.planner.domain.benchmark.ColumnStats;
import io.arxos.partitions.planner.domain.benchmark.Relations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a database's benchmarks need, read-only: which of each table's possible baselines exist (one query for
 * every name), then per table compared its key's type and newest value, its primary key, its columns with their
 * statistics, and a value of each chosen column from the newest rows (the key's index makes those reads cheap).
 */
public record JdbcBenchmarkCatalog(FleetConnections connections,
        Duration statementTimeout) implements BenchmarkCatalog {

    /** Values come from the newest rows: recent, so the time-window queries find them too. */
    static final int NEWEST_ROWS = 1000;
    /** The 99th percentile is taken over this many of the newest rows. */
    static final int PERCENTILE_ROWS = 10_000;

    @Override
    public Map<TableRef, Candidate> read(DatabaseId database, List<Subject> subjects) {
        try (Connection c = connections.open(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = " + statementTimeout.toMillis());
                s.execute("SET default_transaction_read_only = on");
            }
            Map<TableRef, Relations.Kind> kinds = kinds(c, names(subjects));
            Map<TableRef, Candidate> candidates = new LinkedHashMap<>();
            for (Subject subject : subjects) {
                Relations.Choice choice = Relations.choose(subject.table(), subject.baseline(), kinds);
                if (choice instanceof Relations.Compared compared) {
                    candidates.put(subject.table(), shape(c, subject, compared));
                } else {
                    candidates.put(subject.table(), new Skipped(((Relations.NoBaseline) choice).reason()));
                }
            }
            return candidates;
        } catch (SQLException e) {
            throw new IllegalStateException("database " + database + ": " + e.getMessage() + " (SQLSTATE "
                    + e.getSQLState() + ")", e);
        }
    }

    private static List<TableRef> names(List<Subject> subjects) {
        List<TableRef> names = new ArrayList<>();
        for (Subject subject : subjects) {
            names.add(subject.table());
            Relations.twinName(subject.table(), "_partitioned").ifPresent(names::add);
            Relations.twinName(subject.table(), "_backup").ifPresent(names::add);
            if (subject.baseline() instanceof Baseline.Named named) {
                names.add(named.table());
            }
        }
        return names;
    }

    private static Map<TableRef, Relations.Kind> kinds(Connection c, List<TableRef> names) throws SQLException {
        Map<TableRef, Relations.Kind> kinds = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n.nspname, r.relname, r.relkind::text
                  FROM unnest(?::text[], ?::text[]) AS want(nspname, relname)
                  JOIN pg_namespace n ON n.nspname = want.nspname
                  JOIN pg_class r ON r.relnamespace = n.oid AND r.relname = want.relname
                 WHERE r.relkind IN ('r', 'p')""")) {
            ps.setArray(1, c.createArrayOf("text", names.stream().map(t -> t.schema().value()).toArray()));
            ps.setArray(2, c.createArrayOf("text", names.stream().map(t -> t.table().value()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.put(TableRef.of(rs.getString(1), rs.getString(2)), "p".equals(rs.getString(3))
                            ? Relations.Kind.PARTITIONED : Relations.Kind.PLAIN);
                }
            }
        }
        return kinds;
    }

    private static Candidate shape(Connection c, Subject subject, Relations.Compared compared) throws SQLException {
        Identifier key = subject.partitionKey();
        Optional<String> keyType = one(c, "SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                + " WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped",
                compared.after().quoted(), key.value());
        KeyType type;
        try {
            type = KeyType.fromPostgres(keyType.orElseThrow(() -> new IllegalArgumentException(compared.after()
                    + " has no column " + key)));
        } catch (IllegalArgumentException e) {
            return new Skipped(e.getMessage());
        }
        // a copy does not exist yet: its columns, keys and values are the table's own
        TableRef source = compared.baseline().equals("copy") ? compared.after() : compared.before();
        String newestKey = type == KeyType.TIMESTAMPTZ ? "max(" + key.quoted() + ") AT TIME ZONE 'UTC'"
                : "max(" + key.quoted() + ")::timestamp";
        Optional<LocalDateTime> newest = one(c, "SELECT to_char(" + newestKey + ", 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM "
                + compared.after().quoted()).map(LocalDateTime::parse);
        List<Identifier> primaryKey = new ArrayList<>();
        for (String column : list(c, """
                SELECT a.attname FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                 WHERE i.indrelid = to_regclass(?) AND i.indisprimary
                 ORDER BY array_position(i.indkey::int2[], a.attnum)""", source.quoted())) {
            if (Identifier.isPlain(column)) {
                primaryKey.add(Identifier.of(column));
            }
        }
        Set<String> excluded = new HashSet<>();
        excluded.add(key.value());
        primaryKey.forEach(p -> excluded.add(p.value()));
        ColumnChoice choice = ColumnChoice.from(columns(c, source, compared.after()), excluded);
        String newestRows = "(SELECT * FROM " + source.quoted() + " ORDER BY " + key.quoted() + " DESC LIMIT ";
        Optional<ColumnValue> category = choice.category().flatMap(col -> one(c, "SELECT " + q(col) + "::text FROM "
                + newestRows + NEWEST_ROWS + ") s WHERE " + q(col) + " IS NOT NULL GROUP BY 1 ORDER BY count(*), 1"
                + " LIMIT 1").map(v -> new ColumnValue(col, v)));
        Optional<ColumnValue> entity = choice.entity().flatMap(col -> one(c, "SELECT " + q(col) + "::text FROM "
                + newestRows + NEWEST_ROWS + ") s WHERE " + q(col) + " IS NOT NULL LIMIT 1")
                .map(v -> new ColumnValue(col, v)));
        Optional<ColumnValue> measure = choice.measure().flatMap(col -> one(c, "SELECT percentile_disc(0.99)"
                + " WITHIN GROUP (ORDER BY " + q(col) + ")::text FROM " + newestRows + PERCENTILE_ROWS + ") s")
                .map(v -> new ColumnValue(col, v)));
        return new Found(compared, new BenchmarkShape(key, type, newest, primaryKey, category, entity, measure));
    }

    /**
     * The baseline's columns with the statistics of whichever side has them: a fresh copy or a just-created
     * partitioned twin has no pg_stats until it is analysed, its counterpart usually has.
     */
    private static List<ColumnStats> columns(Connection c, TableRef before, TableRef after) throws SQLException {
        List<ColumnStats> columns = columns(c, before);
        if (before.equals(after)) {
            return columns;
        }
        Map<String, ColumnStats> other = new HashMap<>();
        columns(c, after).forEach(col -> other.put(col.name(), col));
        List<ColumnStats> merged = new ArrayList<>();
        for (ColumnStats col : columns) {
            ColumnStats twin = other.get(col.name());
            merged.add(twin != null && twin.type().equals(col.type()) && twin.distinctValues() > col.distinctValues()
                    ? twin : col);
        }
        return merged;
    }

    /** The relation's columns with pg_stats' distinct counts (a partitioned table's are its inherited ones). */
    private static List<ColumnStats> columns(Connection c, TableRef relation) throws SQLException {
        List<ColumnStats> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), coalesce(max(s.n_distinct), 0),
                       greatest(coalesce((SELECT sum(greatest(k.reltuples, 0)) FROM pg_inherits i
                                            JOIN pg_class k ON k.oid = i.inhrelid WHERE i.inhparent = r.oid),
                                         greatest(r.reltuples, 0)), 0)::bigint
                  FROM pg_attribute a
                  JOIN pg_class r ON r.oid = a.attrelid
                  JOIN pg_namespace n ON n.oid = r.relnamespace
                  LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = r.relname AND s.attname = a.attname
                 WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
                 GROUP BY a.attnum, a.attname, a.atttypid, a.atttypmod, r.oid, r.reltuples
                 ORDER BY a.attnum""")) {
            ps.setString(1, relation.quoted());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Identifier.isPlain(rs.getString(1))) {
                        columns.add(new ColumnStats(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getLong(4)));
                    }
                }
            }
        }
        return columns;
    }

    private static String q(ColumnStats column) {
        return Identifier.of(column.name()).quoted();
    }

    private static Optional<String> one(Connection c, String sql, String... params) {
        try {
            List<String> values = list(c, sql, params);
            return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static List<String> list(Connection c, String sql, String... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
