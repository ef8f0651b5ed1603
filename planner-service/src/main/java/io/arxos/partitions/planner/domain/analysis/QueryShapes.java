package io.arxos.partitions.planner.domain.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the WHERE clause of a normalised statement (pg_stat_statements text) for how it uses one column: range and
 * equality filters, and the expressions on the column that keep the planner from pruning partitions. Text
 * heuristics, not a parser: the advice it feeds says so.
 */
public final class QueryShapes {

    /** An expression on the key the planner cannot prune with, and the rewrite that can. */
    record NonPruning(String found, String problem, String rewrite) {
    }

    private final String column;
    private final String where;

    private QueryShapes(String column, String where) {
        this.column = column;
        this.where = where;
    }

    /** The shapes of {@code query} with respect to {@code column} (a plain lower-case name). */
    static QueryShapes of(String query, String column) {
        String lower = query.toLowerCase(Locale.ROOT);
        int at = wordIndex(lower, "where");
        return new QueryShapes(column, at < 0 ? "" : query.substring(at));
    }

    private static final Pattern DATA_STATEMENT = Pattern.compile("^\\s*(?:select|insert|update|delete|with|merge)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Reads or writes rows; utility statements (CREATE INDEX, ANALYZE, VACUUM) say nothing about access. */
    public static boolean isDataStatement(String query) {
        return DATA_STATEMENT.matcher(query).find();
    }

    static boolean isDelete(String query) {
        return query.stripLeading().toLowerCase(Locale.ROOT).startsWith("delete");
    }

    /** True when the statement names {@code table} (optionally schema-qualified) as a whole word. */
    public static boolean mentions(String query, String schema, String table) {
        Pattern p = Pattern.compile("(?<![\\w.\"])(?:\"?" + Pattern.quote(schema) + "\"?\\.)?\"?" + Pattern.quote(table)
                + "\"?(?![\\w\"])", Pattern.CASE_INSENSITIVE);
        return p.matcher(query).find();
    }

    boolean filtersByRange() {
        return find("(?:" + ref() + ")\\s*(?:>=|<=|>|<|between\\b)") || find("(?:>=|<=|>|<)\\s*(?:" + ref() + ")");
    }

    boolean filtersByEquality() {
        return find("(?:" + ref() + ")\\s*(?:=\\s*(?:\\$\\d+|'[^']*'|\\d+)|in\\s*\\()");
    }

    boolean filtersAtAll() {
        return find(ref());
    }

    List<NonPruning> nonPruning() {
        String r = "(?:" + ref() + ")";
        String range = "WHERE " + column + " >= $from AND " + column + " < $to";
        List<NonPruning> found = new ArrayList<>();
        add(found, r + "\\s*::\\s*(?:text|varchar|character varying)\\b", "a cast of " + column + " to text",
                range + "  -- e.g. LIKE '2024-01%' becomes >= '2024-01-01' AND < '2024-02-01'");
        add(found, r + "\\s*::\\s*date\\b|\\bdate\\s*\\(\\s*" + r + "\\s*\\)|\\bcast\\s*\\(\\s*" + r
                + "\\s+as\\s+date\\s*\\)", "a cast of " + column + " to date",
                "WHERE " + column + " >= $day AND " + column + " < $day + 1");
        add(found, "\\bcast\\s*\\(\\s*" + r + "\\s+as\\s+(?!date\\b)\\w+", "a cast of " + column, range);
        Matcher trunc = Pattern.compile("\\bdate_trunc\\s*\\(\\s*([^,()]+),\\s*" + r + "\\s*(?:,[^()]*)?\\)",
                Pattern.CASE_INSENSITIVE).matcher(where);
        if (trunc.find()) {
            String unit = trunc.group(1).strip();
            String step = unit.matches("'\\w+'") ? "interval '1 " + unit.substring(1, unit.length() - 1) + "'"
                    : "interval '1 <unit of " + unit + ">'";
            found.add(new NonPruning(trunc.group().strip(), "date_trunc on " + column,
                    "WHERE " + column + " >= $start AND " + column + " < $start + " + step));
        }
        add(found, "\\b(?:extract\\s*\\(\\s*\\w+\\s+from|date_part\\s*\\(\\s*[^,()]+,)\\s*" + r + "\\s*\\)",
                "extract/date_part on " + column, range + "  -- covering the years or months asked for");
        add(found, "\\bto_char\\s*\\(\\s*" + r + "\\s*,", "to_char on " + column, range);
        return found;
    }

    private void add(List<NonPruning> found, String regex, String problem, String rewrite) {
        Matcher m = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(where);
        if (m.find()) {
            found.add(new NonPruning(m.group().strip(), problem, rewrite));
        }
    }

    private boolean find(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(where).find();
    }

    /** The column, bare or quoted, optionally qualified by a table alias. */
    private String ref() {
        String c = Pattern.quote(column);
        return "(?<![\\w\"])(?:[a-z_][\\w]*\\.)?(?:\"" + c + "\"|" + c + ")(?![\\w\"])";
    }

    private static int wordIndex(String text, String word) {
        Matcher m = Pattern.compile("\\b" + word + "\\b").matcher(text);
        return m.find() ? m.start() : -1;
    }
}
