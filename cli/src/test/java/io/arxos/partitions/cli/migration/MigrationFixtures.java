package io.arxos.partitions.cli.migration;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.MigrationStep;
import io.arxos.partitions.events.MonthComparison;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.inventory.FleetDatabase;
import io.arxos.partitions.inventory.MigrationTarget;
import io.arxos.partitions.inventory.PasswordSource;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Targets, commands and executor outcomes for the migration tests, built without Kafka. */
final class MigrationFixtures {

    static final Instant NOW = Instant.parse("2026-11-25T13:24:33Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private MigrationFixtures() {
    }

    static MigrationTargets.Target target(String table) {
        FleetDatabase database = new FleetDatabase(DatabaseId.of("arxos"), "jdbc:postgresql://127.0.0.1:5432/arxos",
                "partman", new PasswordSource.None(), List.of(),
                List.of(new MigrationTarget(TableRef.parse(table), Identifier.of("created_at"))));
        return new MigrationTargets.Target(database, database.migrations().get(0));
    }

    static MigrationCommands commands(String migrationId) {
        return new MigrationCommands(new MigrationCommands.Settings(migrationId, 2, 10_000, 0, 5, "partctl@test",
                "a1b2c3d4"), CLOCK);
    }

    /** An outcome answering {@code command}, with the copy and verify fields at their defaults. */
    static MigrationOutcome.Builder answer(MigrationCommand command, OutcomeStatus status, String phase,
            String message) {
        return MigrationOutcome.newBuilder()
                .setEnvelope(CoreTypes.envelope(command.getEnvelope().getRunId(), "executor-service", NOW))
                .setCommandId(command.getCommandId())
                .setTable(command.getTable())
                .setStep(command.getStep())
                .setStatus(status)
                .setPhase(phase)
                .setMessage(message)
                .setStatements(List.of());
    }

    /** An outcome for {@code step} of {@code table} in migration m-1, as a report test needs it. */
    static MigrationOutcome.Builder outcome(String table, MigrationStep step, OutcomeStatus status, String phase,
            String message) {
        return answer(commands("m-1").command(target(table), step, 1, false), status, phase, message);
    }

    static MonthComparison month(String month, long source, long target, String sourceSum, String targetSum) {
        return MonthComparison.newBuilder().setMonth(month).setSourceRows(source).setTargetRows(target)
                .setSourceChecksum(sourceSum).setTargetChecksum(targetSum).build();
    }
}
