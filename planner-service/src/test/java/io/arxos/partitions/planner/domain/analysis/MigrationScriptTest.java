package io.arxos.partitions.planner.domain.analysis;

import static io.arxos.partitions.planner.domain.analysis.Shapes.MONTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    @Test
    void rendersPrepareCopyVerifyAndSwapInOrder() {
        TableProfile table = Shapes.table("audit_logs_legacy")
                .timeColumn("created_at", 0, 1, MONTH.minusMonths(1), MONTH, 10)
                .primaryKey("id")
                .index("audit_logs_legacy_user_idx", 1, 1, "user_id")
                .sequence("id", "\"public\".\"audit_logs_legacy_id_seq\"")
                .build();

        List<String> sql = MigrationScript.render(table, table.timeColumns().get(0), 1, MONTH, 200);

        String t = "\"public\".\"audit_logs_legacy\"";
        String p = "\"public\".\"audit_logs_legacy_partitioned\"";
        assertThat(sql).containsExactly(
                "-- 1. prepare: the partitioned table, keys extended by created_at, indexes, partitions",
                "CREATE TABLE " + p + " (LIKE " + t + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED "
                        + "INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS) PARTITION BY RANGE (\"created_at\");",
                "ALTER TABLE " + p + " ADD PRIMARY KEY (\"id\", \"created_at\");",
                "CREATE INDEX ON " + p + " USING btree (\"user_id\");",
                "CREATE TABLE \"public\".\"audit_logs_legacy_p2026_10\" PARTITION OF " + p
                        + " FOR VALUES FROM ('2026-10-01 00:00:00+00') TO ('2026-11-01 00:00:00+00');",
                "CREATE TABLE \"public\".\"audit_logs_legacy_p2026_11\" PARTITION OF " + p
                        + " FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');",
                "CREATE TABLE \"public\".\"audit_logs_legacy_p2026_12\" PARTITION OF " + p
                        + " FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');",
                "CREATE TABLE \"public\".\"audit_logs_legacy_p_default\" PARTITION OF " + p + " DEFAULT;",
                "-- 2. copy, one month per transaction (writes to public.audit_logs_legacy paused from here to the swap)",
                "INSERT INTO " + p + " SELECT * FROM " + t + " WHERE \"created_at\" < '2026-10-01 00:00:00+00';",
                "INSERT INTO " + p + " SELECT * FROM " + t + " WHERE \"created_at\" >= '2026-10-01 00:00:00+00' AND "
                        + "\"created_at\" < '2026-11-01 00:00:00+00';",
                "INSERT INTO " + p + " SELECT * FROM " + t + " WHERE \"created_at\" >= '2026-11-01 00:00:00+00' AND "
                        + "\"created_at\" < '2026-12-01 00:00:00+00';",
                "INSERT INTO " + p + " SELECT * FROM " + t + " WHERE \"created_at\" >= '2026-12-01 00:00:00+00';",
                "-- 3. verify: both counts must be equal",
                "SELECT (SELECT count(*) FROM " + t + ") AS source_rows, (SELECT count(*) FROM " + p
                        + ") AS partitioned_rows;",
                "-- 4. swap in one short transaction; the original stays as audit_logs_legacy_backup",
                "BEGIN;",
                "SET LOCAL lock_timeout = '5s';",
                "ALTER TABLE " + t + " RENAME TO \"audit_logs_legacy_backup\";",
                "ALTER TABLE " + p + " RENAME TO \"audit_logs_legacy\";",
                "ALTER SEQUENCE \"public\".\"audit_logs_legacy_id_seq\" OWNED BY " + t + ".\"id\";",
                "COMMIT;");
    }
}
