package io.arxos.partitions.cli.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.arxos.partitions.core.TableKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    private static final TableKey LEGACY = TableKey.parse("arxos/public.audit_logs_legacy");

    @Test
    void writesAHeaderPerTableAndASectionPerStepWithTerminatedStatements() {
        MigrationScript.TablePart part = new MigrationScript.TablePart(LEGACY, "created_at", List.of(
                new MigrationScript.Section("PREPARE", List.of(
                        "CREATE TABLE \"public\".\"audit_logs_legacy_p\" (LIKE \"public\".\"audit_logs_legacy\")"
                                + " PARTITION BY RANGE (\"created_at\")",
                        "CREATE TABLE \"public\".\"audit_logs_legacy_p2026_11\" PARTITION OF x FOR VALUES FROM "
                                + "('2026-11-01') TO ('2026-12-01');")),
                new MigrationScript.Section("COPY", List.of("INSERT INTO a SELECT * FROM b LIMIT 10000  \n")),
                new MigrationScript.Section("STATUS", List.of())));

        String script = MigrationScript.render(List.of(part), "m-1", MigrationFixtures.NOW.plusMillis(456));

        assertThat(script).isEqualTo("""
                -- partctl migrate --emit-sql (migration m-1)
                -- Nothing has been run. partctl migrate runs these steps through the executor in this
                -- order; COPY repeats batch by batch until the table is copied. ROLLBACK undoes the
                -- migration: it is here for review, not to run after SWAP.

                -- table: public.audit_logs_legacy (database arxos)
                -- partition key: created_at
                -- date: 2026-11-25T13:24:33Z

                -- prepare
                CREATE TABLE "public"."audit_logs_legacy_p" (LIKE "public"."audit_logs_legacy") PARTITION BY RANGE \
                ("created_at");
                CREATE TABLE "public"."audit_logs_legacy_p2026_11" PARTITION OF x FOR VALUES FROM ('2026-11-01') TO \
                ('2026-12-01');

                -- copy
                INSERT INTO a SELECT * FROM b LIMIT 10000;

                -- status
                -- (no statements)
                """);
    }

    @Test
    void everyTableGetsItsOwnHeader() {
        MigrationScript.TablePart first = new MigrationScript.TablePart(LEGACY, "created_at",
                List.of(new MigrationScript.Section("PREPARE", List.of("SELECT 1"))));
        MigrationScript.TablePart second = new MigrationScript.TablePart(
                TableKey.parse("arxos/public.chat_messages_legacy"), "sent_at",
                List.of(new MigrationScript.Section("PREPARE", List.of("SELECT 2"))));

        String script = MigrationScript.render(List.of(first, second), "m-1", MigrationFixtures.NOW);

        assertThat(script).containsSubsequence("-- table: public.audit_logs_legacy (database arxos)", "SELECT 1;",
                "-- table: public.chat_messages_legacy (database arxos)", "-- partition key: sent_at", "SELECT 2;");
    }

    @Test
    void aStatementAlreadyTerminatedKeepsItsSemicolonAndATrailingCommentDoesNotSwallowTheNewOne() {
        assertThat(MigrationScript.terminated("SELECT 1;  ")).isEqualTo("SELECT 1;");
        assertThat(MigrationScript.terminated("DO $$ BEGIN NULL; END $$")).isEqualTo("DO $$ BEGIN NULL; END $$;");
        assertThat(MigrationScript.terminated("SELECT 1\n-- keep writers waiting at most 2 s"))
                .isEqualTo("SELECT 1\n-- keep writers waiting at most 2 s\n;");
    }
}
