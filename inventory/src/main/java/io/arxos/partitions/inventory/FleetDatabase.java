package io.arxos.partitions.inventory;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One database of the fleet: how to reach it, which tables are managed there with their policies, and which live
 * tables may be migrated into partitions.
 */
public record FleetDatabase(DatabaseId id, String jdbcUrl, String user, PasswordSource password,
        List<TablePolicy> tables, List<MigrationTarget> migrations, List<BenchmarkEntry> benchmarks) {

    public FleetDatabase(DatabaseId id, String jdbcUrl, String user, PasswordSource password,
            List<TablePolicy> tables) {
        this(id, jdbcUrl, user, password, tables, List.of());
    }

    public FleetDatabase(DatabaseId id, String jdbcUrl, String user, PasswordSource password,
            List<TablePolicy> tables, List<MigrationTarget> migrations) {
        this(id, jdbcUrl, user, password, tables, migrations, List.of());
    }

    public FleetDatabase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(password, "password");
        tables = List.copyOf(tables);
        migrations = List.copyOf(migrations);
        benchmarks = List.copyOf(benchmarks);
    }

    /** The table's benchmark settings from the inventory, if it has any. */
    public Optional<BenchmarkEntry> benchmark(TableRef table) {
        return benchmarks.stream().filter(b -> b.table().equals(table)).findFirst();
    }

    /** The table's migration entry, when the inventory allows migrating it. */
    public Optional<MigrationTarget> migration(TableRef table) {
        return migrations.stream().filter(m -> m.table().equals(table)).findFirst();
    }

    public Optional<TablePolicy> policy(TableRef table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst();
    }

    /** The URL without query parameters, for messages and reports. */
    public String displayUrl() {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }
}
