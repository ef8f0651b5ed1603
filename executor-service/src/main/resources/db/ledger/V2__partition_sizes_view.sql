-- Partition sizes as in the original guide: name, start, end, row count (live-tuple statistics), size in MB.
CREATE OR REPLACE VIEW ${ledger_schema}.v_partition_sizes AS
SELECT pn.nspname                                                            AS parent_schema,
       p.relname                                                             AS parent_table,
       cn.nspname                                                            AS partition_schema,
       c.relname                                                             AS partition_name,
       (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \((.*)\) TO'))[1] AS partition_start,
       (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \((.*)\)$'))[1]    AS partition_end,
       pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'                        AS is_default,
       COALESCE(s.n_live_tup, GREATEST(c.reltuples, 0)::bigint)              AS row_count,
       round(pg_total_relation_size(c.oid) / 1048576.0, 2)                   AS size_mb,
       pg_total_relation_size(c.oid)                                         AS size_bytes,
       pg_get_expr(c.relpartbound, c.oid)                                    AS bound_expression
  FROM pg_inherits i
  JOIN pg_class c       ON c.oid = i.inhrelid
  JOIN pg_namespace cn  ON cn.oid = c.relnamespace
  JOIN pg_class p       ON p.oid = i.inhparent AND p.relkind = 'p'
  JOIN pg_namespace pn  ON pn.oid = p.relnamespace
  LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid;

COMMENT ON VIEW ${ledger_schema}.v_partition_sizes IS
    'Every partition of every partitioned table: bounds, row count (statistics) and size';
