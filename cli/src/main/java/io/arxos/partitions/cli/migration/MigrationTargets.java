package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.run.DatabaseSelection;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.MigrationTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a migration command works on. Only tables listed under {@code migrations:} in the inventory qualify
 * (the executor refuses any other); anything else is refused here, before a command is sent, with how to add it.
 */
public final class MigrationTargets {

    /** A table that may be migrated, in its database. */
    public record Target(FleetDatabase database, MigrationTarget migration) {

        public TableKey key() {
            return new TableKey(database.id(), migration.table());
        }

        public String partitionKey() {
            return migration.partitionKey().value();
        }
    }

    private MigrationTargets() {
    }

    /**
     * Resolves {@code --table} within the databases chosen by {@code --database-url} / {@code --database} (the whole
     * fleet when none is chosen). With no table, every {@code migrations:} entry when {@code allWhenNone}, else an
     * error.
     */
    public static List<Target> resolve(FleetInventory inventory, Path inventoryFile, List<String> urls,
            List<String> ids, List<String> tables, boolean allWhenNone) {
        List<String> selectedIds = DatabaseSelection.resolve(inventory, inventoryFile, urls, ids);
        List<FleetDatabase> databases = inventory.select(selectedIds);
        if (tables.isEmpty()) {
            if (!allWhenNone) {
                throw new IllegalArgumentException("name the table(s) to work on with --table SCHEMA.TABLE "
                        + "(repeatable); tables that may be migrated: " + listed(databases));
            }
            return everyListed(databases, inventoryFile);
        }
        Set<Target> targets = new LinkedHashSet<>();
        for (String text : tables) {
            targets.add(target(databases, inventoryFile, parse(text)));
        }
        return new ArrayList<>(targets);
    }

    private static TableRef parse(String text) {
        try {
            return TableRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--table '" + text + "': " + e.getMessage());
        }
    }

    private static Target target(List<FleetDatabase> databases, Path inventoryFile, TableRef table) {
        List<Target> matches = new ArrayList<>();
        for (FleetDatabase database : databases) {
            database.migration(table).ifPresent(m -> matches.add(new Target(database, m)));
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("table " + table + " is listed under 'migrations:' of databases "
                    + String.join(", ", matches.stream().map(t -> t.database().id().value()).toList())
                    + "; choose one with --database ID or --database-url URL");
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " is not listed under 'migrations:' of "
                    + where(databases) + " in the inventory " + inventoryFile + ", so it may not be migrated. Add it "
                    + "to that database's entry, e.g. 'migrations: [{ name: " + table + ", partitionKey: created_at }]'"
                    + " (partitionKey: the date or timestamp column to partition by); executor-service must read"
                    + " the same inventory. Listed now: " + listed(databases));
        }
        return matches.get(0);
    }

    private static List<Target> everyListed(List<FleetDatabase> databases, Path inventoryFile) {
        List<Target> targets = new ArrayList<>();
        for (FleetDatabase database : databases) {
            database.migrations().forEach(m -> targets.add(new Target(database, m)));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no table is listed under 'migrations:' of " + where(databases)
                    + " in the inventory " + inventoryFile);
        }
        return targets;
    }

    private static String where(List<FleetDatabase> databases) {
        List<String> ids = databases.stream().map(d -> d.id().value()).toList();
        return ids.size() == 1 ? "database " + ids.get(0) : "any of the databases " + String.join(", ", ids);
    }

    private static String listed(List<FleetDatabase> databases) {
        List<String> names = new ArrayList<>();
        for (FleetDatabase database : databases) {
            database.migrations().forEach(m -> names.add(database.id() + "/" + m.table()));
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
