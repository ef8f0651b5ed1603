package io.arxos.partitions.inventory;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The fleet: every database and the tables managed in it. The planner plans only these tables and the executor runs
 * nothing for a table outside its own copy.
 */
public record FleetInventory(List<FleetDatabase> databases) {

    public FleetInventory {
        databases = List.copyOf(databases);
    }

    public Optional<FleetDatabase> database(DatabaseId id) {
        return databases.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The managed policy for a table, or empty when the table is not managed here. */
    public Optional<TablePolicy> policy(TableKey key) {
        return database(key.database()).flatMap(d -> d.policy(key.table()));
    }

    /** Matches a JDBC URL as a user typed it: query parameters and a trailing slash do not matter. */
    public Optional<FleetDatabase> byUrl(String jdbcUrl) {
        String wanted = normalise(jdbcUrl);
        return databases.stream().filter(d -> normalise(d.jdbcUrl()).equals(wanted)).findFirst();
    }

    /** The databases with these ids (all when empty); an unknown id is an error naming it and the known ones. */
    public List<FleetDatabase> select(Collection<String> ids) {
        if (ids.isEmpty()) {
            return databases;
        }
        List<FleetDatabase> selected = new ArrayList<>();
        for (String id : ids) {
            selected.add(databases.stream().filter(d -> d.id().value().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("database '" + id
                            + "' is not in the inventory; known: " + ids())));
        }
        return selected;
    }

    public List<String> ids() {
        return databases.stream().map(d -> d.id().value()).toList();
    }

    private static String normalise(String url) {
        String u = url.strip();
        int q = u.indexOf('?');
        if (q >= 0) {
            u = u.substring(0, q);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.replace("://localhost:", "://127.0.0.1:");
    }
}
