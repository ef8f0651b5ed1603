package io.arxos.partitions.cli.run;

import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.FleetInventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns {@code --database-url} and {@code --database} into inventory ids; unknown ones are refused with advice. */
public final class DatabaseSelection {

    private DatabaseSelection() {
    }

    /** The ids to request; empty means the whole fleet. */
    public static List<String> resolve(FleetInventory inventory, Path inventoryFile, List<String> urls,
            List<String> ids) {
        Set<String> selected = new LinkedHashSet<>();
        for (String url : urls) {
            FleetDatabase database = inventory.byUrl(url).orElseThrow(() -> new IllegalArgumentException(
                    "no database with URL " + url + " in the inventory " + inventoryFile + ". Add an entry under"
                            + " 'databases:' with id, url, user, password (env: or file:) and the managed tables,"
                            + " so the planner and the executor manage it too. Known: " + urls(inventory)));
            selected.add(database.id().value());
        }
        for (String id : ids) {
            selected.add(inventory.select(List.of(id)).get(0).id().value());
        }
        return new ArrayList<>(selected);
    }

    private static List<String> urls(FleetInventory inventory) {
        return inventory.databases().stream().map(FleetDatabase::displayUrl).toList();
    }
}
