package io.arxos.partitions.stack;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;

/**
 * The fleet benchmark's tables: {@code count} tables shaped like {@code audit_logs} (primary key with the key, two
 * indexes, a jsonb column), monthly partitions for the last {@code history} months through the current one, a
 * default partition and a few rows per month. The same shape is built for this tool and the raw-DDL script with
 * plain DDL, and for pg_partman through {@code partman.create_parent}, so every side starts from identical tables.
 * Each table then misses the three months after the current one (premake 3); {@link #dropPremade} restores that
 * state before every run. Every table commits on its own (thousands of partitions in one transaction would exhaust
 * the lock table).
 */
final class FleetTables {

    static final int PREMAKE = 3;

    private FleetTables() {
    }

    /** Names {@code t0001 … tNNNN} (or the given names) in schema public. */
    static String name(int i) {
        return String.format("t%04d", i);
    }

    /** Builds {@code names} with plain DDL (this tool and the raw script); defaults are named {@code <t>_p_default}. */
    static void createPlain(Connection c, List<String> names, int history) throws SQLException {
        exec(c, "SET TimeZone = 'UTC'");
        exec(c, """
                CREATE OR REPLACE PROCEDURE pg_temp.bench_create(names text[], history int)
                LANGUAGE plpgsql AS $$
                DECLARE t text; m int; s timestamptz;
                BEGIN
                  FOREACH t IN ARRAY names LOOP
                    EXECUTE format('CREATE TABLE public.%I (id bigint NOT NULL, created_at timestamptz NOT NULL,'
                      || ' user_id bigint, action text NOT NULL, details jsonb, PRIMARY KEY (id, created_at))'
                      || ' PARTITION BY RANGE (created_at)', t);
                    EXECUTE format('CREATE INDEX ON public.%I (created_at)', t);
                    EXECUTE format('CREATE INDEX ON public.%I (user_id, created_at)', t);
                    FOR m IN 1 - history .. 0 LOOP
                      s := date_trunc('month', now()) + make_interval(months => m);
                      EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)',
                        t || '_p' || to_char(s, 'YYYY_MM'), t, s, s + interval '1 month');
                    END LOOP;
                    EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I DEFAULT', t || '_p_default', t);
                    PERFORM pg_temp.bench_rows(t, history);
                    COMMIT;
                  END LOOP;
                END $$""");
        createRowsFunction(c);
        call(c, "CALL pg_temp.bench_create(?, ?)", names, history);
    }

    /** Builds {@code names} through pg_partman 4.x ({@code create_parent}, premake 3), then removes the premade months. */
    static void createWithPartman(Connection c, List<String> names, int history) throws SQLException {
        exec(c, "SET TimeZone = 'UTC'");
        exec(c, "CREATE SCHEMA IF NOT EXISTS partman");
        exec(c, "CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman");
        exec(c, """
                CREATE OR REPLACE PROCEDURE pg_temp.bench_partman(names text[], history int)
                LANGUAGE plpgsql AS $$
                DECLARE t text;
                BEGIN
                  FOREACH t IN ARRAY names LOOP
                    EXECUTE format('CREATE TABLE public.%I (id bigint NOT NULL, created_at timestamptz NOT NULL,'
                      || ' user_id bigint, action text NOT NULL, details jsonb, PRIMARY KEY (id, created_at))'
                      || ' PARTITION BY RANGE (created_at)', t);
                    EXECUTE format('CREATE INDEX ON public.%I (created_at)', t);
                    EXECUTE format('CREATE INDEX ON public.%I (user_id, created_at)', t);
                    PERFORM partman.create_parent(p_parent_table => 'public.' || t, p_control => 'created_at',
                      p_type => 'native', p_interval => 'monthly', p_premake => 3,
                      p_start_partition => to_char(date_trunc('month', now()) - make_interval(months => history - 1),
                                                   'YYYY-MM-DD HH24:MI:SS'));
                    PERFORM pg_temp.bench_rows(t, history);
                    COMMIT;
                  END LOOP;
                END $$""");
        createRowsFunction(c);
        call(c, "CALL pg_temp.bench_partman(?, ?)", names, history);
        dropPremade(c, names);
    }

    /** Drops the partitions of the months after the current one, so every table needs {@link #PREMAKE} again. */
    static void dropPremade(Connection c, List<String> names) throws SQLException {
        exec(c, "SET TimeZone = 'UTC'");
        exec(c, """
                CREATE OR REPLACE PROCEDURE pg_temp.bench_reset(names text[], premake int)
                LANGUAGE plpgsql AS $$
                DECLARE t text; m int;
                BEGIN
                  FOREACH t IN ARRAY names LOOP
                    FOR m IN 1 .. premake LOOP
                      EXECUTE format('DROP TABLE IF EXISTS public.%I',
                        t || '_p' || to_char(date_trunc('month', now()) + make_interval(months => m), 'YYYY_MM'));
                    END LOOP;
                    COMMIT;
                  END LOOP;
                END $$""");
        call(c, "CALL pg_temp.bench_reset(?, ?)", names, PREMAKE);
    }

    /** The raw-DDL baseline's statements: one {@code CREATE TABLE … PARTITION OF} per missing month and table. */
    static List<String> rawDdl(List<String> names, YearMonth current) {
        return names.stream().flatMap(t -> java.util.stream.IntStream.rangeClosed(1, PREMAKE).mapToObj(k -> {
            YearMonth m = current.plusMonths(k);
            return String.format("CREATE TABLE public.%s_p%04d_%02d PARTITION OF public.%s FOR VALUES FROM"
                    + " ('%s-01 00:00:00+00') TO ('%s-01 00:00:00+00')", t, m.getYear(), m.getMonthValue(), t, m,
                    m.plusMonths(1));
        })).toList();
    }

    /** Partitions (ranged children) of every table in {@code names}. */
    static int countPartitions(Connection c, List<String> names) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + " JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = 'public' AND p.relname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void createRowsFunction(Connection c) throws SQLException {
        // ten rows in each retained month, the newest in the current month (pg_partman premakes from the newest row)
        exec(c, """
                CREATE OR REPLACE FUNCTION pg_temp.bench_rows(t text, history int) RETURNS void
                LANGUAGE plpgsql AS $$
                BEGIN
                  EXECUTE format('INSERT INTO public.%I (id, created_at, user_id, action)'
                    || ' SELECT g, date_trunc(''month'', now()) - make_interval(months => g %% $1)'
                    || ' + make_interval(hours => g), g %% 7, ''login'' FROM generate_series(1, 10 * $1) g', t)
                    USING history;
                END $$""");
    }

    private static void call(Connection c, String sql, List<String> names, int number) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true); // the procedures commit per table
        try (var ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            ps.setInt(2, number);
            ps.execute();
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
