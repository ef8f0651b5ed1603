package io.arxos.partitions.planner.postgres.maintenance;

import io.arxos.partitions.inventory.CatalogSql;

/**
 * The set-based catalog queries the planner runs: structure and sizes, index facts, and default-partition rows.
 */
final class CatalogQueries {

    private CatalogQueries() {
    }

    /**
     * Every requested parent with its partitioning and children, in one round trip. Parameters: schema names and
     * table names as two text arrays of equal length.
     */
    static final String STRUCTURE = """
            SELECT want.ord,
                   CASE WHEN c.oid IS NULL THEN 0 ELSE pg_stat_get_live_tuples(c.oid) END AS live_rows,
                   CASE WHEN c.oid IS NULL THEN 0 ELSE %s END AS size_bytes,
                   CASE WHEN pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT' THEN pg_relation_size(c.oid) ELSE 0 END
                                                                        AS heap_bytes,
                   pc.oid IS NOT NULL                                   AS found,
                   pt.partstrat::text                                   AS strategy,
                   pt.partnatts                                         AS key_columns,
                   ka.attname                                           AS key_column,
                   format_type(ka.atttypid, ka.atttypmod)               AS key_type,
                   c.relname                                            AS child,
                   quote_ident(cn.nspname) || '.' || quote_ident(c.relname) AS child_qualified,
                   pg_get_expr(c.relpartbound, c.oid)                   AS bound,
                   c.reltuples::bigint                                  AS row_estimate,
                   cn.nspname                                           AS child_schema
              FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS want(schema_name, table_name, ord)
              LEFT JOIN pg_namespace pn ON pn.nspname = want.schema_name
              LEFT JOIN pg_class pc ON pc.relnamespace = pn.oid AND pc.relname = want.table_name
                                   AND pc.relkind IN ('r', 'p')
              LEFT JOIN pg_partitioned_table pt ON pt.partrelid = pc.oid
              LEFT JOIN pg_attribute ka ON ka.attrelid = pc.oid AND ka.attnum = pt.partattrs[0]
              LEFT JOIN pg_inherits i ON i.inhparent = pc.oid AND pt.partrelid IS NOT NULL
              LEFT JOIN pg_class c ON c.oid = i.inhrelid
              LEFT JOIN pg_namespace cn ON cn.oid = c.relnamespace
             ORDER BY want.ord, c.relname
            """.formatted(CatalogSql.sizeBytes("c"));

    /**
     * Key-column histograms of chosen partitions (the newest and the default of each table), from which the newest
     * key is estimated. Parameters: schema names, table names and column names as text arrays; rows of other
     * combinations are dropped by the caller. Joining pg_stats to every partition of every table instead cost more
     * than the rest of the catalog read (the view checks column privileges row by row).
     */
    static final String HISTOGRAMS = """
            SELECT s.schemaname, s.tablename, s.attname, s.histogram_bounds::text
              FROM pg_stats s
             WHERE s.schemaname = ANY (?::name[]) AND s.tablename = ANY (?::name[]) AND s.attname = ANY (?::name[])
               AND NOT s.inherited
            """;

    /** Index facts validation needs, for every requested parent ({@link CatalogSql#INDEX_FACTS}). */
    static final String INDEXES = CatalogSql.INDEX_FACTS;

    /** One branch per default partition of the UNION ALL that counts its rows by key month. */
    static String defaultRowsBranch(String qualifiedDefault, String monthExpression) {
        return "SELECT ?::int AS ord, to_char(date_trunc('month', " + monthExpression + "), 'YYYY-MM') AS month,"
                + " count(*) AS rows FROM " + qualifiedDefault + " GROUP BY 2";
    }
}
