package io.arxos.partitions.planner.domain.benchmark;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values taken from the data, written into a benchmark query as SQL literals. Only column types whose literal form
 * this class can check are accepted; numbers must look like numbers, text is quoted with its quotes doubled, and
 * every literal is cast to the column's type, so no value can change what the query is.
 */
public final class SqlLiteral {

    private static final Set<String> TYPES = Set.of("text", "integer", "bigint", "smallint", "numeric", "real",
            "double precision", "uuid", "character varying", "character", "boolean");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final Pattern SIZED = Pattern.compile("(character varying|character|numeric)\\(\\d+(,\\d+)?\\)");

    private SqlLiteral() {
    }

    /** Whether a value of {@code type} ({@code format_type} output) can be written as a literal here. */
    public static boolean supports(String type) {
        return TYPES.contains(type) || SIZED.matcher(type).matches();
    }

    /** {@code value} as a literal of {@code type}; refused, naming it, when it does not fit the type. */
    public static String of(String value, String type) {
        if (!supports(type)) {
            throw new IllegalArgumentException("no literal for type '" + type + "'");
        }
        String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
        switch (base) {
            case "integer", "bigint", "smallint", "numeric", "real", "double precision" -> {
                if (!NUMBER.matcher(value).matches()) {
                    throw new IllegalArgumentException("'" + value + "' is not a number of type " + type);
                }
                return value + "::" + base;
            }
            case "uuid" -> {
                if (!UUID.matcher(value).matches()) {
                    throw new IllegalArgumentException("'" + value + "' is not a uuid");
                }
                return "'" + value.toLowerCase(Locale.ROOT) + "'::uuid";
            }
            case "boolean" -> {
                if (!value.equals("t") && !value.equals("f") && !value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("'" + value + "' is not a boolean");
                }
                return value.startsWith("t") ? "true" : "false";
            }
            default -> {
                return "'" + value.replace("'", "''") + "'::" + base;
            }
        }
    }
}
