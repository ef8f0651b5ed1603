package io.arxos.partitions.core;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The PostgreSQL type of a partition key. Bounds are kept as {@link LocalDateTime}: UTC wall time for
 * {@code timestamptz}, naive time for {@code timestamp}, midnight for {@code date}.
 */
public enum KeyType {
    TIMESTAMPTZ("timestamptz"),
    TIMESTAMP("timestamp"),
    DATE("date");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final String sqlName;

    KeyType(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }

    /**
     * A SQL literal for the bound. {@code timestamptz} gets an explicit {@code +00} offset so the value does not
     * depend on the session's TimeZone setting.
     */
    public String literal(LocalDateTime value) {
        return switch (this) {
            case TIMESTAMPTZ -> "'" + STAMP.format(value) + "+00'";
            case TIMESTAMP -> "'" + STAMP.format(value) + "'";
            case DATE -> "'" + DAY.format(value) + "'";
        };
    }

    /** Maps {@code format_type()} output; anything else cannot be partitioned by month here. */
    public static KeyType fromPostgres(String formattedType) {
        String t = formattedType.toLowerCase(Locale.ROOT).trim();
        return switch (t) {
            case "timestamp with time zone", "timestamptz" -> TIMESTAMPTZ;
            case "timestamp without time zone", "timestamp" -> TIMESTAMP;
            case "date" -> DATE;
            default -> throw new IllegalArgumentException("partition key type '" + formattedType
                    + "' is not supported; monthly partitioning needs timestamptz, timestamp or date");
        };
    }
}
