package io.arxos.partitions.core;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * Reads the month buckets PostgreSQL prints with {@code to_char(…, 'YYYY-MM')}. Years past 9999 print with five
 * digits and cannot be a {@link YearMonth}; they land in 9999-12, which every policy treats as far future, so one odd
 * row cannot make a whole database unreadable.
 */
public final class KeyMonth {

    public static final YearMonth FAR_FUTURE = YearMonth.of(9999, 12);

    private KeyMonth() {
    }

    public static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            if (text.matches("\\d{5,}-\\d{2}")) {
                return FAR_FUTURE;
            }
            throw new IllegalArgumentException("month bucket '" + text + "' is not yyyy-MM", e);
        }
    }
}
