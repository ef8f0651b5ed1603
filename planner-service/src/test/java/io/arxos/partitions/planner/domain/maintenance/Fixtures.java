package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionInterval;
import io.arxos.partitions.core.PartitionNaming;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.RetentionAction;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.TableRef;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders that keep planner tests short: {@code aPolicy().premake(3).retention(12)}, {@code aTable().months(...)}. */
final class Fixtures {

    private Fixtures() {
    }

    static PolicyBuilder aPolicy() {
        return new PolicyBuilder();
    }

    static SnapshotBuilder aTable() {
        return new SnapshotBuilder();
    }

    static final class PolicyBuilder {
        private int premake = 3;
        private int retention = 12;
        private RetentionAction action = RetentionAction.DROP;

        PolicyBuilder premake(int months) {
            premake = months;
            return this;
        }

        PolicyBuilder retention(int months) {
            retention = months;
            return this;
        }

        PolicyBuilder detaching() {
            action = RetentionAction.DETACH;
            return this;
        }

        TablePolicy build() {
            return new TablePolicy(TableRef.parse("public.audit_logs"), Identifier.of("created_at"),
                    PartitionInterval.MONTHLY, premake, retention, action, Identifier.of("partition_archive"));
        }
    }

    static final class SnapshotBuilder {
        private final List<ExistingPartition> partitions = new ArrayList<>();
        private boolean withDefault = true;
        private final Map<YearMonth, Long> defaultRows = new HashMap<>();
        private long nullRows;

        SnapshotBuilder months(String... months) {
            for (String m : months) {
                YearMonth month = YearMonth.parse(m);
                partitions.add(new ExistingPartition(
                        PartitionNaming.monthly(Identifier.of("audit_logs"), month).value(), PartitionRange.ofMonth(
                                month)));
            }
            return this;
        }

        SnapshotBuilder monthRange(String first, String last) {
            for (YearMonth m = YearMonth.parse(first); !m.isAfter(YearMonth.parse(last)); m = m.plusMonths(1)) {
                months(m.toString());
            }
            return this;
        }

        SnapshotBuilder partition(String name, String from, String to) {
            partitions.add(new ExistingPartition(name, new PartitionRange(
                    from == null ? LocalDateTime.MIN : LocalDateTime.parse(from),
                    to == null ? LocalDateTime.MAX : LocalDateTime.parse(to))));
            return this;
        }

        SnapshotBuilder withoutDefault() {
            withDefault = false;
            return this;
        }

        SnapshotBuilder defaultRows(String month, long rows) {
            defaultRows.put(YearMonth.parse(month), rows);
            return this;
        }

        SnapshotBuilder nullKeyRows(long rows) {
            nullRows = rows;
            return this;
        }

        TableSnapshot build() {
            return new TableSnapshot(KeyType.TIMESTAMPTZ, partitions,
                    withDefault ? Optional.of("audit_logs_p_default") : Optional.empty(),
                    new DefaultPartitionRows(defaultRows, nullRows));
        }
    }
}
