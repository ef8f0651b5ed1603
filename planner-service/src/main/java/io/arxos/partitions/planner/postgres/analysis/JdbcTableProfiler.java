package io.arxos.partitions.planner.postgres.analysis;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetConnections;
import io.arxos.partitions.planner.domain.analysis.Activity;
import io.arxos.partitions.planner.domain.analysis.CategoryColumn;
import io.arxos.partitions.planner.domain.analysis.DatabaseContext;
import io.arxos.partitions.planner.domain.analysis.DatabaseProfile;
import io.arxos.partitions.planner.domain.analysis.IndexInfo;
import io.arxos.partitions.planner.domain.analysis.KeyConstraint;
import io.arxos.partitions.planner.domain.analysis.ObservedQuery;
import io.arxos.partitions.planner.domain.analysis.OwnedSequence;
import io.arxos.partitions.planner.domain.analysis.QueryShapes;
import io.arxos.partitions.planner.domain.analysis.TableProfile;
import io.arxos.partitions.planner.domain.analysis.TableProfiler;
import io.arxos.partitions.planner.domain.analysis.TimeColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Profiles a database's tables for the analysis: a handful of set-based catalog queries for every table at once
 * (sizes and counters, columns with statistics, indexes, constraints, pg_stat_statements), then one monthly count per
 * candidate time column, from statistics, a sample or a full count. Reads only, in read-only transactions.
 */
public record JdbcTableProfiler(FleetConnections connections, Duration statementTimeout) implements TableProfiler {

    /** Most distinct values a column may have to be a list-partitioning candidate. */
    private static final long CATEGORY_MAX_VALUES = 50;

    @Override
    public Counters counters(DatabaseId database) {
        try (Connection c = open(database)) {
            Context context = context(c);
            Map<TableRef, TableCounters> counters = new HashMap<>();
            for (TableRow row : tables(c)) {
                row.ref().ifPresent(ref -> counters.put(ref, row.counters));
            }
            return new Counters(context.at, context.statsReset, counters);
        } catch (SQLException e) {
            throw unavailable(database, e);
        }
    }

    @Override
    public DatabaseProfile profile(DatabaseId database, List<String> selection, Counters start) {
        try (Connection c = open(database)) {
            Context context = context(c);
            long began = System.nanoTime();
            List<String> skipped = new ArrayList<>();
            Map<Long, TableRow> rows = new LinkedHashMap<>();
            for (TableRow row : tables(c)) {
                String name = row.schema + "." + row.table;
                if (!selection.isEmpty() && !selection.contains(name)) {
                    continue;
                }
                if (row.ref().isEmpty()) {
                    skipped.add(name.replaceAll("\\p{Cntrl}", "?") + ": not a plain lower-case name");
                    continue;
                }
                rows.put(row.oid, row);
            }
            Long[] oids = rows.keySet().toArray(Long[]::new);
            Map<Long, List<ColumnRow>> columns = columns(c, oids);
            Long[] partitioned = rows.values().stream().filter(r -> r.partitioned).map(r -> r.oid).toArray(Long[]::new);
            Map<Long, List<IndexInfo>> indexes = IndexesAndKeys.indexes(c, oids, partitioned);
            Map<Long, List<KeyConstraint>> constraints = IndexesAndKeys.constraints(c, oids);
            StatementStatistics.Result statements = StatementStatistics.read(c, context.versionNum);

            Duration window = Duration.between(start.at(), context.at);
            boolean reset = !context.statsReset.equals(start.statsReset());
            List<TableProfile> tables = new ArrayList<>();
            for (TableRow row : rows.values()) {
                TableRef ref = row.ref().orElseThrow();
                List<ColumnRow> cols = columns.getOrDefault(row.oid, List.of());
                tables.add(new TableProfile(ref, row.partitioned, row.partitions, Optional.empty(), row.totalBytes,
                        row.heapBytes, row.indexBytes, row.estimatedRows(), activity(row, start.tables().get(ref),
                                window, reset), cols.stream().map(col -> col.name).toList(), timeColumns(c, row, cols),
                        categories(row, cols), indexes.getOrDefault(row.oid, List.of()),
                        constraints.getOrDefault(row.oid, List.of()), statementsOn(ref, statements.statements()),
                        sequences(cols)));
            }
            return new DatabaseProfile(context.version, new DatabaseContext(context.sharedBuffers,
                    statements.available()), window, context.statsReset, reset, statements.status(), tables, skipped,
                    Duration.ofNanos(System.nanoTime() - began));
        } catch (SQLException e) {
            throw unavailable(database, e);
        }
    }

    private Connection open(DatabaseId database) throws SQLException {
        Connection c = connections.open(database);
        try (Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = " + statementTimeout.toMillis());
            s.execute("SET default_transaction_read_only = on");
        }
        return c;
    }

    private static ProfileUnavailableException unavailable(DatabaseId database, SQLException e) {
        return new ProfileUnavailableException("database " + database + ": not readable for analysis: "
                + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
    }

    private record Context(String version, int versionNum, long sharedBuffers, Optional<Instant> statsReset,
            Instant at) {
    }

    private static Context context(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(AnalysisQueries.CONTEXT)) {
            rs.next();
            OffsetDateTime reset = rs.getObject(4, OffsetDateTime.class);
            return new Context(rs.getString(1), rs.getInt(2), rs.getLong(3),
                    Optional.ofNullable(reset).map(OffsetDateTime::toInstant),
                    rs.getObject(5, OffsetDateTime.class).toInstant());
        }
    }

    /** One row of {@link AnalysisQueries#TABLES}. */
    private record TableRow(long oid, String schema, String table, boolean partitioned, int partitions,
            long totalBytes, long heapBytes, long indexBytes, long reltuples, long liveRows, long deadRows,
            TableCounters counters, Optional<Instant> lastVacuum, Optional<Instant> lastAnalyze,
            long modifiedSinceAnalyze) {

        Optional<TableRef> ref() {
            return Identifier.isPlain(schema) && Identifier.isPlain(table) ? Optional.of(TableRef.of(schema, table))
                    : Optional.empty();
        }

        /** reltuples when analysed (PostgreSQL 14+ says -1 before the first ANALYZE), else the live-row counter. */
        long estimatedRows() {
            return reltuples > 0 ? reltuples : liveRows;
        }
    }

    private static List<TableRow> tables(Connection c) throws SQLException {
        List<TableRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(AnalysisQueries.TABLES)) {
            while (rs.next()) {
                rows.add(new TableRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        new TableCounters(rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15),
                                rs.getLong(16)), instant(rs, 17), instant(rs, 18), rs.getLong(19)));
            }
        }
        return rows;
    }

    private static Activity activity(TableRow row, TableCounters start, Duration window, boolean reset) {
        TableCounters now = row.counters;
        TableCounters base = start == null || reset ? now : start;
        return new Activity(window, delta(now.inserts(), base.inserts()), delta(now.updates(), base.updates()),
                delta(now.deletes(), base.deletes()), delta(now.sequentialScans(), base.sequentialScans()),
                delta(now.indexScans(), base.indexScans()), now.inserts(), now.updates(), now.deletes(), row.deadRows,
                row.lastVacuum, row.lastAnalyze);
    }

    /** A counter that went down was reset (table-level reset): the window's delta is unknown, so 0. */
    private static long delta(long now, long start) {
        return Math.max(0, now - start);
    }

    /** One row of {@link AnalysisQueries#COLUMNS}. */
    private record ColumnRow(String name, String type, boolean notNull, boolean time, Double nullFraction,
            Double correlation, Double distinct, String histogram, String commonValues, String commonFrequencies,
            boolean indexed, boolean identity, String sequence) {
    }

    private static Map<Long, List<ColumnRow>> columns(Connection c, Long[] oids) throws SQLException {
        Map<Long, List<ColumnRow>> columns = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(AnalysisQueries.COLUMNS)) {
            ps.setArray(1, c.createArrayOf("oid", oids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ColumnRow(rs.getString(2),
                            rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), doubleOrNull(rs, 6),
                            doubleOrNull(rs, 7), doubleOrNull(rs, 8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getBoolean(12), rs.getBoolean(13), rs.getString(14)));
                }
            }
        }
        return columns;
    }

    private static List<TimeColumn> timeColumns(Connection c, TableRow row, List<ColumnRow> cols)
            throws SQLException {
        List<TimeColumn> result = new ArrayList<>();
        for (ColumnRow col : cols) {
            if (!col.time || !Identifier.isPlain(col.name)) {
                continue;
            }
            MonthlyCounts.ColumnFacts facts = new MonthlyCounts.ColumnFacts(row.ref().orElseThrow(),
                    Identifier.of(col.name), KeyType.fromPostgres(col.type), col.notNull, col.nullFraction,
                    col.correlation, col.histogram, col.commonValues, col.commonFrequencies, col.indexed,
                    row.estimatedRows(), row.modifiedSinceAnalyze, row.heapBytes);
            if (row.partitioned) {
                // already partitioned: its partitions say more than a count would, and counting costs a scan
                result.add(new TimeColumn(facts.column(), facts.type(), col.notNull, col.nullFraction == null ? 0
                        : col.nullFraction, OptionalDouble.empty(), col.indexed, Optional.empty(),
                        Optional.empty(), new TreeMap<>(),
                        TimeColumn.CountSource.NONE, "not counted: the table is partitioned already"));
            } else {
                result.add(MonthlyCounts.count(c, facts));
            }
        }
        return result;
    }

    private static List<CategoryColumn> categories(TableRow row, List<ColumnRow> cols) {
        List<CategoryColumn> result = new ArrayList<>();
        for (ColumnRow col : cols) {
            if (col.time || col.distinct == null || !Identifier.isPlain(col.name)) {
                continue;
            }
            // n_distinct < 0 is a fraction of the rows
            long distinct = col.distinct >= 0 ? Math.round(col.distinct)
                    : Math.round(-col.distinct * row.estimatedRows());
            if (distinct >= 2 && distinct <= CATEGORY_MAX_VALUES) {
                result.add(new CategoryColumn(Identifier.of(col.name), distinct));
            }
        }
        return result;
    }

    private static List<OwnedSequence> sequences(List<ColumnRow> cols) {
        return cols.stream().filter(col -> col.sequence != null && Identifier.isPlain(col.name))
                .map(col -> new OwnedSequence(Identifier.of(col.name), col.sequence, col.identity)).toList();
    }

    private static List<ObservedQuery> statementsOn(TableRef table, List<ObservedQuery> statements) {
        return statements.stream()
                .filter(q -> QueryShapes.isDataStatement(q.text()))
                .filter(q -> QueryShapes.mentions(q.text(),
                        table.schema().value(), table.table().value()))
                .limit(50)
                .toList();
    }

    private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
