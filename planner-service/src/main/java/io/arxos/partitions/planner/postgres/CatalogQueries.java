package io.arxos.partitions.planner.postgres;

/** The set-based catalog queries the planner runs: one for structure and sizes, one for default-partition rows. */
final class CatalogQueries {

    private CatalogQueries() {
    }

    /**
     * Every requested parent with its partitioning and children, in one round trip. Parameters: schema names and
     * table names as two text arrays of equal length.
     */
    static final String STRUCTURE = """
            SELECT want.ord,
                   pc.oid IS NOT NULL                                   AS found,
                   pt.partstrat::text                                   AS strategy,
                   pt.partnatts                                         AS key_columns,
                   ka.attname                                           AS key_column,
                   format_type(ka.atttypid, ka.atttypmod)               AS key_type,
                   c.relname                                            AS child,
                   quote_ident(cn.nspname) || '.' || quote_ident(c.relname) AS child_qualified,
                   pg_get_expr(c.relpartbound, c.oid)                   AS bound,
                   c.reltuples::bigint                                  AS row_estimate,
                   CASE WHEN c.oid IS NULL THEN 0 ELSE pg_total_relation_size(c.oid) END AS size_bytes,
                   s.histogram_bounds::text                             AS histogram
              FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS want(schema_name, table_name, ord)
              LEFT JOIN pg_namespace pn ON pn.nspname = want.schema_name
              LEFT JOIN pg_class pc ON pc.relnamespace = pn.oid AND pc.relname = want.table_name
                                   AND pc.relkind IN ('r', 'p')
              LEFT JOIN pg_partitioned_table pt ON pt.partrelid = pc.oid
              LEFT JOIN pg_attribute ka ON ka.attrelid = pc.oid AND ka.attnum = pt.partattrs[0]
              LEFT JOIN pg_inherits i ON i.inhparent = pc.oid AND pt.partrelid IS NOT NULL
              LEFT JOIN pg_class c ON c.oid = i.inhrelid
              LEFT JOIN pg_namespace cn ON cn.oid = c.relnamespace
              LEFT JOIN pg_stats s ON s.schemaname = cn.nspname AND s.tablename = c.relname
                                  AND s.attname = ka.attname AND NOT s.inherited
             ORDER BY want.ord, c.relname
            """;

    /** One branch per default partition of the UNION ALL that counts its rows by key month. */
    static String defaultRowsBranch(String qualifiedDefault, String monthExpression) {
        return "SELECT ?::int AS ord, to_char(date_trunc('month', " + monthExpression + "), 'YYYY-MM') AS month,"
                + " count(*) AS rows FROM " + qualifiedDefault + " GROUP BY 2";
    }
}
