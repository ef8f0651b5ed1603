package io.arxos.partitions.executor.kafka.maintenance;

import io.arxos.partitions.events.CommandOutcome;
import io.arxos.partitions.events.CreatePartition;
import io.arxos.partitions.events.DetachPartition;
import io.arxos.partitions.events.DropPartition;
import io.arxos.partitions.events.OutcomeStatus;
import io.arxos.partitions.events.PartitionBounds;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.executor.domain.maintenance.Outcome;
import io.arxos.partitions.executor.kafka.ExecutorEnvelope;
import io.arxos.partitions.schemas.CoreTypes;
import java.time.Instant;

/** Maps an outcome to its event, copying table, operation and partition from the command it answers. */
public final class OutcomeMapper {

    private OutcomeMapper() {
    }

    static CommandOutcome toEvent(PartitionCommand command, Outcome outcome, Instant at) {
        Target target = Target.of(command.getPayload());
        return CommandOutcome.newBuilder()
                .setEnvelope(ExecutorEnvelope.answering(command.getEnvelope().getRunId(), at))
                .setCommandId(command.getCommandId())
                .setTable(command.getTable())
                .setOperation(command.getOperation())
                .setPartitionName(target.partition())
                .setBounds(target.bounds())
                .setStatus(OutcomeStatus.valueOf(outcome.status().name()))
                .setDryRun(command.getDryRun())
                .setSqlStatements(outcome.sql())
                .setDurationMillis(outcome.durationMillis())
                .setAttempts(outcome.attempts())
                .setRowsMoved(outcome.rowsMoved())
                .setDetail(outcome.detail().orElse(null))
                .setErrorClass(outcome.errorClass().orElse(null))
                .setSqlState(outcome.sqlState().orElse(null))
                .setErrorMessage(outcome.errorMessage().orElse(null))
                .setFindings(outcome.findings().stream().map(CoreTypes::finding).toList())
                .setPartitions(outcome.partitions().stream().map(CoreTypes::partitionSize).toList())
                .build();
    }

    /** The partition a command is about, if any (validation is about the whole table). */
    private record Target(String partition, PartitionBounds bounds) {
        static Target of(Object payload) {
            if (payload instanceof CreatePartition p) {
                return new Target(p.getPartitionName(), p.getBounds());
            }
            if (payload instanceof DropPartition p) {
                return new Target(p.getPartitionName(), p.getBounds());
            }
            if (payload instanceof DetachPartition p) {
                return new Target(p.getPartitionName(), p.getBounds());
            }
            return new Target(null, null);
        }
    }
}
