package io.arxos.partitions.cli.migration;

import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationStep;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Clock;
import java.util.Locale;

/** Builds the commands of one partctl invocation: the shared settings, the envelope and a command id per step. */
final class MigrationCommands {

    /**
     * What every command of the invocation carries. {@code attempt} tells this invocation's checks and dry runs apart
     * from earlier ones.
     */
    record Settings(String migrationId, int premake, int batchSize, int batchPauseMillis, int chunkSeconds,
            String requestedBy, String attempt) {
    }

    private final Settings settings;
    private final Clock clock;

    MigrationCommands(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    String migrationId() {
        return settings.migrationId();
    }

    /** The command for {@code step}; {@code chunk} numbers COPY commands from 1 and is ignored for other steps. */
    MigrationCommand command(MigrationTargets.Target target, MigrationStep step, int chunk, boolean dryRun) {
        TableKey key = target.key();
        return MigrationCommand.newBuilder()
                .setEnvelope(CoreTypes.envelope(settings.migrationId(), "partctl", clock.instant()))
                .setCommandId(commandId(key, step, chunk, dryRun))
                .setTable(CoreTypes.tableId(key))
                .setStep(step)
                .setPartitionKey(target.partitionKey())
                .setPremake(settings.premake())
                .setBatchSize(settings.batchSize())
                .setBatchPauseMillis(settings.batchPauseMillis())
                .setChunkSeconds(settings.chunkSeconds())
                .setDryRun(dryRun)
                .setRequestedBy(settings.requestedBy())
                .build();
    }

    /**
     * {@code migrate_<step>:<db>/<schema>.<table>:<migration>}, plus {@code :<n>} for COPY. Steps that change the
     * table keep this deterministic id, so a re-sent command is recognised by the executor; checks (VERIFY, STATUS)
     * and dry runs add {@code :check-<attempt>} or {@code :dry-run-<attempt>} because they must be answered afresh.
     */
    String commandId(TableKey key, MigrationStep step, int chunk, boolean dryRun) {
        String id = "migrate_" + step.name().toLowerCase(Locale.ROOT) + ":" + key.messageKey() + ":"
                + settings.migrationId();
        if (dryRun) {
            return id + ":dry-run-" + settings.attempt();
        }
        if (step == MigrationStep.VERIFY || step == MigrationStep.STATUS) {
            return id + ":check-" + settings.attempt();
        }
        return step == MigrationStep.COPY ? id + ":" + chunk : id;
    }
}
