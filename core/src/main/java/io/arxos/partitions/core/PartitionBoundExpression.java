package io.arxos.partitions.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL's partition bound text ({@code pg_get_expr(relpartbound, oid)}) for single-column range
 * partitions. The session must run with {@code TimeZone = 'UTC'} so timestamptz bounds come back as UTC.
 */
public final class PartitionBoundExpression {

    private static final Pattern RANGE = Pattern.compile("FOR VALUES FROM \\((.+)\\) TO \\((.+)\\)");
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ HH:mm[:ss]]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();
    private static final Pattern OFFSET = Pattern.compile("(.*\\d)([+-]\\d{2})(:?\\d{2})?(:?\\d{2})?");

    private PartitionBoundExpression() {
    }

    /** True for the default partition's bound text. */
    public static boolean isDefault(String bound) {
        return bound != null && bound.strip().equals("DEFAULT");
    }

    /** The range, or empty when the text is not a single-column range bound this tool understands. */
    public static Optional<PartitionRange> parseRange(String bound) {
        if (bound == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(bound.strip());
        if (!m.matches() || m.group(1).contains(",") || m.group(2).contains(",")) {
            return Optional.empty();
        }
        try {
            LocalDateTime from = value(m.group(1), LocalDateTime.MIN);
            LocalDateTime to = value(m.group(2), LocalDateTime.MAX);
            return from.isBefore(to) ? Optional.of(new PartitionRange(from, to)) : Optional.empty();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDateTime value(String text, LocalDateTime unbounded) {
        String v = text.strip();
        if (v.equals("MINVALUE") || v.equals("MAXVALUE")) {
            return unbounded;
        }
        if (!v.startsWith("'") || !v.endsWith("'")) {
            throw new IllegalArgumentException("not a literal: " + v);
        }
        return literal(v.substring(1, v.length() - 1));
    }

    /** Parses a timestamp, timestamptz (converted to UTC) or date literal as PostgreSQL prints it. */
    public static LocalDateTime literal(String text) {
        String v = text.strip();
        if (v.equals("-infinity")) {
            return LocalDateTime.MIN;
        }
        if (v.equals("infinity")) {
            return LocalDateTime.MAX;
        }
        Matcher offset = OFFSET.matcher(v);
        if (v.length() > 10 && offset.matches()) {
            LocalDateTime local = LocalDateTime.parse(offset.group(1), LOCAL);
            ZoneOffset zone = ZoneOffset.of(offset.group(2) + colon(offset.group(3)) + colon(offset.group(4)));
            return OffsetDateTime.of(local, zone).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v.length() == 10) {
            return LocalDate.parse(v).atStartOfDay();
        }
        return LocalDateTime.parse(v, LOCAL);
    }

    private static String colon(String part) {
        if (part == null) {
            return "";
        }
        return part.startsWith(":") ? part : ":" + part;
    }
}
