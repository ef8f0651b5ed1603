package io.arxos.partitions.reporter.domain;

import io.arxos.partitions.reporter.domain.maintenance.CommandKind;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.LineStatus;
import io.arxos.partitions.reporter.domain.maintenance.MaintenanceReport.OperationLine;
import io.arxos.partitions.reporter.domain.maintenance.PartitionSize;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text pieces the Markdown and HTML renderers share, so both print a value the same way. */
public final class ReportCells {

    private ReportCells() {
    }

    public static String bound(PartitionSize p, boolean lower) {
        if (p.defaultPartition()) {
            return "DEFAULT";
        }
        LocalDateTime value = lower ? p.from() : p.to();
        if (value == null) {
            return lower ? "MINVALUE" : "MAXVALUE";
        }
        return value.toLocalTime().equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toString();
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f", bytes / (1024.0 * 1024.0));
    }

    /** Estimates are -1 for tables PostgreSQL never analysed. */
    public static String rows(long estimate) {
        return estimate < 0 ? "?" : Long.toString(estimate);
    }

    public static String emoji(LineStatus status) {
        return switch (status) {
            case SUCCEEDED -> "✅";
            case ALREADY_APPLIED -> "♻️";
            case DRY_RUN -> "📝";
            case FAILED -> "❌";
            case REJECTED -> "⛔";
            case MISSING -> "⏳";
            case UNKNOWN -> "❔";
        };
    }

    public static boolean isValidate(OperationLine op) {
        return op.operation().equals(CommandKind.VALIDATE_TABLE.label());
    }

    /** What the operation acted on: the partition, or the table for validation. */
    public static String target(OperationLine op) {
        return isValidate(op) || op.partition() == null ? op.table() : op.partition();
    }

    /** One operation as a sentence, without the status emoji: {@code create_partition: x (already applied)}. */
    public static String sentence(OperationLine op) {
        StringBuilder text = new StringBuilder(op.operation()).append(": ").append(target(op));
        switch (op.status()) {
            case SUCCEEDED, ALREADY_APPLIED, DRY_RUN -> {
                for (String extra : extras(op)) {
                    text.append(" (").append(extra).append(')');
                }
            }
            case FAILED -> text.append(" — ").append(failure(op));
            case REJECTED -> text.append(" — rejected: ").append(orElse(op.errorMessage(), "no reason given"));
            case MISSING -> text.append(" — no outcome before the deadline");
            case UNKNOWN -> text.append(" — outcome status unknown to this reporter");
        }
        return text.toString();
    }

    private static List<String> extras(OperationLine op) {
        List<String> extras = new ArrayList<>();
        if (op.ageMonths() != null) {
            extras.add(op.ageMonths() + (op.ageMonths() == 1 ? " month old" : " months old"));
        }
        if (op.rowsMoved() > 0) {
            extras.add("moved " + op.rowsMoved() + " rows out of the default partition");
        }
        if (isValidate(op)) {
            int n = op.findings().size();
            extras.add(n + (n == 1 ? " finding" : " findings"));
        }
        if (op.status() == LineStatus.ALREADY_APPLIED) {
            extras.add("already applied");
        }
        if (op.status() == LineStatus.DRY_RUN) {
            extras.add("dry run");
        }
        return extras;
    }

    private static String failure(OperationLine op) {
        String state = op.sqlState() == null ? "" : op.sqlState();
        String message = op.errorMessage() == null ? "" : op.errorMessage();
        String both = (state + " " + message).trim();
        return both.isEmpty() ? "failed" : both;
    }

    public static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    public static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** Text made safe for a Markdown table cell: a pipe or line break inside a cell would split the table. */
    public static String cell(String text) {
        return text.replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * Text as one Markdown code span on one line: whitespace runs become one space, and the span is fenced with one
     * backtick more than the longest run inside it (padded when the text starts or ends with a backtick).
     */
    public static String code(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        String fence = "`".repeat(longestBacktickRun(flat) + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }

    /** The fence of a fenced code block holding {@code content}: three backticks, or more when it contains some. */
    public static String fence(String content) {
        return "`".repeat(Math.max(3, longestBacktickRun(content) + 1));
    }

    /** {@code text} cut to {@code max} characters, marked with an ellipsis when cut. */
    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A size in binary units: {@code 512 B}, {@code 48.0 KiB}, {@code 1.5 GiB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A count with thousands separators: {@code 1,234,567}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A ratio (0..1) as a percentage with one decimal. */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** A duration for people: {@code 850 ms}, {@code 4.2 s}, {@code 1 min 4 s}, {@code 2 h 5 min}. */
    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return millis % 1000 == 0 ? millis / 1000 + " s"
                    : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        long minutes = seconds / 60;
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /**
     * An estimate's value by its unit (bytes, ratio, partitions, rows, ms or milliseconds); {@code not estimated}
     * when the analysis could not derive it.
     */
    public static String estimate(Double value, String unit) {
        if (value == null) {
            return "not estimated";
        }
        return switch (unit == null ? "" : unit) {
            case "bytes" -> bytes(Math.round(value));
            case "ratio" -> percent(value);
            case "partitions", "rows" -> count(Math.round(value));
            case "ms", "milliseconds" -> String.format(Locale.ROOT, "%,.1f ms", value);
            default -> String.format(Locale.ROOT, "%,.2f %s", value, unit).strip();
        };
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
