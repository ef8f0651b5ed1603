package io.arxos.partitions.planner.domain.benchmark;

import io.arxos.partitions.core.DatabaseId;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import java.util.List;
import java.util.Map;

/** Reads, for the tables of one database, what their benchmarks compare and what their queries are built from. */
public interface BenchmarkCatalog {

    /** A table the inventory knows (managed, or listed for migration), its partition key and what to compare with. */
    record Subject(TableRef table, Identifier partitionKey, Baseline baseline) {
    }

    /** What a table's benchmark will compare, or why it has none. */
    sealed interface Candidate {
    }

    /** The relations compared and the shape its queries are built from. */
    record Found(Relations.Compared relations, BenchmarkShape shape) implements Candidate {
    }

    /** Why the table is left out. */
    record Skipped(String reason) implements Candidate {
    }

    /** One candidate per subject; a database that cannot be read throws. */
    Map<TableRef, Candidate> read(DatabaseId database, List<Subject> subjects);
}
