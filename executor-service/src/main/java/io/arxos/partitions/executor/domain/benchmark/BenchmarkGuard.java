package io.arxos.partitions.executor.domain.benchmark;

import io.arxos.partitions.core.BenchmarkScratch;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.TableRef;
import io.arxos.partitions.inventory.FleetDatabase;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a benchmark may run: the table must be managed or a listed migration, the after relation must be
 * the table or its migration twin, and every query one plain {@code SELECT} (no second statement, no row locks, no
 * writes in a {@code WITH}, no function with effects beyond the query such as {@code set_config}). The read-only transaction the queries run in is the last line; this one gives a clear
 * reason before anything runs.
 */
public final class BenchmarkGuard {

    private static final Pattern LITERALS = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"");
    private static final Pattern WRITES = Pattern.compile(
            "\\b(insert|update|delete|merge|truncate|drop|alter|create|grant|revoke|copy|call|do|lock|vacuum|analyze"
                    + "|set|reset|for\\s+(update|share|no\\s+key\\s+update|key\\s+share))\\b");
    // functions with effects beyond the query: settings (set_config could lift read-only), sessions, locks, files,
    // sequences, notifications, other databases
    private static final Pattern EFFECTS = Pattern.compile("\\b(set_config|nextval|setval|pg_notify|dblink\\w*|lo_\\w+"
            + "|pg_(terminate|cancel)_backend|pg_\\w*advisory\\w*|pg_reload_conf|pg_rotate_logfile|pg_switch_wal"
            + "|pg_read_\\w+|pg_ls_\\w+|pg_stat_file|pg_sleep\\w*|query_to_xml\\w*|pg_file_\\w+)\\s*\\(");

    private BenchmarkGuard() {
    }

    /** Why the job may not run, or empty. */
    public static Optional<String> check(FleetDatabase database, BenchmarkJob job) {
        TableRef table = job.table().table();
        boolean managed = database.policy(table).isPresent();
        boolean migrating = database.migration(table).isPresent();
        if (!managed && !migrating) {
            return Optional.of(table + " is neither managed nor a listed migration in database " + database.id()
                    + ": the executor benchmarks only its own tables");
        }
        TableRef twin = sibling(table, "_partitioned");
        if (!job.after().equals(table) && !job.after().equals(twin)) {
            return Optional.of("after relation " + job.after() + " is neither " + table + " nor " + twin);
        }
        if (job.copy() && (!job.before().equals(BenchmarkScratch.copyOf(table)) || !job.after().equals(table))) {
            return Optional.of("a copy baseline of " + table + " is " + BenchmarkScratch.copyOf(table) + " against "
                    + table + ", not " + job.before() + " against " + job.after());
        }
        if (!job.copy() && BenchmarkScratch.isCopy(job.before())) {
            return Optional.of("baseline " + job.before() + " is a scratch copy; ask for --baseline copy instead");
        }
        if (job.pruningOff() && !job.before().equals(job.after())) {
            return Optional.of("pruning-off compares " + job.after() + " with itself, not with " + job.before());
        }
        if (job.queries().isEmpty()) {
            return Optional.of("no queries to run for " + table);
        }
        for (BenchmarkJob.BenchmarkQuery query : job.queries()) {
            Optional<String> refused = selectOnly(query);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    static Optional<String> selectOnly(BenchmarkJob.BenchmarkQuery query) {
        if (!query.sql().contains(BenchmarkJob.BenchmarkQuery.RELATION)) {
            return Optional.of("query " + query.name() + " does not name " + BenchmarkJob.BenchmarkQuery.RELATION);
        }
        String code = LITERALS.matcher(query.sql()).replaceAll("''").toLowerCase(Locale.ROOT).strip();
        if (!code.startsWith("select ") && !code.startsWith("with ")) {
            return Optional.of("query " + query.name() + " is not a SELECT: " + abbreviate(query.sql()));
        }
        if (code.contains(";") || code.contains("--") || code.contains("/*")) {
            return Optional.of("query " + query.name() + " holds a second statement or a comment: "
                    + abbreviate(query.sql()));
        }
        for (Pattern forbidden : new Pattern[] {WRITES, EFFECTS}) {
            var found = forbidden.matcher(code);
            if (found.find()) {
                return Optional.of("query " + query.name() + " contains '" + found.group().strip()
                        + "': only plain SELECTs are benchmarked");
            }
        }
        return Optional.empty();
    }

    private static TableRef sibling(TableRef table, String suffix) {
        String name = table.table().value() + suffix;
        return Identifier.isPlain(name) ? table.sibling(Identifier.of(name)) : table;
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 80 ? sql : sql.substring(0, 77) + "...";
    }
}
