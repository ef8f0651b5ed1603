package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.TableKey;
import java.util.Objects;

/** What every command carries: its id, the run it belongs to, the table, why it was issued, and dry-run. */
public record CommandHeader(CommandId id, String runId, TableKey table, String reason, boolean dryRun) {
    public CommandHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(table, "table");
        reason = reason == null ? "" : reason;
    }
}
