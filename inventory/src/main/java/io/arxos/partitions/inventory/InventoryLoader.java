package io.arxos.partitions.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.PartitionInterval;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fleet inventory YAML. Every error names the offending path and value (e.g.
 * {@code databases[0].tables[1].retentionMonths}), and unknown keys are errors so typos cannot pass silently.
 */
public final class InventoryLoader {

    private static final Set<String> TOP_KEYS = Set.of("defaults", "databases");
    private static final Set<String> DATABASE_KEYS = Set.of("id", "url", "user", "password", "tables", "migrations",
            "benchmarks");
    private static final Set<String> BENCHMARK_KEYS = Set.of("table", "baseline", "queries");
    private static final Set<String> QUERY_KEYS = Set.of("name", "sql");
    private static final Set<String> MIGRATION_KEYS = Set.of("name", "partitionKey");
    private static final Set<String> PASSWORD_KEYS = Set.of("env", "file");
    private static final Set<String> POLICY_KEYS = Set.of("interval", "premake", "retentionMonths", "retentionAction",
            "archiveSchema");
    private static final Set<String> TABLE_KEYS = union(POLICY_KEYS, Set.of("name", "partitionKey"));

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public FleetInventory load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new InventoryException("cannot read inventory " + file + ": " + e.getMessage());
        }
    }

    public FleetInventory parse(String text, String source) {
        JsonNode root;
        try {
            root = yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InventoryException(source + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InventoryException(source + ": expected a mapping with 'databases'");
        }
        checkKeys(root, TOP_KEYS, source);
        JsonNode defaults = root.path("defaults");
        if (!defaults.isMissingNode()) {
            checkKeys(defaults, POLICY_KEYS, source + ": defaults");
        }
        JsonNode dbs = root.path("databases");
        if (!dbs.isArray() || dbs.isEmpty()) {
            throw new InventoryException(source + ": 'databases' must be a non-empty list");
        }
        List<FleetDatabase> databases = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        for (int i = 0; i < dbs.size(); i++) {
            String path = source + ": databases[" + i + "]";
            FleetDatabase db = database(dbs.get(i), defaults, path);
            if (!seenIds.add(db.id().value())) {
                throw new InventoryException(path + ".id: duplicate database id '" + db.id() + "'");
            }
            databases.add(db);
        }
        return new FleetInventory(databases);
    }

    private FleetDatabase database(JsonNode node, JsonNode defaults, String path) {
        checkKeys(node, DATABASE_KEYS, path);
        DatabaseId id = attempt(path + ".id", () -> DatabaseId.of(text(node, "id", path)));
        String url = text(node, "url", path);
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new InventoryException(path + ".url: '" + url + "' is not a jdbc:postgresql:// URL");
        }
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new InventoryException(path + ".url: do not put the password in the URL; use password.env or "
                    + "password.file so it stays out of events, reports and logs");
        }
        String user = text(node, "user", path);
        PasswordSource password = password(node.path("password"), path + ".password");
        JsonNode tables = node.path("tables");
        if (!tables.isArray() || tables.isEmpty()) {
            throw new InventoryException(path + ".tables: must be a non-empty list of managed tables");
        }
        List<TablePolicy> policies = new ArrayList<>();
        Set<TableRef> seen = new HashSet<>();
        for (int t = 0; t < tables.size(); t++) {
            String tablePath = path + ".tables[" + t + "]";
            TablePolicy policy = table(tables.get(t), defaults, tablePath);
            if (!seen.add(policy.table())) {
                throw new InventoryException(tablePath + ".name: table " + policy.table() + " is listed twice");
            }
            policies.add(policy);
        }
        List<MigrationTarget> migrations = migrations(node.path("migrations"), seen, path + ".migrations");
        return new FleetDatabase(id, url, user, password, policies, migrations, benchmarks(node.path("benchmarks"),
                seen, migrations, path + ".benchmarks"));
    }

    /** Optional: per table, the benchmark's default baseline and named queries (of managed tables or migrations). */
    private List<BenchmarkEntry> benchmarks(JsonNode node, Set<TableRef> managed, List<MigrationTarget> migrations,
            String path) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InventoryException(path + ": must be a list of { table, baseline, queries }");
        }
        List<BenchmarkEntry> entries = new ArrayList<>();
        for (int b = 0; b < node.size(); b++) {
            String itemPath = path + "[" + b + "]";
            JsonNode item = node.get(b);
            checkKeys(item, BENCHMARK_KEYS, itemPath);
            TableRef table = attempt(itemPath + ".table", () -> TableRef.parse(text(item, "table", itemPath)));
            if (!managed.contains(table) && migrations.stream().noneMatch(m -> m.table().equals(table))) {
                throw new InventoryException(itemPath + ".table: " + table + " is neither a managed table nor a "
                        + "listed migration of this database");
            }
            Optional<String> baseline = item.hasNonNull("baseline") ? Optional.of(item.get("baseline").asText())
                    : Optional.empty();
            List<BenchmarkEntry.NamedQuery> queries = new ArrayList<>();
            JsonNode list = item.path("queries");
            for (int q = 0; q < list.size(); q++) {
                String queryPath = itemPath + ".queries[" + q + "]";
                JsonNode query = list.get(q);
                checkKeys(query, QUERY_KEYS, queryPath);
                String name = text(query, "name", queryPath);
                String sql = text(query, "sql", queryPath);
                if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
                    throw new InventoryException(queryPath + ".name: '" + name + "' must be lower-case letters, "
                            + "digits and _");
                }
                if (!sql.contains("{relation}") || !sql.strip().toLowerCase(Locale.ROOT).matches(
                        "(?s)(select|with)\\b.*")) {
                    throw new InventoryException(queryPath + ".sql: must be a SELECT naming {relation} where the "
                            + "table goes");
                }
                queries.add(new BenchmarkEntry.NamedQuery(name, sql.strip()));
            }
            entries.add(new BenchmarkEntry(table, baseline, queries));
        }
        return entries;
    }

    /** Optional: live tables that may be migrated into partitions; a managed table cannot be listed again. */
    private List<MigrationTarget> migrations(JsonNode node, Set<TableRef> managed, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InventoryException(path + ": must be a list of { name, partitionKey }");
        }
        List<MigrationTarget> targets = new ArrayList<>();
        for (int m = 0; m < node.size(); m++) {
            String itemPath = path + "[" + m + "]";
            JsonNode item = node.get(m);
            checkKeys(item, MIGRATION_KEYS, itemPath);
            TableRef table = attempt(itemPath + ".name", () -> TableRef.parse(text(item, "name", itemPath)));
            Identifier key = attempt(itemPath + ".partitionKey",
                    () -> Identifier.of(text(item, "partitionKey", itemPath)));
            if (managed.contains(table) || targets.stream().anyMatch(t -> t.table().equals(table))) {
                throw new InventoryException(itemPath + ".name: table " + table + " is listed twice");
            }
            targets.add(new MigrationTarget(table, key));
        }
        return targets;
    }

    private PasswordSource password(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return new PasswordSource.None();
        }
        if (node.isTextual()) {
            throw new InventoryException(path + ": a literal password is not accepted; use env: VARIABLE or "
                    + "file: /path/to/secret");
        }
        checkKeys(node, PASSWORD_KEYS, path);
        if (node.has("env") == node.has("file")) {
            throw new InventoryException(path + ": give exactly one of env or file");
        }
        return node.has("env") ? new PasswordSource.FromEnvironment(node.get("env").asText())
                : new PasswordSource.FromFile(Path.of(node.get("file").asText()));
    }

    private TablePolicy table(JsonNode node, JsonNode defaults, String path) {
        if (!node.isObject()) {
            throw new InventoryException(path + ": expected a mapping with name and partitionKey");
        }
        checkKeys(node, TABLE_KEYS, path);
        TableRef table = attempt(path + ".name", () -> TableRef.parse(text(node, "name", path)));
        Identifier key = attempt(path + ".partitionKey", () -> Identifier.of(text(node, "partitionKey", path)));
        String interval = setting(node, defaults, "interval", "monthly");
        if (!interval.equalsIgnoreCase("monthly")) {
            throw new InventoryException(path + ".interval: '" + interval + "' is not supported (only monthly)");
        }
        int premake = integer(node, defaults, "premake", 3, path);
        int retention = integer(node, defaults, "retentionMonths", -1, path);
        if (retention < 0) {
            throw new InventoryException(path + ".retentionMonths: required (months of data to keep)");
        }
        String action = setting(node, defaults, "retentionAction", "drop");
        RetentionAction retentionAction = attempt(path + ".retentionAction",
                () -> RetentionAction.valueOf(action.toUpperCase(Locale.ROOT)));
        Identifier archive = attempt(path + ".archiveSchema",
                () -> Identifier.of(setting(node, defaults, "archiveSchema", "partition_archive")));
        return attempt(path, () -> new TablePolicy(table, key, PartitionInterval.MONTHLY, premake, retention,
                retentionAction, archive));
    }

    private static String setting(JsonNode node, JsonNode defaults, String key, String fallback) {
        JsonNode value = node.has(key) ? node.get(key) : defaults.path(key);
        return value.isMissingNode() || value.isNull() ? fallback : value.asText();
    }

    private static int integer(JsonNode node, JsonNode defaults, String key, int fallback, String path) {
        JsonNode value = node.has(key) ? node.get(key) : defaults.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InventoryException(path + "." + key + ": '" + value.asText() + "' is not a whole number");
        }
        return value.intValue();
    }

    private static String text(JsonNode node, String key, String path) {
        JsonNode value = node.path(key);
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new InventoryException(path + "." + key + ": required");
        }
        return value.asText();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String path) {
        if (!node.isObject()) {
            throw new InventoryException(path + ": expected a mapping");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new InventoryException(path + ": unknown key '" + key + "' (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static <T> T attempt(String path, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InventoryException(path + ": " + e.getMessage());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
