package io.arxos.partitions.cli.run;

import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetInventory;
import io.arxos.partitions.inventory.InventoryLoader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --database}, {@code --database-url} and {@code --table}: which part of the fleet a command works on. */
public final class FleetScope {

    @Option(names = "--database", paramLabel = "ID", description = "Only the inventory database with this id "
            + "(repeatable). Default: every database the command applies to.")
    List<String> databaseIds = new ArrayList<>();

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "Only the inventory database with this URL (repeatable).")
    List<String> databaseUrls = new ArrayList<>();

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "Only this table (repeatable). Default: "
            + "every table the command applies to.")
    List<String> tables = new ArrayList<>();

    /** The inventory ids asked for; empty means the whole fleet. Unknown ones are refused with advice. */
    public List<String> databases(ConnectionOptions connection) {
        if (databaseUrls.isEmpty() && databaseIds.isEmpty()) {
            return List.of();
        }
        FleetInventory inventory = new InventoryLoader().load(connection.inventory());
        return DatabaseSelection.resolve(inventory, connection.inventory(), databaseUrls, databaseIds);
    }

    /**
     * The tables asked for, each checked against the inventory: it must be managed (or, with
     * {@code migrationsToo}, a listed migration) in one of the selected databases; otherwise the command is refused
     * naming the table and what the inventory has, rather than planning nothing and succeeding.
     */
    public List<String> inventoryTables(ConnectionOptions connection, boolean migrationsToo) {
        List<TableRef> refs = tableRefs();
        if (refs.isEmpty()) {
            return List.of();
        }
        FleetInventory inventory = new InventoryLoader().load(connection.inventory());
        List<String> ids = databases(connection);
        List<io.arxos.partitions.inventory.FleetDatabase> selected = ids.isEmpty() ? inventory.databases()
                : inventory.select(ids);
        for (TableRef ref : refs) {
            boolean known = selected.stream().anyMatch(d -> d.policy(ref).isPresent()
                    || (migrationsToo && d.migration(ref).isPresent()));
            if (!known) {
                List<String> managed = selected.stream().flatMap(d -> d.tables().stream().map(t -> t.table()
                        .toString())).distinct().sorted().limit(12).toList();
                throw new IllegalArgumentException("--table " + ref + " is not a managed table"
                        + (migrationsToo ? " or listed migration" : "") + " of " + (ids.isEmpty() ? "any database"
                                : "database(s) " + String.join(", ", ids))
                        + " in " + connection.inventory() + " (managed there: " + String.join(", ", managed) + ")");
            }
        }
        return refs.stream().map(TableRef::toString).toList();
    }

    /** The tables asked for, each refused (naming it and why) unless it is schema.table of plain identifiers. */
    public List<String> tables() {
        return tableRefs().stream().map(TableRef::toString).toList();
    }

    /** The same, parsed. */
    public List<TableRef> tableRefs() {
        List<TableRef> refs = new ArrayList<>();
        for (String text : tables) {
            try {
                refs.add(TableRef.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--table '" + text + "': " + e.getMessage());
            }
        }
        return refs;
    }

    public List<String> databaseIds() {
        return List.copyOf(databaseIds);
    }

    public List<String> databaseUrls() {
        return List.copyOf(databaseUrls);
    }
}
