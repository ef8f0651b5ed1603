package io.arxos.partitions.cli.migration;

import io.arxos.partitions.core.TableKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Assembles the reviewable SQL script of {@code partctl migrate --emit-sql} from the executor's dry-run answers. */
public final class MigrationScript {

    /** One step's statements, as the executor would run them. */
    public record Section(String step, List<String> statements) {
        public Section {
            statements = List.copyOf(statements);
        }
    }

    /** One table's part of the script. */
    public record TablePart(TableKey table, String partitionKey, List<Section> sections) {
        public TablePart {
            sections = List.copyOf(sections);
        }
    }

    private MigrationScript() {
    }

    /** The whole script: a header, then per table a header comment and a {@code -- <step>} section per step. */
    public static String render(List<TablePart> tables, String migrationId, Instant generatedAt) {
        String date = generatedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder sql = new StringBuilder()
                .append("-- partctl migrate --emit-sql (migration ").append(migrationId).append(")\n")
                .append("-- Nothing has been run. partctl migrate runs these steps through the executor in this\n")
                .append("-- order; COPY repeats batch by batch until the table is copied. ROLLBACK undoes the\n")
                .append("-- migration: it is here for review, not to run after SWAP.\n");
        for (TablePart table : tables) {
            sql.append('\n')
                    .append("-- table: ").append(table.table().table()).append(" (database ")
                    .append(table.table().database()).append(")\n")
                    .append("-- partition key: ").append(table.partitionKey()).append('\n')
                    .append("-- date: ").append(date).append('\n');
            for (Section section : table.sections()) {
                sql.append('\n').append("-- ").append(section.step().toLowerCase(Locale.ROOT)).append('\n');
                if (section.statements().isEmpty()) {
                    sql.append("-- (no statements)\n");
                }
                for (String statement : section.statements()) {
                    sql.append(terminated(statement)).append('\n');
                }
            }
        }
        return sql.toString();
    }

    /** The statement with a closing {@code ;}, so the script runs as is in psql. */
    static String terminated(String statement) {
        String text = statement.strip();
        if (text.endsWith(";")) {
            return text;
        }
        // a trailing -- comment would swallow a ';' appended on the same line
        String lastLine = text.substring(text.lastIndexOf('\n') + 1);
        return lastLine.contains("--") ? text + "\n;" : text + ";";
    }
}
