package io.arxos.partitions.reporter.domain.maintenance;

import io.arxos.partitions.reporter.domain.ReportCells;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.DatabaseSection;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.OperationLine;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.Summary;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.TableNote;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Renders a {@link MaintenanceReport} as Markdown, laid out like the maintenance guide's report. */
public final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    public static String render(MaintenanceReport report) {
        StringWriter md = new StringWriter();
        render(report, md);
        return md.toString();
    }

    /**
     * Writes the report to {@code out} one database section at a time, so only one section is ever held as text.
     */
    public static void render(MaintenanceReport report, Writer out) {
        header(report, out);
        for (DatabaseSection section : report.databases()) {
            section(section, report.dryRun(), out);
        }
    }

    /** The report's title, facts and executive summary: what comes before its database sections. */
    public static void header(MaintenanceReport report, Writer out) {
        StringBuilder md = new StringBuilder("# Partition Maintenance Report\n\n");
        md.append("- **Run ID**: ").append(report.runId()).append('\n');
        md.append("- **Trigger**: ").append(report.trigger()).append('\n');
        md.append("- **Dry run**: ").append(ReportCells.yesNo(report.dryRun())).append('\n');
        md.append("- **Generated at**: ").append(report.generatedAt()).append('\n');
        md.append("- **Status**: ").append(report.status()).append('\n');
        md.append("- **Exit code**: ").append(report.exitCode()).append('\n');
        if (report.error() != null) {
            md.append("- **Error**: ").append(report.error()).append('\n');
        }
        summary(md, report.summary());
        write(out, md);
    }

    /** One database's section (with the SQL of each operation when the run is a dry run). */
    public static void section(DatabaseSection section, boolean dryRun, Writer out) {
        StringBuilder md = new StringBuilder();
        database(md, section, dryRun);
        write(out, md);
    }

    private static void write(Writer out, CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Markdown report", e);
        }
    }

    private static void summary(StringBuilder md, Summary s) {
        md.append("\n## Executive Summary\n\n");
        md.append("- **Total Operations**: ").append(s.totalOperations()).append('\n');
        md.append("- **Successful**: ").append(s.successful()).append('\n');
        md.append("- **Failed**: ").append(s.failed()).append('\n');
        md.append("- **Rejected**: ").append(s.rejected()).append('\n');
        md.append("- **Partitions Created**: ").append(s.partitionsCreated()).append('\n');
        md.append("- **Partitions Dropped**: ").append(s.partitionsDropped()).append('\n');
        md.append("- **Partitions Detached**: ").append(s.partitionsDetached()).append('\n');
        md.append("- **Rows moved out of default partitions**: ").append(s.rowsMovedFromDefault()).append('\n');
        md.append("- **Validation findings**: ").append(s.validationFindings()).append('\n');
    }

    private static void database(StringBuilder md, DatabaseSection section, boolean dryRun) {
        md.append("\n## Database ").append(section.database()).append("\n\n");
        if (!section.reachable()) {
            md.append("- ⚠️ unreachable: ").append(ReportCells.orElse(section.error(), "no reason given")).append('\n');
        } else if (section.operations().isEmpty()) {
            md.append("- No operations\n");
        }
        for (OperationLine op : section.operations()) {
            md.append("- ").append(ReportCells.emoji(op.status())).append(' ').append(ReportCells.sentence(op))
                    .append('\n');
        }
        notes(md, section.notes());
        findings(md, section.validationFindings());
        sizes(md, section.operations());
        if (dryRun) {
            sql(md, section.operations());
        }
    }

    private static void notes(StringBuilder md, List<TableNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        md.append("\n### Planner notes\n\n");
        for (TableNote note : notes) {
            md.append("- ").append(note.table()).append(": ").append(note.kind());
            if (note.partition() != null || note.rows() != null) {
                md.append(" (");
                md.append(note.partition() == null ? "" : note.partition());
                md.append(note.partition() != null && note.rows() != null ? ", " : "");
                md.append(note.rows() == null ? "" : note.rows() + " rows");
                md.append(')');
            }
            md.append(" — ").append(note.detail()).append('\n');
        }
    }

    private static void findings(StringBuilder md, List<TableNote> findings) {
        if (findings.isEmpty()) {
            return;
        }
        md.append("\n### Validation findings\n\n| Table | Kind | Partition | Detail |\n|---|---|---|---|\n");
        for (TableNote f : findings) {
            row(md, f.table(), f.kind(), f.partition() == null ? "—" : f.partition(), f.detail());
        }
    }

    private static void sizes(StringBuilder md, List<OperationLine> operations) {
        if (operations.stream().allMatch(op -> op.partitions().isEmpty())) {
            return;
        }
        md.append("\n### Partition sizes after the run\n\n")
                .append("| Table | Partition | From | To | Rows (est.) | Size (MB) |\n")
                .append("|---|---|---|---|---:|---:|\n");
        for (OperationLine op : operations) {
            for (PartitionSize p : op.partitions()) {
                row(md, op.table(), p.name(), ReportCells.bound(p, true), ReportCells.bound(p, false),
                        ReportCells.rows(p.rowEstimate()), ReportCells.megabytes(p.sizeBytes()));
            }
        }
    }

    private static void sql(StringBuilder md, List<OperationLine> operations) {
        if (operations.stream().allMatch(op -> op.sql().isEmpty())) {
            return;
        }
        md.append("\n### SQL (dry run, not executed)\n");
        for (OperationLine op : operations) {
            if (op.sql().isEmpty()) {
                continue;
            }
            md.append("\n#### ").append(op.operation()).append(": ").append(ReportCells.target(op)).append("\n\n");
            md.append("```sql\n");
            // each statement ends with ';', so the block pastes into psql as it is
            op.sql().forEach(statement -> md.append(terminated(statement)).append('\n'));
            md.append("```\n");
        }
    }

    static String terminated(String statement) {
        String s = statement.stripTrailing();
        return s.endsWith(";") ? s : s + ";";
    }

    private static void row(StringBuilder md, String... cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(ReportCells.cell(cell)).append(" |");
        }
        md.append('\n');
    }
}
