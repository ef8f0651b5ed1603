package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionRange;

/** A decoded, well-formed command; whether it may run is the {@link CommandGuard}'s decision. */
public sealed interface ExecutorCommand {

    CommandHeader header();

    Operation operation();

    /** A command on one partition: create, drop or detach. */
    sealed interface PartitionCommand extends ExecutorCommand {
        Identifier partition();

        PartitionRange range();

        KeyType keyType();
    }

    /** Create a partition for {@code range}, moving matching rows out of the default partition. */
    record CreatePartition(CommandHeader header, Identifier partition, PartitionRange range,
            KeyType keyType) implements PartitionCommand {
        @Override
        public Operation operation() {
            return Operation.CREATE_PARTITION;
        }
    }

    /** Drop an expired partition. */
    record DropPartition(CommandHeader header, Identifier partition, PartitionRange range,
            KeyType keyType) implements PartitionCommand {
        @Override
        public Operation operation() {
            return Operation.DROP_PARTITION;
        }
    }

    /** Detach an expired partition and move it to {@code archiveSchema}. */
    record DetachPartition(CommandHeader header, Identifier partition, PartitionRange range, KeyType keyType,
            Identifier archiveSchema) implements PartitionCommand {
        @Override
        public Operation operation() {
            return Operation.DETACH_PARTITION;
        }
    }

    /** Validate the table's partitions and list their sizes. */
    record ValidateTable(CommandHeader header) implements ExecutorCommand {
        @Override
        public Operation operation() {
            return Operation.VALIDATE_TABLE;
        }
    }
}
