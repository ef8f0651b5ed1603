package io.arxos.partitions.executor.kafka.migration;

import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.executor.app.migration.MigrationResult;
import io.arxos.partitions.executor.app.migration.RunMigrationStep;
import io.arxos.partitions.executor.kafka.SerialCommandConsumer;
import io.arxos.partitions.schemas.KafkaSettings;
import io.arxos.partitions.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs migration commands one at a time; a crash re-runs the command, which every phase recognises from its
 * recorded state. Phases are short by design (a copy command works for one chunk), so one thread serves every
 * table.
 */
public final class MigrationCommandConsumer extends SerialCommandConsumer<MigrationCommand, MigrationOutcome> {

    private static final Logger LOG = Logger.getLogger(MigrationCommandConsumer.class);

    private final RunMigrationStep steps;
    private final Clock clock;

    public MigrationCommandConsumer(KafkaSettings settings, RunMigrationStep steps, Clock clock) {
        // a copy chunk is seconds, a swap waits for locks with retries: leave room for both
        super("migration commands", settings, "executor-service-migrations", Topics.MIGRATION_COMMANDS,
                Topics.MIGRATION_OUTCOMES, Duration.ofMinutes(15));
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    protected MigrationOutcome answer(MigrationCommand command) {
        try {
            var request = MigrationMapper.request(command);
            MigrationResult result = steps.run(request);
            LOG.infof("migration %s %s of %s: %s (%s)", request.migrationId(), request.step(), request.table(),
                    result.status(), result.message());
            return MigrationMapper.outcome(command, result, clock.instant());
        } catch (IllegalArgumentException e) {
            return MigrationMapper.rejected(command, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf(e, "migration command %s failed unexpectedly", command.getCommandId());
            MigrationOutcome outcome = MigrationMapper.rejected(command, "internal error: " + e.getMessage(),
                    clock.instant());
            outcome.setStatus(OutcomeStatus.FAILED);
            return outcome;
        }
    }
}
