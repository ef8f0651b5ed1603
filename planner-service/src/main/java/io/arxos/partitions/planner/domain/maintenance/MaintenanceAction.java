package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionRange;
import java.time.LocalDateTime;

/** One thing the planner wants done to a table; each becomes one command. */
public sealed interface MaintenanceAction {

    Operation operation();

    /** One line for the audit trail and reports. */
    String reason();

    /** An action on one partition (everything but validation). */
    sealed interface PartitionChange extends MaintenanceAction {
        Identifier name();

        PartitionRange range();
    }

    /** Create the partition for {@code range}, moving {@code defaultRowsToMove} rows out of the default partition. */
    record CreatePartition(Identifier name, PartitionRange range, long defaultRowsToMove,
            String reason) implements PartitionChange {
        @Override
        public Operation operation() {
            return Operation.CREATE_PARTITION;
        }
    }

    /** Drop an expired partition. */
    record DropPartition(Identifier name, PartitionRange range, LocalDateTime cutoff, int ageMonths,
            String reason) implements PartitionChange {
        @Override
        public Operation operation() {
            return Operation.DROP_PARTITION;
        }
    }

    /** Detach an expired partition and keep it in the archive schema. */
    record DetachPartition(Identifier name, PartitionRange range, LocalDateTime cutoff, int ageMonths,
            Identifier archiveSchema, String reason) implements PartitionChange {
        @Override
        public Operation operation() {
            return Operation.DETACH_PARTITION;
        }
    }

    /** Validate the table after everything else in the run. */
    record ValidateTable(String reason) implements MaintenanceAction {
        @Override
        public Operation operation() {
            return Operation.VALIDATE_TABLE;
        }
    }
}
