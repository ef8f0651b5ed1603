package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.executor.domain.migration.MigrationNames;
import io.arxos.partitions.executor.domain.migration.MigrationPhase;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import java.util.List;
import java.util.Optional;

/**
 * One row of the migrations table: which migration, its phase, and how far the copy got ({@code copyUntil}: the
 * highest key when capture began, where the copy ends).
 */
public record MigrationState(String migrationId, MigrationPhase phase, String partitionKey, String primaryKey,
        String primaryKeyType, MigrationNames names, List<SourceTable.SequenceUse> sequences,
        List<Identifier> identityColumns, Optional<String> lastKey, Optional<String> copyUntil, long rowsCopied,
        long rowsEstimated) {

    public MigrationState {
        sequences = List.copyOf(sequences);
        identityColumns = List.copyOf(identityColumns);
    }
}
