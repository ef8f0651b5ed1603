package io.arxos.partitions.executor.app.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableKey;
import java.time.Duration;

/** One migration command, as the use case needs it. */
public record MigrationRequest(String migrationId, String commandId, TableKey table, Step step, Identifier partitionKey,
        int premake, int batchSize, Duration batchPause, Duration chunk, boolean dryRun) {

    /** The phases a command can ask for. */
    public enum Step {
        PREPARE, CAPTURE, COPY, VERIFY, SWAP, FINALIZE, ROLLBACK, STATUS
    }
}
