package io.arxos.partitions.executor.kafka.maintenance;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.events.CreatePartition;
import io.arxos.partitions.events.DetachPartition;
import io.arxos.partitions.events.DropPartition;
import io.arxos.partitions.events.PartitionBounds;
import io.arxos.partitions.events.PartitionCommand;
import io.arxos.partitions.events.PartitionKeyType;
import io.arxos.partitions.events.ValidateTable;
import io.arxos.partitions.executor.domain.maintenance.CommandHeader;
import io.arxos.partitions.executor.domain.maintenance.ExecutorCommand;
import io.arxos.partitions.schemas.CoreTypes;

/**
 * Turns a decoded command event into a domain command, validating every identifier and bound on the way. A command
 * that decodes but does not validate becomes a rejected outcome (not a dead letter), so the run still completes.
 */
final class CommandMapper {

    private CommandMapper() {
    }

    /** Thrown with a message naming the bad value. */
    static final class InvalidCommand extends Exception {
        InvalidCommand(String message) {
            super(message);
        }
    }

    static ExecutorCommand toDomain(String messageKey, PartitionCommand event) throws InvalidCommand {
        try {
            TableKey table = CoreTypes.tableKey(event.getTable());
            if (!table.messageKey().equals(messageKey)) {
                throw new InvalidCommand("message key '" + messageKey + "' does not match the command's table "
                        + table.messageKey());
            }
            Operation operation = CoreTypes.operation(event.getOperation());
            CommandHeader header = new CommandHeader(new CommandId(event.getCommandId()),
                    event.getEnvelope().getRunId(), table, event.getReason(), event.getDryRun());
            Object payload = event.getPayload();
            ExecutorCommand command = switch (operation) {
                case CREATE_PARTITION -> {
                    CreatePartition p = expect(payload, CreatePartition.class, operation);
                    yield new ExecutorCommand.CreatePartition(header, Identifier.of(p.getPartitionName()),
                            range(p.getBounds()), keyType(p.getKeyType()));
                }
                case DROP_PARTITION -> {
                    DropPartition p = expect(payload, DropPartition.class, operation);
                    yield new ExecutorCommand.DropPartition(header, Identifier.of(p.getPartitionName()),
                            range(p.getBounds()), keyType(p.getKeyType()));
                }
                case DETACH_PARTITION -> {
                    DetachPartition p = expect(payload, DetachPartition.class, operation);
                    yield new ExecutorCommand.DetachPartition(header, Identifier.of(p.getPartitionName()),
                            range(p.getBounds()), keyType(p.getKeyType()), Identifier.of(p.getArchiveSchema()));
                }
                case VALIDATE_TABLE -> {
                    expect(payload, ValidateTable.class, operation);
                    yield new ExecutorCommand.ValidateTable(header);
                }
            };
            return command;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCommand(e.getMessage());
        }
    }

    private static <T> T expect(Object payload, Class<T> type, Operation operation) throws InvalidCommand {
        if (!type.isInstance(payload)) {
            throw new InvalidCommand("operation " + operation.label() + " carries a "
                    + (payload == null ? "null" : payload.getClass().getSimpleName()) + " payload");
        }
        return type.cast(payload);
    }

    private static PartitionRange range(PartitionBounds bounds) {
        return CoreTypes.range(bounds);
    }

    private static KeyType keyType(PartitionKeyType type) {
        return CoreTypes.keyType(type);
    }
}
