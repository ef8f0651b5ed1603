package io.arxos.partitions.executor.domain.maintenance;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.Operation;
import io.arxos.partitions.core.PartitionInterval;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TableKey;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Test builders for executor commands, policies and table states. */
final class Commands {

    static final TableKey AUDIT = TableKey.parse("arxos/public.audit_logs");

    private Commands() {
    }

    static TablePolicy policy(RetentionAction action) {
        return new TablePolicy(TableRef.parse("public.audit_logs"), Identifier.of("created_at"),
                PartitionInterval.MONTHLY, 3, 12, action, Identifier.of("partition_archive"));
    }

    static CommandHeader header(Operation op, PartitionRange range) {
        return new CommandHeader(CommandId.forChange(AUDIT, op, range), "run-1", AUDIT, "test", false);
    }

    static ExecutorCommand.CreatePartition create(String month) {
        PartitionRange range = PartitionRange.ofMonth(YearMonth.parse(month));
        return new ExecutorCommand.CreatePartition(header(Operation.CREATE_PARTITION, range),
                Identifier.of("audit_logs_p" + month.replace('-', '_')), range, KeyType.TIMESTAMPTZ);
    }

    static ExecutorCommand.DropPartition drop(String name, PartitionRange range) {
        return new ExecutorCommand.DropPartition(header(Operation.DROP_PARTITION, range), Identifier.of(name), range,
                KeyType.TIMESTAMPTZ);
    }

    static ExecutorCommand.DetachPartition detach(String name, PartitionRange range, String archive) {
        return new ExecutorCommand.DetachPartition(header(Operation.DETACH_PARTITION, range), Identifier.of(name),
                range, KeyType.TIMESTAMPTZ, Identifier.of(archive));
    }

    static TableState.Child month(String month) {
        return new TableState.Child("audit_logs_p" + month.replace('-', '_'), "public",
                Optional.of(PartitionRange.ofMonth(YearMonth.parse(month))));
    }

    static TableState.Child defaultPartition() {
        return new TableState.Child("audit_logs_p_default", "public", Optional.empty());
    }

    static TableState state(List<TableState.Child> children, long defaultRows) {
        return new TableState(KeyType.TIMESTAMPTZ, children, List.of("id", "user_id", "created_at"), Optional.empty(),
                defaultRows, TableState.ConstraintState.ABSENT, false);
    }
}
