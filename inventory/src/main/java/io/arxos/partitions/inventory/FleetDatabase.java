package io.arxos.partitions.inventory;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One database of the fleet: how to reach it and which tables are managed there, with their policies. */
public record FleetDatabase(DatabaseId id, String jdbcUrl, String user, PasswordSource password,
        List<TablePolicy> tables) {

    public FleetDatabase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(password, "password");
        tables = List.copyOf(tables);
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
