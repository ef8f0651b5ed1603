package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.executor.domain.migration.MigrationSql;
import io.arxos.partitions.executor.domain.migration.SourceTable;
import java.util.List;

/** The original table as the migration recorded it when it started (after the swap its name is taken). */
final class RecordedTable {

    private RecordedTable() {
    }

    static SourceTable of(MigrationState s, Identifier partitionKey) {
        return SourceTable.builder(s.names().source(), partitionKey).primaryKey(List.of(s.primaryKey()),
                s.primaryKeyType()).sequences(s.sequences(), s.identityColumns()).size(0, s.rowsEstimated()).build();
    }

    /** The renderer for a migration already started, from its recorded keys (the original may be renamed by now). */
    static MigrationSql sql(MigrationState s, Identifier partitionKey) {
        return new MigrationSql(of(s, partitionKey), s.names());
    }
}
