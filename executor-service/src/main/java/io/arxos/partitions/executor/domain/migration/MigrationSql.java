package io.arxos.partitions.executor.domain.migration;

import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.KeyType;
import io.arxos.partitions.core.PartitionNaming;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TableRef;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of each migration phase, rendered as text before anything runs (so a dry run shows exactly what
 * would run and tests compare golden SQL). Identifiers come from {@link Identifier} (plain, always quoted); the only
 * catalog text used verbatim is PostgreSQL's own output (foreign-key definitions, sequence and type names).
 */
public final class MigrationSql {

    /** Oldest months beyond this many are left to the default partition instead of one partition each. */
    static final int MAX_MONTHS_BACK = 240;

    private final SourceTable t;
    private final MigrationNames n;
    private final KeyType keyType;
    private final Identifier pk;
    private final boolean swapped;

    public MigrationSql(SourceTable table, MigrationNames names) {
        this(table, names, false);
    }

    private MigrationSql(SourceTable table, MigrationNames names, boolean swapped) {
        this.t = table;
        this.n = names;
        this.swapped = swapped;
        this.keyType = table.keyType().orElse(null); // only prepare needs it; later phases work from the record
        this.pk = Identifier.of(table.primaryKey().get(0));
    }

    /** The partitioned copy with keys extended by the partition key, its indexes, partitions and default. */
    public List<String> prepare(YearMonth now, int premake) {
        if (keyType == null) {
            throw new IllegalStateException("partition key " + t.partitionKey() + " has no date or timestamp type");
        }
        String target = n.target().quoted();
        String key = t.partitionKey().quoted();
        List<String> sql = new ArrayList<>();
        // created as the original's owner, so the copy and its partitions belong to the same role
        t.owner().ifPresent(owner -> sql.add("SET LOCAL ROLE " + owner));
        sql.add("CREATE TABLE " + target + " (LIKE " + n.source().quoted() + " INCLUDING DEFAULTS INCLUDING "
                + "CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS) "
                + "PARTITION BY RANGE (" + key + ")");
        for (SourceTable.Grant grant : t.grants()) {
            sql.add("GRANT " + grant.privilege() + " ON " + target + " TO " + grant.grantee());
        }
        sql.add("ALTER TABLE " + target + " ADD PRIMARY KEY (" + pk.quoted() + ", " + key + ")");
        for (SourceTable.IndexShape index : t.indexes()) {
            List<Identifier> columns = new ArrayList<>(index.columns());
            if (index.unique() && !columns.contains(t.partitionKey())) {
                columns.add(t.partitionKey()); // unique keys of a partitioned table must include its key
            }
            sql.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX ON " + target + " USING "
                    + Identifier.of(index.method()).quoted() + " (" + quoted(columns) + ")");
        }
        for (String fk : t.foreignKeysOut()) {
            sql.add("ALTER TABLE " + target + " ADD " + fk);
        }
        YearMonth first = t.oldestMonth().orElse(now);
        if (first.isBefore(now.minusMonths(MAX_MONTHS_BACK))) {
            first = now.minusMonths(MAX_MONTHS_BACK);
        }
        for (YearMonth month = first; !month.isAfter(now.plusMonths(premake)); month = month.plusMonths(1)) {
            sql.add("CREATE TABLE " + n.source().sibling(PartitionNaming.monthly(n.source().table(), month)).quoted()
                    + " PARTITION OF " + target + " FOR VALUES " + PartitionRange.ofMonth(month).render(keyType));
        }
        sql.add("CREATE TABLE " + n.source().sibling(PartitionNaming.defaultPartition(n.source().table())).quoted()
                + " PARTITION OF " + target + " DEFAULT");
        t.owner().ifPresent(owner -> sql.add("RESET ROLE"));
        return sql;
    }

    /**
     * From now on every insert, update and delete on the original reaches the copy in the same transaction. Creating
     * the trigger waits for writers in flight, so no write can slip past it.
     */
    public List<String> capture() {
        return List.of(
                triggerFunction(n.captureFunctionRef().quoted(), n.target().quoted(), true),
                "CREATE TRIGGER " + n.trigger().quoted() + " AFTER INSERT OR UPDATE OR DELETE ON "
                        + n.source().quoted() + " FOR EACH ROW EXECUTE FUNCTION " + n.captureFunctionRef().quoted()
                        + "()");
    }

    /**
     * One copy batch: the next rows by primary key, locked FOR UPDATE so a concurrent update or delete either
     * happened before (the batch sees its result) or waits for the batch (its trigger then fixes the copy), then the
     * progress in the same transaction. Parameters: (after the first batch) the last key copied, the highest key when
     * capture began (rows above it were all written since, and the trigger copied them), then the batch size.
     * Returns the batch's last key, its row count and the rows inserted. A row the trigger brought over already
     * makes this plain INSERT fail with a unique violation; the batch is then run again as {@link #copyBatchTolerant}.
     */
    public String copyBatch(boolean first) {
        return copy(first, "");
    }

    /** The same batch, skipping rows already in the copy; ON CONFLICT costs about twice the plain insert. */
    public String copyBatchTolerant(boolean first) {
        return copy(first, " ON CONFLICT DO NOTHING");
    }

    private String copy(boolean first, String onConflict) {
        String cast = "CAST(? AS " + t.primaryKeyType() + ")";
        String where = " WHERE " + (first ? "" : pk.quoted() + " > " + cast + " AND ") + pk.quoted() + " <= " + cast;
        return "WITH batch AS (SELECT * FROM " + n.source().quoted() + where + " ORDER BY " + pk.quoted()
                + " LIMIT ? FOR UPDATE), copied AS (INSERT INTO " + n.target().quoted()
                + " OVERRIDING SYSTEM VALUE SELECT * FROM batch" + onConflict + " RETURNING 1) SELECT max("
                + pk.quoted() + ")::text, count(*), (SELECT count(*) FROM copied) FROM batch";
    }

    /** The four forms of the copy batch. */
    public CopyStatements copyStatements() {
        return new CopyStatements(copyBatch(true), copyBatch(false), copyBatchTolerant(true), copyBatchTolerant(false));
    }

    /** The highest primary key now, recorded when capture begins: the copy ends there. */
    public String copyBound() {
        return "SELECT max(" + pk.quoted() + ")::text FROM " + n.source().quoted();
    }

    /** The copy batch's forms: first or next, plain or skipping rows already copied. */
    public record CopyStatements(String first, String next, String firstTolerant, String nextTolerant) {
    }

    /** Rows per month and an order-independent checksum of the rows' text, for either table. */
    public String monthTally(boolean target) {
        String table = target ? n.target().quoted() : comparedOriginal();
        String key = t.partitionKey().quoted();
        return "SELECT to_char(" + key + ", 'YYYY-MM'), count(*), coalesce(sum(('x' || substr(md5(r::text), 1, 15))"
                + "::bit(60)::bigint), 0)::text FROM " + table + " r GROUP BY 1 ORDER BY 1";
    }

    /** Before the swap the original is compared; after it, the backup the original became. */
    private String comparedOriginal() {
        return swapped ? n.backup().quoted() : n.source().quoted();
    }

    /** The same renderer for the state after the swap: the partitioned table has the original name. */
    public MigrationSql afterSwap() {
        return new MigrationSql(t, new MigrationNames(n.source(), n.source(), n.backup(), n.captureFunction(),
                n.reverseFunction(), n.trigger()), true);
    }

    /**
     * The swap, in one transaction under lock_timeout: the original becomes the backup, the partitioned copy takes
     * its name, sequences follow, and from now on writes are captured back into the backup so a rollback loses
     * nothing.
     */
    public List<String> swap(long lockTimeoutMillis) {
        List<String> sql = new ArrayList<>();
        sql.add("SET LOCAL lock_timeout = " + lockTimeoutMillis);
        sql.add("LOCK TABLE " + n.source().quoted() + ", " + n.target().quoted() + " IN ACCESS EXCLUSIVE MODE");
        sql.add("DROP TRIGGER " + n.trigger().quoted() + " ON " + n.source().quoted());
        sql.add("DROP FUNCTION " + n.captureFunctionRef().quoted() + "()");
        sql.add("ALTER TABLE " + n.source().quoted() + " RENAME TO " + n.backup().table().quoted());
        sql.add("ALTER TABLE " + n.target().quoted() + " RENAME TO " + n.source().table().quoted());
        for (SourceTable.SequenceUse seq : t.sequences()) {
            sql.add("ALTER SEQUENCE " + seq.sequence() + " OWNED BY " + n.source().quoted() + "."
                    + seq.column().quoted());
        }
        for (Identifier column : t.identityColumns()) {
            // the partitioned table's own identity sequence goes on from the original's
            sql.add("SELECT setval(pg_get_serial_sequence('" + n.source().quoted() + "', '" + column + "'), "
                    + "coalesce(pg_sequence_last_value(pg_get_serial_sequence('" + n.backup().quoted() + "', '"
                    + column + "')::regclass), 1))");
        }
        sql.add(triggerFunction(n.reverseFunctionRef().quoted(), n.backup().quoted(), false));
        sql.add("CREATE TRIGGER " + n.trigger().quoted() + " AFTER INSERT OR UPDATE OR DELETE ON "
                + n.source().quoted() + " FOR EACH ROW EXECUTE FUNCTION " + n.reverseFunctionRef().quoted() + "()");
        return sql;
    }

    /**
     * Ends the migration for good: the reverse capture goes, so writes stop reaching the backup (and cost only the
     * partitioned table). The backup table stays for the DBA to drop when satisfied; nothing retained is dropped here.
     */
    public List<String> finish() {
        return List.of("DROP TRIGGER " + n.trigger().quoted() + " ON " + n.source().quoted(),
                "DROP FUNCTION " + n.reverseFunctionRef().quoted() + "()");
    }

    /**
     * The rollback is the installed function, so the CLI, the executor and a DBA at psql all run the same code.
     * Plain identifiers contain no quotes, so they are safe as literals here.
     */
    public static String rollbackCall(String quotedLedgerSchema, TableRef table) {
        return "SELECT * FROM " + quotedLedgerSchema + ".rollback_partitioning_migration('" + table.schema() + "', '"
                + table.table() + "')";
    }

    /**
     * A row trigger applying each change to {@code into}: deletes by primary key (and partition key, so the partitioned
     * side prunes to one partition), inserts the new row; a row the copy already brought is left as it is.
     */
    private String triggerFunction(String function, String into, boolean intoPartitioned) {
        String match = pk.quoted() + " = OLD." + pk.quoted() + (intoPartitioned ? " AND " + t.partitionKey().quoted()
                + " = OLD." + t.partitionKey().quoted() : "");
        return "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $migration$\n"
                + "BEGIN\n"
                + "    IF TG_OP <> 'INSERT' THEN\n"
                + "        DELETE FROM " + into + " WHERE " + match + ";\n"
                + "    END IF;\n"
                + "    IF TG_OP <> 'DELETE' THEN\n"
                + "        INSERT INTO " + into + " OVERRIDING SYSTEM VALUE SELECT (NEW).* ON CONFLICT DO NOTHING;\n"
                + "    END IF;\n"
                + "    RETURN NULL;\n"
                + "END\n"
                + "$migration$";
    }

    private static String quoted(List<Identifier> columns) {
        return columns.stream().map(Identifier::quoted).collect(Collectors.joining(", "));
    }
}
