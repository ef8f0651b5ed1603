package io.arxos.partitions.inventory;

import io.arxos.partitions.core.TableRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the inventory says about one table's query benchmark: the baseline to compare with when a request names
 * none ({@code copy}, {@code pruning-off} or a schema.table), and named queries run besides the generated ones.
 */
public record BenchmarkEntry(TableRef table, Optional<String> baseline, List<NamedQuery> queries) {

    public BenchmarkEntry {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(baseline, "baseline");
        queries = List.copyOf(queries);
    }

    /** A query the DBA wants measured: a name and a SELECT with {@code {relation}} where the relation goes. */
    public record NamedQuery(String name, String sql) {
    }
}
