package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.MigrationNames;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import java.util.Optional;

/** One row of the migrations table: which migration, its phase, and how far the copy got. */
public record MigrationState(String migrationId, MigrationPhase phase, String partitionKey, String primaryKey,
        String primaryKeyType, MigrationNames names, java.util.List<SourceTable.SequenceUse> sequences,
        Optional<String> lastKey, long rowsCopied, long rowsEstimated) {
}
