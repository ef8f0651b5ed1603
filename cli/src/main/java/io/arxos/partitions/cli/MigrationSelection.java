package io.arxos.partitions.cli;

import io.arxos.partitions.inventory.InventoryLoader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --table}, {@code --database} and {@code --database-url} of the migration commands. */
public final class MigrationSelection {

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "A table listed under 'migrations:' in "
            + "the inventory (repeatable); tables are handled one after the other.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--database", paramLabel = "ID", description = "The inventory database (repeatable). Default: "
            + "the only database that lists the table under 'migrations:'.")
    List<String> databaseIds = new ArrayList<>();

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "The inventory database with this URL (repeatable), instead of --database.")
    List<String> databaseUrls = new ArrayList<>();

    /** The tables to work on, from the inventory; with {@code allWhenNone}, no --table means every listed one. */
    List<MigrationTargets.Target> resolve(ConnectionOptions connection, boolean allWhenNone) {
        return MigrationTargets.resolve(new InventoryLoader().load(connection.inventory), connection.inventory,
                databaseUrls, databaseIds, tables, allWhenNone);
    }
}
