package io.arxos.partitions.core;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming convention {@code <table>_pYYYY_MM} for monthly children and {@code <table>_p_default} for the
 * default partition. Names that would pass PostgreSQL's 63-byte limit are refused, never truncated.
 */
public final class PartitionNaming {

    private static final Pattern MONTHLY = Pattern.compile("(.+)_p(\\d{4})_(\\d{2})");

    private PartitionNaming() {
    }

    public static Identifier monthly(Identifier parent, YearMonth month) {
        return checked(parent, String.format("%s_p%04d_%02d", parent.value(), month.getYear(), month.getMonthValue()));
    }

    public static Identifier defaultPartition(Identifier parent) {
        return checked(parent, parent.value() + "_p_default");
    }

    /** The month a conventional child name stands for, or empty when the name does not follow the convention. */
    public static Optional<YearMonth> monthOf(Identifier parent, String childName) {
        Matcher m = MONTHLY.matcher(childName);
        if (!m.matches() || !m.group(1).equals(parent.value())) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static boolean followsConvention(Identifier parent, String childName, PartitionRange range) {
        return monthOf(parent, childName).map(m -> PartitionRange.ofMonth(m).equals(range)).orElse(false);
    }

    private static Identifier checked(Identifier parent, String name) {
        if (!Identifier.isPlain(name)) {
            throw new IllegalArgumentException("partition name '" + name + "' for table '" + parent
                    + "' exceeds PostgreSQL's " + Identifier.MAX_BYTES
                    + "-byte identifier limit; use a shorter table name");
        }
        return Identifier.of(name);
    }
}
