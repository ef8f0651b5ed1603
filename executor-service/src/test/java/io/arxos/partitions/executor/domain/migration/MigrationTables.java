package io.arxos.partitions.executor.domain.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.TableRef;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** A legacy audit log as the catalog would describe it, for the migration's unit tests. */
final class MigrationTables {

    private MigrationTables() {
    }

    static SourceTable auditLog() {
        return SourceTable.builder(TableRef.of("public", "audit_logs_legacy"), Identifier.of("created_at"))
                .keyType(Optional.of(KeyType.TIMESTAMPTZ)).primaryKey(List.of("id"), "bigint")
                .keyValues(0, Optional.of(YearMonth.of(2026, 10)))
                .indexes(List.of(new SourceTable.IndexShape(List.of(Identifier.of("user_id")), false, "btree"),
                        new SourceTable.IndexShape(List.of(Identifier.of("request_id")), true, "btree")), List.of())
                .foreignKeys(List.of("FOREIGN KEY (event_type_id) REFERENCES event_types(id)"), List.of())
                .sequences(List.of(new SourceTable.SequenceUse("audit_logs_legacy_id_seq", Identifier.of("id"))),
                        List.of())
                .access(Optional.empty(), List.of(new SourceTable.Grant("SELECT", "reporting")))
                .size(40L * 1024 * 1024, 120_000).build();
    }
}
