package io.arxos.partitions.planner.postgres.maintenance;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.KeyMonth;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionBoundExpression;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetConnections;
import io.arxos.partitions.planner.domain.maintenance.CatalogEntry;
import io.arxos.partitions.planner.domain.maintenance.DefaultPartitionRows;
import io.arxos.partitions.planner.domain.maintenance.ExistingPartition;
import io.arxos.partitions.planner.domain.maintenance.IndexFacts;
import io.arxos.partitions.planner.domain.maintenance.PartitionCatalog;
import io.arxos.partitions.planner.domain.maintenance.PartitionStats;
import io.arxos.partitions.planner.domain.maintenance.TableSnapshot;
import io.arxos.partitions.planner.postgres.StatisticsHistogram;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads managed tables from a fleet database in three set-based queries per database, whatever the number of tables:
 * structure and sizes of every parent and child, default-partition rows by month for all defaults at once, and the
 * index facts validation needs.
 */
public record JdbcPartitionCatalog(FleetConnections connections,
        Duration statementTimeout) implements PartitionCatalog {

    @Override
    public Map<TableRef, CatalogEntry> read(DatabaseId database, List<TablePolicy> tables) {
        if (tables.isEmpty()) {
            return Map.of();
        }
        try (Connection c = connections.open(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = " + statementTimeout.toMillis());
                s.execute("SET default_transaction_read_only = on");
            }
            List<ParentRows> parents = readStructure(c, tables);
            Map<TableRef, CatalogEntry> entries = new LinkedHashMap<>();
            List<ParentRows> withDefault = new ArrayList<>();
            for (ParentRows parent : parents) {
                Optional<String> problem = parent.problem();
                if (problem.isPresent()) {
                    entries.put(parent.policy.table(), new CatalogEntry.Unusable(problem.get()));
                } else {
                    // an empty file holds no rows: only defaults with a page on disk are counted
                    parent.defaultChild().filter(d -> d.heapBytes > 0).ifPresent(d -> withDefault.add(parent));
                }
            }
            Map<Integer, DefaultPartitionRows> defaults = readDefaultRows(c, withDefault);
            Map<Integer, IndexFacts> indexes = IndexAttachments.read(c, tables);
            List<ParentRows> usable = parents.stream().filter(p -> !entries.containsKey(p.policy.table())).toList();
            Map<String, String> histograms = readHistograms(c, usable);
            for (ParentRows parent : usable) {
                entries.put(parent.policy.table(), parent.toEntry(
                        defaults.getOrDefault(parent.ordinal, DefaultPartitionRows.NONE),
                        indexes.getOrDefault(parent.ordinal, IndexFacts.NONE), histograms));
            }
            return entries;
        } catch (SQLException e) {
            throw new CatalogUnavailableException("database " + database + ": catalog not readable: "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static List<ParentRows> readStructure(Connection c, List<TablePolicy> tables) throws SQLException {
        List<ParentRows> parents = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            parents.add(new ParentRows(i + 1, tables.get(i)));
        }
        try (PreparedStatement ps = c.prepareStatement(CatalogQueries.STRUCTURE)) {
            ps.setArray(1, c.createArrayOf("text", tables.stream().map(t -> t.table().schema().value()).toArray()));
            ps.setArray(2, c.createArrayOf("text", tables.stream().map(t -> t.table().table().value()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parents.get(rs.getInt("ord") - 1).add(rs);
                }
            }
        }
        return parents;
    }

    /** Key histograms of each table's newest and default partitions, by "schema.table.column". */
    private static Map<String, String> readHistograms(Connection c, List<ParentRows> parents) throws SQLException {
        List<String> schemas = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (ParentRows parent : parents) {
            for (Child child : parent.newestAndDefault()) {
                schemas.add(child.schema);
                names.add(child.name);
            }
            columns.add(parent.keyColumn);
        }
        Map<String, String> histograms = new HashMap<>();
        if (names.isEmpty()) {
            return histograms;
        }
        try (PreparedStatement ps = c.prepareStatement(CatalogQueries.HISTOGRAMS)) {
            ps.setArray(1, c.createArrayOf("text", schemas.stream().distinct().toArray()));
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            ps.setArray(3, c.createArrayOf("text", columns.stream().distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    histograms.put(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3), rs.getString(4));
                }
            }
        }
        return histograms;
    }

    private static Map<Integer, DefaultPartitionRows> readDefaultRows(Connection c, List<ParentRows> parents)
            throws SQLException {
        Map<Integer, DefaultPartitionRows> result = new HashMap<>();
        if (parents.isEmpty()) {
            return result;
        }
        List<String> branches = new ArrayList<>();
        for (ParentRows parent : parents) {
            String key = parent.policy.partitionKey().quoted();
            String month = parent.keyType() == KeyType.TIMESTAMPTZ ? "(" + key + " AT TIME ZONE 'UTC')" : key;
            branches.add(CatalogQueries.defaultRowsBranch(parent.defaultChild().orElseThrow().qualified, month));
        }
        Map<Integer, Map<YearMonth, Long>> months = new HashMap<>();
        Map<Integer, Long> nulls = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(String.join("\nUNION ALL\n", branches))) {
            for (int i = 0; i < parents.size(); i++) {
                ps.setInt(i + 1, parents.get(i).ordinal);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int ord = rs.getInt("ord");
                    String month = rs.getString("month");
                    long rows = rs.getLong("rows");
                    if (month == null) {
                        nulls.merge(ord, rows, Long::sum);
                    } else {
                        months.computeIfAbsent(ord, k -> new HashMap<>())
                                .merge(KeyMonth.parse(month), rows, Long::sum);
                    }
                }
            }
        }
        for (ParentRows parent : parents) {
            result.put(parent.ordinal, new DefaultPartitionRows(months.getOrDefault(parent.ordinal, Map.of()),
                    nulls.getOrDefault(parent.ordinal, 0L)));
        }
        return result;
    }

    /** The structure rows of one requested parent, folded into a snapshot. */
    private static final class ParentRows {
        final int ordinal;
        final TablePolicy policy;
        boolean found;
        String strategy;
        int keyColumns;
        String keyColumn;
        String keyTypeName;
        final List<Child> children = new ArrayList<>();

        ParentRows(int ordinal, TablePolicy policy) {
            this.ordinal = ordinal;
            this.policy = policy;
        }

        void add(ResultSet rs) throws SQLException {
            found = rs.getBoolean("found");
            strategy = rs.getString("strategy");
            keyColumns = rs.getInt("key_columns");
            keyColumn = rs.getString("key_column");
            keyTypeName = rs.getString("key_type");
            String child = rs.getString("child");
            if (child != null) {
                children.add(new Child(child, rs.getString("child_qualified"), rs.getString("bound"),
                        rs.getLong("row_estimate"), rs.getLong("live_rows"), rs.getLong("size_bytes"),
                        rs.getLong("heap_bytes"), rs.getString("child_schema")));
            }
        }

        Optional<String> problem() {
            TableRef table = policy.table();
            if (!found) {
                return Optional.of("table " + table + " does not exist");
            }
            if (strategy == null) {
                return Optional.of(table + " is not partitioned (migrate it first)");
            }
            if (!"r".equals(strategy)) {
                return Optional.of(table + " is " + ("l".equals(strategy) ? "list" : "hash")
                        + "-partitioned; only range partitioning by month is managed");
            }
            if (keyColumns != 1 || keyColumn == null) {
                return Optional.of(table + " has a multi-column or expression partition key; expected the column "
                        + policy.partitionKey());
            }
            if (!keyColumn.equals(policy.partitionKey().value())) {
                return Optional.of(table + " is partitioned by " + keyColumn + ", but the inventory says "
                        + policy.partitionKey());
            }
            try {
                KeyType.fromPostgres(keyTypeName);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
            for (Child child : children) {
                if (!PartitionBoundExpression.isDefault(child.bound)
                        && PartitionBoundExpression.parseRange(child.bound).isEmpty()) {
                    return Optional.of("partition " + child.name + " has bounds this tool does not understand: "
                            + child.bound);
                }
            }
            return Optional.empty();
        }

        KeyType keyType() {
            return KeyType.fromPostgres(keyTypeName);
        }

        Optional<Child> defaultChild() {
            return children.stream().filter(c -> PartitionBoundExpression.isDefault(c.bound)).findFirst();
        }

        /** The partitions whose key histogram tells the table's newest key: the newest by range, and the default. */
        List<Child> newestAndDefault() {
            List<Child> chosen = new ArrayList<>();
            children.stream().filter(c -> !PartitionBoundExpression.isDefault(c.bound))
                    .max(java.util.Comparator.comparing(c -> PartitionBoundExpression.parseRange(c.bound)
                            .map(PartitionRange::to).orElse(java.time.LocalDateTime.MIN)))
                    .ifPresent(chosen::add);
            defaultChild().ifPresent(chosen::add);
            return chosen;
        }

        CatalogEntry.Found toEntry(DefaultPartitionRows defaultRows, IndexFacts indexes,
                Map<String, String> histograms) {
            List<ExistingPartition> partitions = new ArrayList<>();
            List<PartitionStats> stats = new ArrayList<>();
            for (Child child : children) {
                Optional<PartitionRange> range = PartitionBoundExpression.isDefault(child.bound) ? Optional.empty()
                        : PartitionBoundExpression.parseRange(child.bound);
                range.ifPresent(r -> partitions.add(new ExistingPartition(child.name, r)));
                String histogram = histograms.get(child.schema + "." + child.name + "." + keyColumn);
                stats.add(new PartitionStats(child.name, range, child.rowEstimate, child.liveRows, child.sizeBytes,
                        StatisticsHistogram.newest(histogram)));
            }
            TableSnapshot snapshot = new TableSnapshot(keyType(), partitions, defaultChild().map(c -> c.name),
                    defaultRows);
            return new CatalogEntry.Found(policy.partitionKey(), snapshot, stats, indexes);
        }
    }

    private record Child(String name, String qualified, String bound, long rowEstimate, long liveRows,
            long sizeBytes, long heapBytes, String schema) {
    }
}
