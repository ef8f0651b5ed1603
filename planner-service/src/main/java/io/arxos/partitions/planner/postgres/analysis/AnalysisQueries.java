package io.arxos.partitions.planner.postgres.analysis;

/** The analysis's catalog queries: each reads every table of a database at once, whatever their number. */
final class AnalysisQueries {

    private AnalysisQueries() {
    }

    static final String CONTEXT = """
            SELECT current_setting('server_version'), current_setting('server_version_num')::int,
                   pg_size_bytes(current_setting('shared_buffers')),
                   (SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()),
                   clock_timestamp()
            """;

    /** Top-level tables (plain or partitioned, not partitions), sizes and counters summed over their leaves. */
    static final String TABLES = """
            WITH roots AS (
                SELECT c.oid, n.nspname, c.relname, c.relkind
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'partition_ops')
                  AND n.nspname !~ '^pg_(toast|temp)'
            ), members AS (
                SELECT r.oid AS root, r.oid AS leaf FROM roots r WHERE r.relkind = 'r'
                UNION ALL
                SELECT r.oid, t.relid FROM roots r CROSS JOIN LATERAL pg_partition_tree(r.oid) t
                WHERE r.relkind = 'p' AND t.isleaf
            )
            SELECT r.oid, r.nspname, r.relname, r.relkind = 'p',
                   count(m.leaf) FILTER (WHERE r.relkind = 'p'),
                   coalesce(sum(pg_total_relation_size(m.leaf)), 0), coalesce(sum(pg_table_size(m.leaf)), 0),
                   coalesce(sum(pg_indexes_size(m.leaf)), 0),
                   coalesce(sum(greatest(lc.reltuples, 0)), 0)::bigint, coalesce(sum(s.n_live_tup), 0),
                   coalesce(sum(s.n_dead_tup), 0), coalesce(sum(s.n_tup_ins), 0), coalesce(sum(s.n_tup_upd), 0),
                   coalesce(sum(s.n_tup_del), 0), coalesce(sum(s.seq_scan), 0), coalesce(sum(s.idx_scan), 0),
                   max(greatest(s.last_vacuum, s.last_autovacuum)), max(greatest(s.last_analyze, s.last_autoanalyze)),
                   coalesce(sum(s.n_mod_since_analyze), 0)
            FROM roots r
            LEFT JOIN members m ON m.root = r.oid
            LEFT JOIN pg_class lc ON lc.oid = m.leaf
            LEFT JOIN pg_stat_user_tables s ON s.relid = m.leaf
            GROUP BY r.oid, r.nspname, r.relname, r.relkind
            ORDER BY r.nspname, r.relname
            """;

    /** Columns with their statistics (the parent's inherited statistics first for partitioned tables). */
    static final String COLUMNS = """
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   a.atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype),
                   s.null_frac, s.correlation, s.n_distinct, s.histogram_bounds::text, s.most_common_vals::text,
                   s.most_common_freqs::text,
                   EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indkey[0] = a.attnum),
                   a.attidentity <> '',
                   pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN LATERAL (
                SELECT st.* FROM pg_stats st
                WHERE st.schemaname = n.nspname AND st.tablename = c.relname AND st.attname = a.attname
                ORDER BY st.inherited DESC LIMIT 1) s ON true
            WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;

    /** Indexes of the tables; a partitioned index's size and scans are its partitions'. */
    static final String INDEXES = """
            SELECT i.indrelid, ci.relname, i.indisunique, i.indisprimary, am.amname,
                   CASE WHEN ci.relkind = 'I'
                        THEN (SELECT coalesce(sum(pg_relation_size(t.relid)), 0) FROM pg_partition_tree(i.indexrelid) t)
                        ELSE pg_relation_size(i.indexrelid) END,
                   CASE WHEN ci.relkind = 'I'
                        THEN (SELECT coalesce(sum(x.idx_scan), 0) FROM pg_partition_tree(i.indexrelid) t
                              JOIN pg_stat_user_indexes x ON x.indexrelid = t.relid)
                        ELSE coalesce(si.idx_scan, 0) END,
                   pg_get_indexdef(i.indexrelid), pg_get_expr(i.indpred, i.indrelid),
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k
                         ORDER BY k)
            FROM pg_index i
            JOIN pg_class ci ON ci.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ci.relam
            LEFT JOIN pg_stat_user_indexes si ON si.indexrelid = i.indexrelid
            WHERE i.indrelid = ANY (?)
            ORDER BY i.indrelid, ci.relname
            """;

    /** Indexes of partitions that belong to no index of the parent: they exist on single partitions only. */
    static final String PARTITION_ONLY_INDEXES = """
            SELECT r.root, ci.relname, i.indisunique, am.amname, pg_relation_size(i.indexrelid),
                   coalesce(si.idx_scan, 0), pg_get_indexdef(i.indexrelid), pg_get_expr(i.indpred, i.indrelid),
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k
                         ORDER BY k)
            FROM (SELECT p AS root, t.relid AS leaf FROM unnest(?::oid[]) p CROSS JOIN LATERAL pg_partition_tree(p) t
                  WHERE t.isleaf) r
            JOIN pg_index i ON i.indrelid = r.leaf
            JOIN pg_class ci ON ci.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ci.relam
            LEFT JOIN pg_stat_user_indexes si ON si.indexrelid = i.indexrelid
            WHERE NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
            ORDER BY r.root, ci.relname
            """;

    /** Primary keys, unique constraints and foreign keys with a table on either side. */
    static final String CONSTRAINTS = """
            SELECT con.conrelid, con.confrelid, con.contype, con.conname, pg_get_constraintdef(con.oid),
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
                   (SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.oid = con.conrelid),
                   (SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.oid = con.confrelid)
            FROM pg_constraint con
            WHERE con.contype IN ('p', 'u', 'f') AND con.conparentid = 0
              AND (con.conrelid = ANY (?) OR con.confrelid = ANY (?))
            ORDER BY con.conname
            """;

    static final String STATEMENTS_EXTENSION = """
            SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'pg_stat_statements'
            """;

    /** The statement list, most time-consuming first; the schema is the extension's, quoted by the server. */
    static String statements(String quotedSchema, boolean execTimeColumns) {
        String mean = execTimeColumns ? "mean_exec_time" : "mean_time";
        String total = execTimeColumns ? "total_exec_time" : "total_time";
        return "SELECT queryid::text, query, calls, " + mean + ", " + total + ", rows FROM " + quotedSchema
                + ".pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "ORDER BY " + total + " DESC LIMIT 2000";
    }
}
