package io.arxos.partitions.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the analysis looks at in the sample database: unpartitioned legacy versions of the time-series tables with
 * enough rows to matter, a lookup table that must not be recommended, a table an incoming foreign key keeps from
 * being partitioned, and a workload recorded by pg_stat_statements. With M the current month (UTC):
 * <ul>
 * <li>audit_logs_legacy: 24 months of rows, then the retention job's DELETE of everything older than 12 months
 * (dead rows stay, statistics fresh); PK (id), indexes on created_at and user_id; an FK out to event_types.</li>
 * <li>object_history_legacy: 12 months; index on object_id only, read by object_id and a changed_at range.</li>
 * <li>slow_query_log_legacy: 6 months of three times the rows, ~1% NULL "timestamp", never analysed (autovacuum off), read through casts
 * and date_trunc on the key.</li>
 * <li>chat_messages_legacy: 12 months, referenced by message_reactions.message_id (blocks partitioning).</li>
 * <li>event_types: 12 rows (lookup).</li>
 * </ul>
 */
public final class SampleLegacyTables {

    public static final List<String> TABLES = List.of("audit_logs_legacy", "object_history_legacy",
            "slow_query_log_legacy", "chat_messages_legacy", "message_reactions", "event_types");

    private SampleLegacyTables() {
    }

    /**
     * Creates and loads the tables as {@code owner}, and records the workload. pg_stat_statements is created when
     * {@code superuser} can (it needs shared_preload_libraries; see {@link PostgresTestServer}).
     *
     * @param rowsPerMonth rows per month of audit_logs_legacy; the other tables scale from it
     */
    public static void create(Connection superuser, Connection owner, YearMonth current, int rowsPerMonth)
            throws SQLException {
        try (Statement s = superuser.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        try (Statement s = owner.createStatement()) {
            for (String sql : ddl()) {
                s.execute(sql);
            }
            s.execute(
                    "INSERT INTO public.event_types (id, name) SELECT i, 'event_' || i FROM generate_series(1, 12) i");
            s.execute(rows("audit_logs_legacy", "user_id, event_type_id, action, details, created_at",
                    "(i % 2000) + 1, (i % 12) + 1, (ARRAY['login','update','delete','export'])[(i % 4) + 1], "
                            + "jsonb_build_object('ip', '10.0.' || (i % 200) || '.' || (i % 255), 'agent', "
                            + "'arxos-web/' || (i % 7))", current.minusMonths(23), 24, rowsPerMonth));
            s.execute(rows("object_history_legacy", "object_id, object_type, change, changed_at",
                    "(i % 5000) + 1, (ARRAY['building','floor','room','sensor'])[(i % 4) + 1], "
                            + "jsonb_build_object('field', 'status', 'to', i % 3)", current.minusMonths(11), 12,
                    rowsPerMonth / 2));
            s.execute(rows("slow_query_log_legacy", "query, duration_ms, severity, \"timestamp\"",
                    "'SELECT * FROM audit_logs WHERE user_id = ' || i || ' AND action = ''export'' "
                            + "ORDER BY created_at DESC', 500 + (i % 9000), (ARRAY['warning','critical'])[(i % 2) + 1]",
                    current.minusMonths(5), 6, rowsPerMonth * 3));
            s.execute("UPDATE public.slow_query_log_legacy SET \"timestamp\" = NULL WHERE id % 100 = 0");
            s.execute(rows("chat_messages_legacy", "room_id, user_id, body, created_at",
                    "(i % 50) + 1, (i % 300) + 1, 'message ' || i || ' ' || repeat('x', i % 200)",
                    current.minusMonths(11), 12, rowsPerMonth));
            s.execute("INSERT INTO public.message_reactions (message_id, emoji, created_at) "
                    + "SELECT id, (ARRAY['+1','heart','eyes'])[(id % 3) + 1], created_at + interval '1 minute' "
                    + "FROM public.chat_messages_legacy WHERE id % 20 = 0");
            for (String table : List.of("audit_logs_legacy", "object_history_legacy", "chat_messages_legacy",
                    "message_reactions", "event_types")) {
                s.execute("ANALYZE public." + table);
            }
        }
        workload(owner, current);
    }

    private static List<String> ddl() {
        return List.of(
                "CREATE TABLE public.event_types (id smallint PRIMARY KEY, name text NOT NULL UNIQUE)",
                """
                CREATE TABLE public.audit_logs_legacy (
                    id bigserial PRIMARY KEY, user_id bigint NOT NULL,
                    event_type_id smallint NOT NULL REFERENCES public.event_types (id), action text NOT NULL,
                    details jsonb, created_at timestamptz NOT NULL DEFAULT now())""",
                "CREATE INDEX audit_logs_legacy_created_at_idx ON public.audit_logs_legacy (created_at)",
                "CREATE INDEX audit_logs_legacy_user_id_idx ON public.audit_logs_legacy (user_id)",
                """
                CREATE TABLE public.object_history_legacy (
                    id bigserial PRIMARY KEY, object_id bigint NOT NULL, object_type text NOT NULL, change jsonb,
                    changed_at timestamptz NOT NULL DEFAULT now())""",
                "CREATE INDEX object_history_legacy_object_id_idx ON public.object_history_legacy (object_id)",
                """
                CREATE TABLE public.slow_query_log_legacy (
                    id bigserial PRIMARY KEY, query text NOT NULL, duration_ms double precision NOT NULL,
                    severity text NOT NULL, "timestamp" timestamptz) WITH (autovacuum_enabled = false)""",
                """
                CREATE TABLE public.chat_messages_legacy (
                    id bigserial PRIMARY KEY, room_id bigint NOT NULL, user_id bigint NOT NULL, body text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now())""",
                "CREATE INDEX chat_messages_legacy_room_id_created_at_idx ON public.chat_messages_legacy (room_id, created_at)",
                """
                CREATE TABLE public.message_reactions (
                    id bigserial PRIMARY KEY,
                    message_id bigint NOT NULL REFERENCES public.chat_messages_legacy (id),
                    emoji text NOT NULL, created_at timestamptz NOT NULL)""");
    }

    /** {@code perMonth} rows in each of {@code months} months from {@code first}, spread evenly inside the month. */
    private static String rows(String table, String columns, String values, YearMonth first, int months,
            int perMonth) {
        String start = first.atDay(1) + " 00:00:00+00";
        return "INSERT INTO public." + table + " (" + columns + ") SELECT " + values + ", "
                + "('" + start + "'::timestamptz + (m * interval '1 month')) + ((i::float8 / " + (perMonth + 1)
                + ") * (('" + start + "'::timestamptz + ((m + 1) * interval '1 month')) - ('" + start
                + "'::timestamptz + (m * interval '1 month')))) "
                + "FROM generate_series(0, " + (months - 1) + ") m, generate_series(1, " + perMonth + ") i";
    }

    /** The application's statements and the retention job, as pg_stat_statements will show them. */
    private static void workload(Connection c, YearMonth current) throws SQLException {
        OffsetDateTime monthStart = current.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        // the legacy retention job: DELETE by age, leaving 12 months and a heap full of dead rows
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM public.audit_logs_legacy WHERE created_at < $1".replace("$1", "?"))) {
            ps.setObject(1, monthStart.minusMonths(11));
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            // the DELETE's counts reach the shared statistics when the backend goes idle; flush them before
            // ANALYZE resets the modification counter, as autovacuum's ANALYZE would come after them
            s.execute("SELECT pg_stat_force_next_flush()");
            s.execute("ANALYZE public.audit_logs_legacy");
        }
        repeat(c, "SELECT count(*) FROM public.audit_logs_legacy WHERE created_at >= ? AND created_at < ?", 30,
                (ps, i) -> {
                    ps.setObject(1, monthStart.minusDays(7 + i % 5));
                    ps.setObject(2, monthStart.minusDays(i % 5));
                });
        repeat(c, "SELECT id, action, created_at FROM public.audit_logs_legacy WHERE user_id = ? AND created_at >= ? "
                + "ORDER BY created_at DESC LIMIT 50", 60, (ps, i) -> {
                    ps.setLong(1, (i * 37L) % 2000 + 1);
                    ps.setObject(2, monthStart.minusMonths(1));
                });
        repeat(c, "SELECT id, action FROM public.audit_logs_legacy WHERE created_at::text LIKE ?", 3,
                (ps, i) -> ps.setString(1, current.minusMonths(i + 1) + "%"));
        repeat(c, "SELECT * FROM public.object_history_legacy WHERE object_id = ? AND changed_at >= ?", 40,
                (ps, i) -> {
                    ps.setLong(1, (i * 101L) % 5000 + 1);
                    ps.setObject(2, monthStart.minusMonths(3));
                });
        repeat(c, "SELECT * FROM public.slow_query_log_legacy WHERE \"timestamp\"::date = ?", 10,
                (ps, i) -> ps.setObject(1, current.atDay(1).minusDays(i)));
        repeat(c, "SELECT severity, count(*) FROM public.slow_query_log_legacy "
                + "WHERE date_trunc('day', \"timestamp\") = ? GROUP BY severity", 10,
                (ps, i) -> ps.setObject(1, monthStart.minusDays(i)));
        repeat(c, "SELECT id, body FROM public.chat_messages_legacy WHERE room_id = ? AND created_at > ? "
                + "ORDER BY created_at LIMIT 100", 20, (ps, i) -> {
                    ps.setLong(1, i % 50 + 1);
                    ps.setObject(2, monthStart.minusDays(14));
                });
        repeat(c, "SELECT name FROM public.event_types WHERE id = ?", 20, (ps, i) -> ps.setInt(1, i % 12 + 1));
    }

    private interface Binder {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    private static void repeat(Connection c, String sql, int times, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < times; i++) {
                binder.bind(ps, i);
                ps.execute();
            }
        }
    }
}
