package io.arxos.partitions.cli.migration;

import io.arxos.partitions.cli.run.ConnectionOptions;
import io.arxos.partitions.cli.run.FleetScope;
import io.arxos.partitions.inventory.InventoryLoader;
import java.util.List;

/** The migration commands' reading of {@link FleetScope}: only tables listed under 'migrations:' qualify. */
final class MigrationSelection {

    private MigrationSelection() {
    }

    /** The tables to work on, from the inventory; with {@code allWhenNone}, no --table means every listed one. */
    static List<MigrationTargets.Target> resolve(FleetScope scope, ConnectionOptions connection, boolean allWhenNone) {
        return MigrationTargets.resolve(new InventoryLoader().load(connection.inventory()), connection.inventory(),
                scope.databaseUrls(), scope.databaseIds(), scope.tables(), allWhenNone);
    }
}
