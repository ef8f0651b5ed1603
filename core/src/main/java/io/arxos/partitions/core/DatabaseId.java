package io.arxos.partitions.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** The inventory's name for one database of the fleet; part of every message key. */
public record DatabaseId(String value) implements Comparable<DatabaseId> {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public DatabaseId {
        Objects.requireNonNull(value, "database id");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("database id '" + Identifier.printable(value)
                    + "' must be 1-63 characters of a-z, 0-9, _ or -, starting with a letter or digit");
        }
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    public static DatabaseId of(String value) {
        return new DatabaseId(value);
    }

    @Override
    public int compareTo(DatabaseId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
