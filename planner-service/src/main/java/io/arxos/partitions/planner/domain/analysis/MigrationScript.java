package io.arxos.partitions.planner.domain.analysis;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.PartitionNaming;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableRef;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of an offline migration to monthly partitions, in the order they run: prepare
 * {@code <table>_partitioned} with keys extended by the partition key, its indexes, monthly partitions from the oldest
 * month through premake and a default partition; copy month by month; verify counts; swap names in one short
 * transaction under lock_timeout. Writes must pause from the copy to the swap; online migration captures them.
 */
final class MigrationScript {

    private MigrationScript() {
    }

    static List<String> render(TableProfile table, TimeColumn key, int premake, YearMonth now, int maxPartitions) {
        TableRef source = table.table();
        TableRef target = source.sibling(suffixed(source.table(), "_partitioned"));
        TableRef backup = source.sibling(suffixed(source.table(), "_backup"));
        String column = QueryAdvice.quote(key.name().value());
        YearMonth first = key.rowsByMonth().isEmpty() ? now : key.rowsByMonth().firstKey();
        YearMonth earliestAllowed = now.minusMonths(maxPartitions);
        if (first.isBefore(earliestAllowed)) {
            first = earliestAllowed; // older outliers go to the default partition instead of a partition each
        }
        YearMonth last = now.plusMonths(premake);
        List<String> sql = new ArrayList<>();
        sql.add("-- 1. prepare: the partitioned table, keys extended by " + key.name() + ", indexes, partitions");
        sql.add("CREATE TABLE " + target.quoted() + " (LIKE " + source.quoted() + " INCLUDING DEFAULTS INCLUDING "
                + "CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS) "
                + "PARTITION BY RANGE (" + column + ");");
        for (KeyConstraint c : table.constraints()) {
            if (c.isKey()) {
                List<String> columns = new ArrayList<>(c.columns());
                if (!columns.contains(key.name().value())) {
                    columns.add(key.name().value());
                }
                sql.add("ALTER TABLE " + target.quoted() + " ADD " + (c.kind() == KeyConstraint.Kind.PRIMARY_KEY
                        ? "PRIMARY KEY" : "UNIQUE") + " (" + quoted(columns) + ");");
            }
        }
        for (IndexInfo index : table.indexes()) {
            boolean backsConstraint = table.constraints().stream()
                    .anyMatch(c -> c.isKey() && c.name().equals(index.name()));
            if (backsConstraint || index.onPartitionsOnly()) {
                continue;
            }
            if (index.predicate().isPresent() || !index.columns().stream().allMatch(MigrationScript::isColumn)) {
                sql.add("-- recreate by hand (expression or partial index): " + index.definition());
                continue;
            }
            List<String> columns = index.columns().stream().map(IndexInfo::unquote).collect(Collectors.toList());
            if (index.unique() && !columns.contains(key.name().value())) {
                columns.add(key.name().value());
            }
            sql.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX ON " + target.quoted() + " USING "
                    + index.method() + " (" + quoted(columns) + ");");
        }
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            TableRef partition = source.sibling(PartitionNaming.monthly(source.table(), month));
            sql.add("CREATE TABLE " + partition.quoted() + " PARTITION OF " + target.quoted() + " FOR VALUES "
                    + PartitionRange.ofMonth(month).render(key.type()) + ";");
        }
        sql.add("CREATE TABLE " + source.sibling(PartitionNaming.defaultPartition(source.table())).quoted()
                + " PARTITION OF " + target.quoted() + " DEFAULT;");

        sql.add("-- 2. copy, one month per transaction (writes to " + source + " paused from here to the swap)");
        sql.add("INSERT INTO " + target.quoted() + " SELECT * FROM " + source.quoted() + " WHERE " + column + " < "
                + key.type().literal(first.atDay(1).atStartOfDay()) + (key.notNull() ? "" : " OR " + column
                        + " IS NULL") + ";");
        for (YearMonth month = first; !month.isAfter(now); month = month.plusMonths(1)) {
            PartitionRange range = PartitionRange.ofMonth(month);
            sql.add("INSERT INTO " + target.quoted() + " SELECT * FROM " + source.quoted() + " WHERE " + column + " >= "
                    + key.type().literal(range.from()) + " AND " + column + " < " + key.type().literal(range.to())
                    + ";");
        }
        sql.add("INSERT INTO " + target.quoted() + " SELECT * FROM " + source.quoted() + " WHERE " + column + " >= "
                + key.type().literal(now.plusMonths(1).atDay(1).atStartOfDay()) + ";");

        sql.add("-- 3. verify: both counts must be equal");
        sql.add("SELECT (SELECT count(*) FROM " + source.quoted() + ") AS source_rows, (SELECT count(*) FROM "
                + target.quoted() + ") AS partitioned_rows;");

        sql.add("-- 4. swap in one short transaction; the original stays as " + backup.table());
        sql.add("BEGIN;");
        sql.add("SET LOCAL lock_timeout = '5s';");
        sql.add("ALTER TABLE " + source.quoted() + " RENAME TO " + backup.table().quoted() + ";");
        sql.add("ALTER TABLE " + target.quoted() + " RENAME TO " + source.table().quoted() + ";");
        for (OwnedSequence seq : table.sequences()) {
            if (seq.identity()) {
                sql.add("SELECT setval(pg_get_serial_sequence('" + source.quoted().replace("'", "''") + "', '"
                        + seq.column().value() + "'), (SELECT max(" + QueryAdvice.quote(seq.column().value())
                        + ") FROM " + source.quoted() + "));");
            } else {
                sql.add("ALTER SEQUENCE " + seq.sequence() + " OWNED BY " + source.quoted() + "."
                        + seq.column().quoted() + ";");
            }
        }
        sql.add("COMMIT;");
        return sql;
    }

    private static boolean isColumn(String printed) {
        return Identifier.isPlain(IndexInfo.unquote(printed));
    }

    private static String quoted(List<String> columns) {
        return columns.stream().map(QueryAdvice::quote).collect(Collectors.joining(", "));
    }

    /** {@code name + suffix}, refused when PostgreSQL would truncate it. */
    static Identifier suffixed(Identifier name, String suffix) {
        return Identifier.of(name.value() + suffix);
    }
}
