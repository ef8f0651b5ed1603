package io.arxos.partitions.planner.domain.maintenance;

import io.arxos.partitions.core.CommandId;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.core.validation.Finding;
import io.arxos.partitions.core.validation.PartitionValidator;
import io.arxos.partitions.core.validation.ValidationSnapshot;
import io.arxos.partitions.core.validation.ValidationSnapshot.PartitionInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table validated from the planner's own catalog read. When a run changes nothing in a table, that read is exactly
 * what the executor's validation would read, so the same rules ({@link PartitionValidator}) run here instead: an
 * idle table then costs one row in set-based queries, not a command with its own connection and transactions.
 *
 * @param commandId the id its validate command would have had, so reports and alerts name it alike
 */
public record TableValidation(CommandId commandId, List<Finding> findings, List<PartitionInfo> partitions) {

    public TableValidation {
        findings = List.copyOf(findings);
        partitions = List.copyOf(partitions);
    }

    public static TableValidation of(CommandId commandId, TablePolicy policy, CatalogEntry.Found entry, Instant now) {
        DefaultPartitionRows defaults = entry.snapshot().defaultRows();
        // the default partition's rows were counted (by month) for planning: exact, unlike the statistics
        List<PartitionInfo> partitions = entry.stats().stream()
                .map(s -> new PartitionInfo(s.name(), s.range(), s.isDefault() ? defaults.total() : s.liveRows(),
                        s.sizeBytes())).toList();
        IndexFacts indexes = entry.indexes();
        Map<String, Set<String>> attached = new HashMap<>();
        for (PartitionInfo p : partitions) {
            Set<String> carried = new HashSet<>(indexes.parentIndexes());
            carried.removeAll(indexes.missingByPartition().getOrDefault(p.name(), Set.of()));
            attached.put(p.name(), carried);
        }
        ValidationSnapshot snapshot = new ValidationSnapshot(partitions, indexes.parentIndexes(), attached,
                indexes.partitionOnly(), defaults.byMonth(), defaults.nullKeyRows());
        return new TableValidation(commandId, PartitionValidator.validate(policy, snapshot, now), partitions);
    }
}
