package io.arxos.partitions.inventory;

/** Catalog expressions the planner and the executor must compute the same way. */
public final class CatalogSql {

    /**
     * Index facts validation needs, for parents given as two text arrays of equal length (schema names, table names),
     * in one round trip: rows {@code (ord, kind, partition, index)} where kind is {@code parent} (an index of the
     * parent), {@code missing} (a partition lacks an index attached to that parent index) or {@code local} (an index
     * on a partition only). Only problems come back per partition, so a healthy table costs one row per parent index.
     * A partitioned index is valid exactly when every partition has an index attached to it (PostgreSQL keeps it
     * invalid after {@code CREATE INDEX ON ONLY} until the last one is attached), so only invalid ones are looked into.
     */
    public static final String INDEX_FACTS = """
            WITH want AS (
                SELECT w.ord, pc.oid AS parent
                  FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS w(schema_name, table_name, ord)
                  JOIN pg_namespace pn ON pn.nspname = w.schema_name
                  JOIN pg_class pc ON pc.relnamespace = pn.oid AND pc.relname = w.table_name AND pc.relkind = 'p')
            SELECT w.ord, 'parent' AS kind, NULL::name AS partition, ix.relname AS index
              FROM want w JOIN pg_index x ON x.indrelid = w.parent JOIN pg_class ix ON ix.oid = x.indexrelid
            UNION ALL
            SELECT w.ord, 'missing', part.relname, pix.relname
              FROM want w
              JOIN pg_index px ON px.indrelid = w.parent AND NOT px.indisvalid
              JOIN pg_class pix ON pix.oid = px.indexrelid
              JOIN pg_inherits pi ON pi.inhparent = w.parent JOIN pg_class part ON part.oid = pi.inhrelid
             WHERE NOT EXISTS (SELECT 1 FROM pg_index cx JOIN pg_inherits ii ON ii.inhrelid = cx.indexrelid
                                WHERE cx.indrelid = part.oid AND ii.inhparent = px.indexrelid)
            UNION ALL
            SELECT w.ord, 'local', part.relname, ci.relname
              FROM want w
              JOIN pg_inherits pi ON pi.inhparent = w.parent JOIN pg_class part ON part.oid = pi.inhrelid
              JOIN pg_index x ON x.indrelid = part.oid JOIN pg_class ci ON ci.oid = x.indexrelid
             WHERE NOT EXISTS (SELECT 1 FROM pg_inherits ii WHERE ii.inhrelid = ci.oid)
            """;

    private CatalogSql() {
    }

    /**
     * Bytes on disk of the relation {@code alias} (a pg_class row) with its indexes and TOAST, from {@code relpages}
     * as of their last VACUUM, ANALYZE or CREATE INDEX, read without touching any file. A heap not counted there yet
     * that statistics say holds rows (a freshly filled partition) is measured on disk; one they say is empty (a
     * premade partition) counts as empty. {@code pg_total_relation_size} would open every partition and index and
     * stat every fork of each, which made reading the sizes of a table with many partitions cost more than
     * maintaining it.
     */
    public static String sizeBytes(String alias) {
        String a = alias;
        return "current_setting('block_size')::bigint * ("
                + "CASE WHEN " + a + ".relpages > 0 THEN " + a + ".relpages::bigint"
                + " WHEN pg_stat_get_live_tuples(" + a + ".oid) > 0"
                + " THEN pg_relation_size(" + a + ".oid) / current_setting('block_size')::bigint ELSE 0 END"
                + " + COALESCE((SELECT sum(ix.relpages) FROM pg_index x JOIN pg_class ix ON ix.oid = x.indexrelid"
                + " WHERE x.indrelid = " + a + ".oid), 0)"
                + " + COALESCE((SELECT t.relpages FROM pg_class t WHERE t.oid = " + a + ".reltoastrelid), 0))";
    }
}
