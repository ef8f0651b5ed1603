package io.arxos.partitions.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample Arxos database of the guide: four time-series tables partitioned by month with a default partition
 * each, data relative to the current month (some months present, some missing, rows sitting in the default
 * partition, partitions past retention, rows that must stay where they are: expired, far-future and NULL keys).
 *
 * <p>Layout, with M the current month (UTC):
 * <ul>
 * <li>audit_logs (keep 12): partitions M-14..M+1 except M-3; default holds rows of M-3 (to move), of M-20 (expired)
 * and of M+14 (far future).</li>
 * <li>object_history (keep 12, detach): partitions M-13..M+3; M-13 is expired.</li>
 * <li>slow_query_log (keep 6, key "timestamp", nullable): partitions M-8..M; default holds rows with NULL keys.</li>
 * <li>chat_messages (keep 12): only the current month and the default, which holds rows of M-1 (to move).</li>
 * </ul>
 */
public final class SampleArxosDatabase {

    /** The managed tables with their key and retention, as the inventory lists them. */
    public record ManagedTable(String name, String key, int retentionMonths, String retentionAction) {
    }

    public static final List<ManagedTable> TABLES = List.of(
            new ManagedTable("audit_logs", "created_at", 12, "drop"),
            new ManagedTable("object_history", "changed_at", 12, "detach"),
            new ManagedTable("slow_query_log", "timestamp", 6, "drop"),
            new ManagedTable("chat_messages", "created_at", 12, "drop"));

    private SampleArxosDatabase() {
    }

    /** Creates the schema and loads {@code rowsPerMonth} rows into each populated month. */
    public static void create(Connection c, YearMonth current, int rowsPerMonth) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : ddl(current)) {
                s.execute(sql);
            }
            for (String sql : data(current, rowsPerMonth)) {
                s.execute(sql);
            }
            s.execute("ANALYZE");
        }
    }

    static List<String> ddl(YearMonth m) {
        List<String> sql = new ArrayList<>();
        sql.add("""
                CREATE TABLE public.audit_logs (
                    id bigserial, user_id bigint NOT NULL, action text NOT NULL, object_id bigint,
                    details jsonb, created_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at)""");
        sql.add("CREATE INDEX audit_logs_user_id_created_at_idx ON public.audit_logs (user_id, created_at)");
        sql.add("""
                CREATE TABLE public.object_history (
                    id bigserial, object_id bigint NOT NULL, object_type text NOT NULL, change jsonb,
                    changed_by bigint, changed_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (id, changed_at)) PARTITION BY RANGE (changed_at)""");
        sql.add("CREATE INDEX object_history_object_id_changed_at_idx ON public.object_history (object_id, changed_at)");
        sql.add("""
                CREATE TABLE public.slow_query_log (
                    id bigserial, query text NOT NULL, duration_ms double precision NOT NULL,
                    severity text NOT NULL, "timestamp" timestamptz) PARTITION BY RANGE ("timestamp")""");
        sql.add("CREATE INDEX slow_query_log_severity_timestamp_idx ON public.slow_query_log (severity, \"timestamp\")");
        sql.add("""
                CREATE TABLE public.chat_messages (
                    id bigserial, room_id bigint NOT NULL, user_id bigint NOT NULL, body text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at)""");
        sql.add("CREATE INDEX chat_messages_user_id_created_at_idx ON public.chat_messages (user_id, created_at)");
        for (int offset = -14; offset <= 1; offset++) {
            if (offset != -3) {
                sql.add(partition("audit_logs", m.plusMonths(offset)));
            }
        }
        for (int offset = -13; offset <= 3; offset++) {
            sql.add(partition("object_history", m.plusMonths(offset)));
        }
        for (int offset = -8; offset <= 0; offset++) {
            sql.add(partition("slow_query_log", m.plusMonths(offset)));
        }
        sql.add(partition("chat_messages", m));
        for (ManagedTable t : TABLES) {
            sql.add("CREATE TABLE public." + t.name() + "_p_default PARTITION OF public." + t.name() + " DEFAULT");
        }
        return sql;
    }

    static List<String> data(YearMonth m, int rows) {
        List<String> sql = new ArrayList<>();
        for (int offset = -14; offset <= 1; offset++) {
            sql.add(auditRows(m.plusMonths(offset), rows));
        }
        sql.add(auditRows(m.plusMonths(-20), 5));
        sql.add(auditRows(m.plusMonths(14), 3));
        for (int offset = -13; offset <= 0; offset++) {
            sql.add("INSERT INTO public.object_history (object_id, object_type, change, changed_by, changed_at)"
                    + " SELECT (i % 500) + 1, (ARRAY['building','floor','room','sensor'])[(i % 4) + 1],"
                    + " jsonb_build_object('field', 'status', 'to', i % 3), (i % 40) + 1, " + spread(m.plusMonths(
                            offset), rows)
                    + " FROM generate_series(1, " + rows + ") AS i");
        }
        for (int offset = -8; offset <= 0; offset++) {
            sql.add(slowRows("'" + start(m.plusMonths(offset)) + "'::timestamptz + (i * interval '1 minute')", rows));
        }
        sql.add(slowRows("NULL", 4));
        sql.add(chatRows(m, rows));
        sql.add(chatRows(m.plusMonths(-1), Math.max(1, rows / 2)));
        return sql;
    }

    private static String auditRows(YearMonth month, int rows) {
        return "INSERT INTO public.audit_logs (user_id, action, object_id, details, created_at)"
                + " SELECT (i % 1000) + 1, (ARRAY['login','update','delete','export'])[(i % 4) + 1], i,"
                + " jsonb_build_object('ip', '10.0.0.' || (i % 255)), " + spread(month, rows)
                + " FROM generate_series(1, " + rows + ") AS i";
    }

    private static String slowRows(String timestamp, int rows) {
        return "INSERT INTO public.slow_query_log (query, duration_ms, severity, \"timestamp\")"
                + " SELECT 'SELECT * FROM audit_logs WHERE user_id = ' || i, 500 + (i % 9000),"
                + " (ARRAY['warning','critical'])[(i % 2) + 1], " + timestamp + " FROM generate_series(1, " + rows
                + ") AS i";
    }

    private static String chatRows(YearMonth month, int rows) {
        return "INSERT INTO public.chat_messages (room_id, user_id, body, created_at)"
                + " SELECT (i % 50) + 1, (i % 300) + 1, 'message ' || i, " + spread(month, rows)
                + " FROM generate_series(1, " + rows + ") AS i";
    }

    /** Row i of n lands i/(n+1) of the way through the month, so no row sits on a bound. */
    private static String spread(YearMonth month, int rows) {
        return "'" + start(month) + "'::timestamptz + ((i::float8 / " + (rows + 1) + ") * ('" + start(month.plusMonths(
                1))
                + "'::timestamptz - '" + start(month) + "'::timestamptz))";
    }

    private static String partition(String table, YearMonth month) {
        return String.format(
                "CREATE TABLE public.%s_p%04d_%02d PARTITION OF public.%s FOR VALUES FROM ('%s') TO ('%s')",
                table, month.getYear(), month.getMonthValue(), table, start(month), start(month.plusMonths(1)));
    }

    private static String start(YearMonth month) {
        return month.atDay(1) + " 00:00:00+00";
    }

    /** An inventory listing the sample tables of one database (password read from a file). */
    public static String inventoryYaml(String databaseId, String jdbcUrl, String user, String passwordFile) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# fleet inventory: databases and the tables managed in them\n")
                .append("defaults:\n  premake: 3\n  archiveSchema: partition_archive\n")
                .append("databases:\n")
                .append("  - id: ").append(databaseId).append('\n')
                .append("    url: ").append(jdbcUrl).append('\n')
                .append("    user: ").append(user).append('\n')
                .append("    password:\n      file: ").append(passwordFile).append('\n')
                .append("    tables:\n");
        for (ManagedTable t : TABLES) {
            yaml.append("      - { name: public.").append(t.name()).append(", partitionKey: ").append(t.key())
                    .append(", retentionMonths: ").append(t.retentionMonths()).append(", retentionAction: ")
                    .append(t.retentionAction()).append(" }\n");
        }
        // the legacy tables (SampleLegacyTables) may be migrated into partitions
        yaml.append("    migrations:\n")
                .append("      - { name: public.audit_logs_legacy, partitionKey: created_at }\n")
                .append("      - { name: public.object_history_legacy, partitionKey: changed_at }\n")
                .append("      - { name: public.slow_query_log_legacy, partitionKey: timestamp }\n")
                .append("      - { name: public.chat_messages_legacy, partitionKey: created_at }\n");
        return yaml.toString();
    }
}
