package io.arxos.partitions.planner.domain.benchmark;

import io.arxos.partitions.core.BenchmarkScratch;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the two relations a table's benchmark compares, from what exists: {@code <t>_partitioned} next to a plain
 * {@code <t>} is a migration between prepare and swap (the original is the baseline); a partitioned {@code <t>} next
 * to {@code <t>_backup} is a swapped migration (the backup is the baseline); a named baseline or pruning-off compare
 * with the partitioned {@code <t>}; a copy is the executor's to make (see {@code BenchmarkScratch}). Both sides hold the same rows by construction only in the migration cases, which
 * is why the executor also checks the results.
 */
public final class Relations {

    /** What a relation is: a plain table, a partitioned table, or nothing. */
    public enum Kind {
        PLAIN, PARTITIONED, ABSENT
    }

    /** The chosen relations, or why there are none. */
    public sealed interface Choice {
    }

    public record Compared(TableRef before, TableRef after, String baseline) implements Choice {
    }

    public record NoBaseline(String reason) implements Choice {
    }

    private Relations() {
    }

    /** @param kinds what each name the choice may use is (missing names count as absent) */
    public static Choice choose(TableRef table, Baseline baseline, Map<TableRef, Kind> kinds) {
        Kind kind = kinds.getOrDefault(table, Kind.ABSENT);
        TableRef partitionedTwin = twin(table, "_partitioned");
        TableRef backup = twin(table, "_backup");
        if (baseline instanceof Baseline.PruningOff) {
            return kind == Kind.PARTITIONED ? new Compared(table, table, "pruning-off")
                    : new NoBaseline(table + " is not partitioned: nothing to prune");
        }
        if (baseline instanceof Baseline.Copy) {
            return kind == Kind.PARTITIONED ? new Compared(BenchmarkScratch.copyOf(table), table, "copy")
                    : new NoBaseline(table + " is not partitioned: a copy of it would compare it with itself");
        }
        if (baseline instanceof Baseline.Named named) {
            if (kind != Kind.PARTITIONED) {
                return new NoBaseline(table + " is not partitioned; benchmark the partitioned table against "
                        + named.table());
            }
            return kinds.getOrDefault(named.table(), Kind.ABSENT) == Kind.ABSENT
                    ? new NoBaseline("baseline " + named.table() + " does not exist")
                    : new Compared(named.table(), table, "named");
        }
        if (kind == Kind.PLAIN && kinds.getOrDefault(partitionedTwin, Kind.ABSENT) == Kind.PARTITIONED) {
            return new Compared(table, partitionedTwin, "migration-original");
        }
        if (kind == Kind.PARTITIONED && kinds.getOrDefault(backup, Kind.ABSENT) == Kind.PLAIN) {
            return new Compared(backup, table, "migration-backup");
        }
        return new NoBaseline(table + " has no unpartitioned twin (no migration between prepare and finalize): "
                + "name one with --baseline schema.table, compare with a copy with --baseline copy, or measure pruning alone "
                + "with --baseline pruning-off");
    }

    /** The names {@link #choose} looks at. */
    public static Optional<TableRef> twinName(TableRef table, String suffix) {
        return Identifier.isPlain(table.table().value() + suffix) ? Optional.of(twin(table, suffix))
                : Optional.empty();
    }

    private static TableRef twin(TableRef table, String suffix) {
        String name = table.table().value() + suffix;
        return Identifier.isPlain(name) ? table.sibling(Identifier.of(name)) : table;
    }
}
