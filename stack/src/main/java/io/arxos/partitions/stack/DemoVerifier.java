package io.arxos.partitions.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.arxos.partitions.core.Identifier;
import io.arxos.partitions.core.PartitionNaming;
import io.arxos.partitions.core.PartitionRange;
import io.arxos.partitions.core.TablePolicy;
import io.arxos.partitions.inventory.FleetDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the database against the run's report, and against the rules no report can bend: every retained row is
 * still there, no partition past retention is attached, partitions reach premake, and no in-window month is left in
 * the default partition. Each check that fails names what it found.
 */
final class DemoVerifier {

    private final Connection c;
    private final FleetDatabase database;
    private final Instant now;
    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    DemoVerifier(Connection c, FleetDatabase database, Instant now) {
        this.c = c;
        this.database = database;
        this.now = now;
    }

    /** What the run must not change, per table: rows at or after the cutoff, and rows that must stay in default. */
    record Before(long retained, long mustStay) {
    }

    static Map<String, Before> before(Connection c, FleetDatabase database, Instant now) throws SQLException {
        Map<String, Before> rows = new java.util.LinkedHashMap<>();
        for (TablePolicy policy : database.tables()) {
            rows.put(policy.table().toString(), new Before(DatabaseFacts.retainedRows(c, policy, now),
                    DatabaseFacts.rowsThatMustStay(c, policy, now)));
        }
        return rows;
    }

    List<String> passed() {
        return passed;
    }

    List<String> failed() {
        return failed;
    }

    DemoVerifier verify(JsonNode report, Map<String, Before> before) throws SQLException {
        check("report is COMPLETE", report.path("status").asText().equals("COMPLETE"), report.path("status").asText());
        for (JsonNode db : report.path("databases")) {
            for (JsonNode op : db.path("operations")) {
                operation(op);
            }
        }
        for (TablePolicy policy : database.tables()) {
            invariants(policy, before.get(policy.table().toString()));
        }
        summary(report);
        return this;
    }

    private void operation(JsonNode op) throws SQLException {
        String status = op.path("status").asText();
        String kind = op.path("operation").asText();
        String partition = op.path("partition").asText(null);
        String label = kind + " " + (partition != null ? partition : op.path("table").asText());
        check(label + " did not fail", !status.equals("FAILED") && !status.equals("REJECTED"),
                status + " " + op.path("errorMessage").asText(""));
        TablePolicy policy = policyOf(op.path("table").asText());
        Map<String, Optional<PartitionRange>> attached = DatabaseFacts.partitions(c, policy);
        boolean applied = status.equals("SUCCEEDED") || status.equals("ALREADY_APPLIED");
        switch (kind) {
            case "create_partition" -> {
                if (applied) {
                    PartitionRange month = PartitionRange.ofMonth(PartitionNaming.monthOf(policy.table().table(),
                            partition).orElseThrow());
                    check(label + ": its month is covered by an attached partition", attached.values().stream()
                            .anyMatch(r -> r.map(x -> x.covers(month)).orElse(false)), "no partition covers " + month);
                }
                long moved = op.path("rowsMoved").asLong();
                if (moved > 0) {
                    long inPartition = DatabaseFacts.count(c, "SELECT count(*) FROM "
                            + policy.table().sibling(Identifier.of(partition)).quoted());
                    check(label + ": all " + moved + " moved rows are in it", inPartition >= moved,
                            inPartition + " rows");
                }
            }
            case "drop_partition" -> check(label + ": gone", !applied
                    || !DatabaseFacts.relationExists(c, policy.table().schema().value(), partition), "still exists");
            case "detach_partition" -> check(label + ": detached to " + policy.archiveSchema(), !applied
                    || (!attached.containsKey(partition)
                            && DatabaseFacts.relationExists(c, policy.archiveSchema().value(), partition)),
                    "not in the archive schema");
            case "validate_table" -> {
                Set<String> listed = new TreeSet<>();
                op.path("partitions").forEach(p -> listed.add(p.path("name").asText()));
                check(label + ": report lists exactly the partitions in the database",
                        listed.equals(new TreeSet<>(attached.keySet())), "report " + listed + " vs database "
                                + new TreeSet<>(attached.keySet()));
            }
            default -> check(label + ": known operation", false, kind);
        }
    }

    private void invariants(TablePolicy policy, Before before) throws SQLException {
        String table = policy.table().toString();
        long retainedAfter = DatabaseFacts.retainedRows(c, policy, now);
        check(table + ": every row newer than the cutoff is still there (" + retainedAfter + ")",
                retainedAfter == before.retained(), "before " + before.retained() + ", after " + retainedAfter);
        long mustStay = DatabaseFacts.rowsThatMustStay(c, policy, now);
        check(table + ": expired, far-future and NULL-key rows stay in the default partition (" + mustStay + ")",
                mustStay == before.mustStay(), "before " + before.mustStay() + ", after " + mustStay);
        Map<String, Optional<PartitionRange>> attached = DatabaseFacts.partitions(c, policy);
        List<String> expired = attached.entrySet().stream().filter(e -> e.getValue().isPresent()
                && policy.isExpired(e.getValue().get(), now)).map(Map.Entry::getKey).toList();
        check(table + ": no partition past retention is attached", expired.isEmpty(), expired.toString());
        List<YearMonth> uncovered = new ArrayList<>();
        YearMonth current = YearMonth.from(TablePolicy.utc(now));
        for (YearMonth m = current; !m.isAfter(policy.premakeThrough(now)); m = m.plusMonths(1)) {
            PartitionRange month = PartitionRange.ofMonth(m);
            if (attached.values().stream().noneMatch(r -> r.map(x -> x.covers(month)).orElse(false))) {
                uncovered.add(m);
            }
        }
        check(table + ": partitions exist through " + policy.premakeThrough(now), uncovered.isEmpty(),
                "missing " + uncovered);
        String defaultName = policy.defaultPartition().value();
        if (attached.containsKey(defaultName)) {
            String key = policy.partitionKey().quoted();
            long inWindow = DatabaseFacts.count(c, "SELECT count(*) FROM "
                    + policy.table().sibling(policy.defaultPartition()).quoted() + " WHERE " + key + " >= '"
                    + YearMonth.from(policy.retentionCutoff(now)).atDay(1) + " 00:00:00+00' AND " + key + " < '"
                    + policy.premakeThrough(now).plusMonths(1).atDay(1) + " 00:00:00+00'");
            check(table + ": no in-window rows left in " + defaultName, inWindow == 0, inWindow + " rows");
        }
    }

    private void summary(JsonNode report) {
        long created = countOps(report, "create_partition", "SUCCEEDED");
        long dropped = countOps(report, "drop_partition", "SUCCEEDED");
        JsonNode summary = report.path("summary");
        check("summary counts " + created + " partitions created",
                summary.path("partitionsCreated").asLong() == created,
                summary.path("partitionsCreated").asText());
        check("summary counts " + dropped + " partitions dropped",
                summary.path("partitionsDropped").asLong() == dropped,
                summary.path("partitionsDropped").asText());
    }

    private static long countOps(JsonNode report, String operation, String status) {
        long n = 0;
        for (JsonNode db : report.path("databases")) {
            for (JsonNode op : db.path("operations")) {
                if (op.path("operation").asText().equals(operation) && op.path("status").asText().equals(status)) {
                    n++;
                }
            }
        }
        return n;
    }

    private TablePolicy policyOf(String table) {
        return database.tables().stream().filter(p -> p.table().toString().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalStateException("report names table " + table + " not in the inventory"));
    }

    private void check(String what, boolean ok, String found) {
        if (ok) {
            passed.add(what);
        } else {
            failed.add(what + " — found: " + found);
        }
    }
}
