package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.executor.domain.migration.MigrationSql;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import java.util.List;
import java.util.Optional;

/** The original table as the migration recorded it when it started (after the swap its name is taken). */
final class RecordedTable {

    private RecordedTable() {
    }

    static SourceTable of(MigrationState s, Identifier partitionKey) {
        return new SourceTable(s.names().source(), true, false, partitionKey, Optional.empty(),
                List.of(s.primaryKey()), s.primaryKeyType(), 0, Optional.empty(), List.of(), List.of(), List.of(),
                List.of(),
                s.sequences(), s.identityColumns(), Optional.empty(), List.of(), 0, s.rowsEstimated());
    }

    /** The renderer for a migration already started, from its recorded keys (the original may be renamed by now). */
    static MigrationSql sql(MigrationState s, Identifier partitionKey) {
        return new MigrationSql(of(s, partitionKey), s.names());
    }
}
