package io.arxos.partitions.executor.kafka.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.events.MigrationCommand;
import io.arxos.partitions.events.MigrationOutcome;
import io.arxos.partitions.events.MigrationStep;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.executor.app.migration.MigrationRequest;
import io.arxos.partitions.executor.app.migration.MigrationResult;
import io.arxos.partitions.executor.kafka.ExecutorEnvelope;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Duration;
import java.time.Instant;

/** Maps migration commands to requests and results to outcome events. */
final class MigrationMapper {

    private MigrationMapper() {
    }

    /** @throws IllegalArgumentException naming the bad value (table, key, step, sizes) */
    static MigrationRequest request(MigrationCommand c) {
        if (c.getStep() == MigrationStep.UNKNOWN) {
            throw new IllegalArgumentException("unknown migration step");
        }
        if (c.getBatchSize() < 1 || c.getBatchSize() > 1_000_000) {
            throw new IllegalArgumentException("batch size " + c.getBatchSize() + " must be between 1 and 1000000");
        }
        if (c.getChunkSeconds() < 1 || c.getChunkSeconds() > 120) {
            throw new IllegalArgumentException("chunk of " + c.getChunkSeconds() + " s must be between 1 and 120");
        }
        if (c.getPremake() < 0 || c.getPremake() > 24) {
            throw new IllegalArgumentException("premake " + c.getPremake() + " must be between 0 and 24");
        }
        return new MigrationRequest(c.getEnvelope().getRunId(), c.getCommandId(), CoreTypes.tableKey(c.getTable()),
                MigrationRequest.Step.valueOf(c.getStep().name()), Identifier.of(c.getPartitionKey()), c.getPremake(),
                c.getBatchSize(), Duration.ofMillis(Math.max(0, c.getBatchPauseMillis())),
                Duration.ofSeconds(c.getChunkSeconds()), c.getDryRun());
    }

    static MigrationOutcome outcome(MigrationCommand c, MigrationResult r, Instant at) {
        return MigrationOutcome.newBuilder()
                .setEnvelope(ExecutorEnvelope.answering(c.getEnvelope().getRunId(), at))
                .setCommandId(c.getCommandId())
                .setTable(c.getTable())
                .setStep(c.getStep())
                .setStatus(OutcomeStatus.valueOf(r.status().name()))
                .setPhase(r.phase().label())
                .setMessage(r.message())
                .setStatements(r.statements())
                .setRowsCopied(r.rowsCopied())
                .setRowsEstimated(r.rowsEstimated())
                .setCopyDone(r.copyDone())
                .setRowsPerSecond(r.rowsPerSecond())
                .setBlockedMillis(r.blocked().toMillis())
                .setMonths(r.months().stream().map(m -> new io.arxos.partitions.events.MonthComparison(m.month(),
                        m.sourceRows(), m.targetRows(), m.sourceChecksum(), m.targetChecksum())).toList())
                .setDifferences(r.differences())
                .setDurationMillis(r.duration().toMillis())
                .build();
    }

    /** A command that cannot be honoured as sent still gets an outcome saying why. */
    static MigrationOutcome rejected(MigrationCommand c, String why, Instant at) {
        return MigrationOutcome.newBuilder()
                .setEnvelope(ExecutorEnvelope.answering(c.getEnvelope().getRunId(), at))
                .setCommandId(c.getCommandId())
                .setTable(c.getTable())
                .setStep(c.getStep())
                .setStatus(OutcomeStatus.REJECTED)
                .setPhase("none")
                .setMessage(why)
                .setStatements(java.util.List.of())
                .build();
    }
}
