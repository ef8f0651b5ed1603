package io.arxos.partitions.core;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PostgreSQL identifier restricted to plain lower-case names, so it never needs case folding and can always be
 * quoted safely. Anything else is refused with a message naming the bad value.
 */
public record Identifier(String value) implements Comparable<Identifier> {

    /** PostgreSQL truncates identifiers longer than NAMEDATALEN - 1 bytes. */
    public static final int MAX_BYTES = 63;

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    public Identifier {
        Objects.requireNonNull(value, "identifier");
        if (!PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + printable(value)
                    + "' is not a plain identifier (lower-case letters, digits and _; not starting with a digit)");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("identifier '" + value + "' is " + bytes
                    + " bytes long; PostgreSQL keeps only " + MAX_BYTES);
        }
    }

    public static Identifier of(String value) {
        return new Identifier(value);
    }

    public static boolean isPlain(String value) {
        return value != null && PLAIN.matcher(value).matches()
                && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The identifier in double quotes, ready for SQL text. Safe because {@link #PLAIN} excludes quotes. */
    public String quoted() {
        return '"' + value + '"';
    }

    @Override
    public int compareTo(Identifier other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Keeps control characters out of error messages and logs. */
    static String printable(String raw) {
        StringBuilder sb = new StringBuilder();
        raw.codePoints().limit(80).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return raw.length() > 80 ? sb + "…" : sb.toString();
    }
}
