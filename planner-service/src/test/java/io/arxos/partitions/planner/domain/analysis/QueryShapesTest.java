package io.arxos.partitions.planner.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryShapesTest {

    @Test
    void findsTheTableBareQualifiedOrQuotedButNotAsPartOfAnotherName() {
        assertThat(QueryShapes.mentions("SELECT * FROM audit_logs WHERE id = $1", "public", "audit_logs")).isTrue();
        assertThat(QueryShapes.mentions("select * from public.audit_logs", "public", "audit_logs")).isTrue();
        assertThat(QueryShapes.mentions("select * from \"audit_logs\" a", "public", "audit_logs")).isTrue();
        assertThat(QueryShapes.mentions("select * from audit_logs_legacy", "public", "audit_logs")).isFalse();
        assertThat(QueryShapes.mentions("select * from other.audit_logs", "public", "audit_logs")).isFalse();
    }

    @Test
    void rangeAndEqualityFiltersCountOnlyInTheWhereClause() {
        QueryShapes s = QueryShapes.of("SELECT created_at > now() FROM t WHERE user_id = $1", "created_at");
        assertThat(s.filtersByRange()).isFalse();
        assertThat(QueryShapes.of("SELECT * FROM t x WHERE x.created_at BETWEEN $1 AND $2", "created_at")
                .filtersByRange()).isTrue();
        assertThat(QueryShapes.of("SELECT * FROM t WHERE $1 <= \"created_at\"", "created_at").filtersByRange())
                .isTrue();
        assertThat(QueryShapes.of("SELECT * FROM t WHERE user_id IN ($1, $2)", "user_id").filtersByEquality())
                .isTrue();
        assertThat(QueryShapes.of("SELECT * FROM t WHERE created_at_day = $1", "created_at").filtersAtAll())
                .isFalse();
    }

    @Test
    void recognisesTheExpressionsThatDefeatPruning() {
        assertThat(QueryShapes.of("SELECT * FROM t WHERE created_at::date = $1", "created_at").nonPruning())
                .singleElement().satisfies(n -> assertThat(n.problem()).contains("to date"));
        assertThat(QueryShapes.of("SELECT * FROM t WHERE extract(year from created_at) = $1", "created_at")
                .nonPruning()).singleElement().satisfies(n -> assertThat(n.problem()).contains("extract"));
        assertThat(QueryShapes.of("SELECT * FROM t WHERE to_char(created_at, $1) = $2", "created_at").nonPruning())
                .singleElement().satisfies(n -> assertThat(n.problem()).contains("to_char"));
        assertThat(QueryShapes.of("SELECT * FROM t WHERE created_at >= $1 AND created_at < $2", "created_at")
                .nonPruning()).isEmpty();
    }

    @Test
    void onlyStatementsThatReadOrWriteRowsCountAsAccess() {
        assertThat(QueryShapes.isDataStatement("  WITH x AS (SELECT 1) SELECT * FROM x")).isTrue();
        assertThat(QueryShapes.isDataStatement("delete from t where created_at < $1")).isTrue();
        assertThat(QueryShapes.isDataStatement("CREATE INDEX t_idx ON public.t (created_at)")).isFalse();
        assertThat(QueryShapes.isDataStatement("ANALYZE public.t")).isFalse();
    }

    @Test
    void dateTruncRewriteStepsByItsUnit() {
        assertThat(QueryShapes.of("SELECT * FROM t WHERE date_trunc('day', \"timestamp\") = $1", "timestamp")
                .nonPruning()).singleElement().satisfies(n -> assertThat(n.rewrite())
                        .isEqualTo("WHERE timestamp >= $start AND timestamp < $start + interval '1 day'"));
    }
}
