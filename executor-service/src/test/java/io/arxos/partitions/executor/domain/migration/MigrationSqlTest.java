package io.arxos.partitions.executor.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.TableRef;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationSqlTest {

    private static final String SOURCE = "\"public\".\"audit_logs_legacy\"";
    private static final String TARGET = "\"public\".\"audit_logs_legacy_partitioned\"";
    private final MigrationSql sql = new MigrationSql(MigrationTables.auditLog(),
            MigrationNames.of(TableRef.of("public", "audit_logs_legacy")));

    @Test
    void preparesThePartitionedCopyWithExtendedKeysIndexesForeignKeysAndMonths() {
        assertThat(sql.prepare(YearMonth.of(2026, 11), 1)).containsExactly(
                "CREATE TABLE " + TARGET + " (LIKE " + SOURCE + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING "
                        + "GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS) PARTITION BY RANGE "
                        + "(\"created_at\")",
                "GRANT SELECT ON " + TARGET + " TO reporting",
                "ALTER TABLE " + TARGET + " ADD PRIMARY KEY (\"id\", \"created_at\")",
                "CREATE INDEX ON " + TARGET + " USING \"btree\" (\"user_id\")",
                "CREATE UNIQUE INDEX ON " + TARGET + " USING \"btree\" (\"request_id\", \"created_at\")",
                "ALTER TABLE " + TARGET + " ADD FOREIGN KEY (event_type_id) REFERENCES event_types(id)",
                "CREATE TABLE \"public\".\"audit_logs_legacy_p2026_10\" PARTITION OF " + TARGET
                        + " FOR VALUES FROM ('2026-10-01 00:00:00+00') TO ('2026-11-01 00:00:00+00')",
                "CREATE TABLE \"public\".\"audit_logs_legacy_p2026_11\" PARTITION OF " + TARGET
                        + " FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00')",
                "CREATE TABLE \"public\".\"audit_logs_legacy_p2026_12\" PARTITION OF " + TARGET
                        + " FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00')",
                "CREATE TABLE \"public\".\"audit_logs_legacy_p_default\" PARTITION OF " + TARGET + " DEFAULT");
    }

    @Test
    void capturesEveryWriteIntoTheCopyMatchingByPrimaryAndPartitionKey() {
        assertThat(sql.capture()).containsExactly("""
                CREATE FUNCTION "public"."audit_logs_legacy_migration_capture"() RETURNS trigger LANGUAGE plpgsql \
                AS $migration$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        DELETE FROM "public"."audit_logs_legacy_partitioned" WHERE "id" = OLD."id" AND \
                "created_at" = OLD."created_at";
                    END IF;
                    IF TG_OP <> 'DELETE' THEN
                        INSERT INTO "public"."audit_logs_legacy_partitioned" OVERRIDING SYSTEM VALUE SELECT (NEW).* \
                ON CONFLICT DO NOTHING;
                    END IF;
                    RETURN NULL;
                END
                $migration$""",
                "CREATE TRIGGER \"audit_logs_legacy_migration\" AFTER INSERT OR UPDATE OR DELETE ON " + SOURCE
                        + " FOR EACH ROW EXECUTE FUNCTION \"public\".\"audit_logs_legacy_migration_capture\"()");
    }

    @Test
    void copiesTheNextBatchByPrimaryKeyUnderRowLocks() {
        assertThat(sql.copyBatch(false)).isEqualTo("WITH batch AS (SELECT * FROM " + SOURCE + " WHERE \"id\" > "
                + "CAST(? AS bigint) AND \"id\" <= CAST(? AS bigint) ORDER BY \"id\" LIMIT ? FOR UPDATE), copied AS "
                + "(INSERT INTO " + TARGET + " OVERRIDING SYSTEM VALUE SELECT * FROM batch RETURNING 1) "
                + "SELECT max(\"id\")::text, count(*), (SELECT count(*) FROM copied) "
                + "FROM batch");
        assertThat(sql.copyBatch(true)).contains("WHERE \"id\" <= CAST(? AS bigint) ORDER BY").contains(
                "LIMIT ? FOR UPDATE");
        assertThat(sql.copyBatchTolerant(false)).contains("SELECT * FROM batch ON CONFLICT DO NOTHING RETURNING 1)");
    }

    @Test
    void swapsNamesInOneLockedTransactionAndCapturesBackIntoTheBackup() {
        assertThat(sql.swap(1000)).containsSequence(
                "SET LOCAL lock_timeout = 1000",
                "LOCK TABLE " + SOURCE + ", " + TARGET + " IN ACCESS EXCLUSIVE MODE",
                "DROP TRIGGER \"audit_logs_legacy_migration\" ON " + SOURCE,
                "DROP FUNCTION \"public\".\"audit_logs_legacy_migration_capture\"()",
                "ALTER TABLE " + SOURCE + " RENAME TO \"audit_logs_legacy_backup\"",
                "ALTER TABLE " + TARGET + " RENAME TO \"audit_logs_legacy\"",
                "ALTER SEQUENCE audit_logs_legacy_id_seq OWNED BY " + SOURCE + ".\"id\"");
        assertThat(sql.swap(1000).get(7)).contains("DELETE FROM \"public\".\"audit_logs_legacy_backup\" WHERE \"id\" "
                + "= OLD.\"id\";").contains(
                        "INSERT INTO \"public\".\"audit_logs_legacy_backup\" OVERRIDING SYSTEM VALUE "
                                + "SELECT (NEW).*");
        assertThat(sql.swap(1000).get(8)).isEqualTo("CREATE TRIGGER \"audit_logs_legacy_migration\" AFTER INSERT OR "
                + "UPDATE OR DELETE ON " + SOURCE + " FOR EACH ROW EXECUTE FUNCTION "
                + "\"public\".\"audit_logs_legacy_migration_reverse\"()");
    }

    @Test
    void createsTheCopyAsTheOriginalsOwnerAndCarriesIdentitySequencesOverAtTheSwap() {
        SourceTable t = MigrationTables.auditLog();
        SourceTable owned = SourceTable.builder(t.table(), t.partitionKey()).keyType(t.keyType())
                .primaryKey(t.primaryKey(), t.primaryKeyType()).keyValues(0, t.oldestMonth())
                .sequences(List.of(), List.of(io.arxos.partitions.core.Identifier.of("id")))
                .access(java.util.Optional.of("app_owner"), List.of()).size(t.totalBytes(), t.estimatedRows())
                .build();
        MigrationSql ownedSql = new MigrationSql(owned, MigrationNames.of(t.table()));

        List<String> prepare = ownedSql.prepare(YearMonth.of(2026, 11), 0);
        assertThat(prepare.get(0)).isEqualTo("SET LOCAL ROLE app_owner");
        assertThat(prepare.get(prepare.size() - 1)).isEqualTo("RESET ROLE");
        assertThat(ownedSql.swap(1000)).contains("SELECT setval(pg_get_serial_sequence('" + SOURCE + "', 'id'), "
                + "coalesce(pg_sequence_last_value(pg_get_serial_sequence('\"public\".\"audit_logs_legacy_backup\"', "
                + "'id')::regclass), 1))");
    }

    @Test
    void finalizingDropsOnlyTheReverseCapture() {
        assertThat(sql.afterSwap().finish()).containsExactly(
                "DROP TRIGGER \"audit_logs_legacy_migration\" ON " + SOURCE,
                "DROP FUNCTION \"public\".\"audit_logs_legacy_migration_reverse\"()");
    }

    @Test
    void comparesTheBackupAfterTheSwap() {
        assertThat(sql.monthTally(false)).contains("FROM " + SOURCE + " r");
        assertThat(sql.afterSwap().monthTally(false)).contains("FROM \"public\".\"audit_logs_legacy_backup\" r");
        assertThat(sql.afterSwap().monthTally(true)).contains("FROM " + SOURCE + " r");
    }

    @Test
    void rollsBackThroughTheInstalledFunction() {
        assertThat(MigrationSql.rollbackCall("\"partition_ops\"", TableRef.of("public", "audit_logs_legacy")))
                .isEqualTo("SELECT * FROM \"partition_ops\".rollback_partitioning_migration('public', "
                        + "'audit_logs_legacy')");
    }
}
