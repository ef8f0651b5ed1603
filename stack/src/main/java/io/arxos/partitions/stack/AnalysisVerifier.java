package io.arxos.partitions.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the demo's analysis report against the sample database: the known shapes get the expected priorities and
 * blockers, and the figures the report shows agree with counts taken directly from the tables.
 */
final class AnalysisVerifier {

    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    List<String> passed() {
        return passed;
    }

    List<String> failed() {
        return failed;
    }

    AnalysisVerifier verify(JsonNode report, Connection c) throws SQLException {
        check(report.path("status").asText().equals("COMPLETE"), "the analysis is complete",
                "status " + report.path("status").asText());
        JsonNode summary = report.path("summary");
        check(contains(summary.path("highTables"), "arxos/public.audit_logs_legacy"),
                "audit_logs_legacy (large, cleaned by DELETE, read by time) is a HIGH candidate",
                "high: " + summary.path("highTables"));
        check(contains(summary.path("blockedTables"), "arxos/public.chat_messages_legacy"),
                "chat_messages_legacy is blocked by message_reactions' foreign key", "blocked: "
                        + summary.path("blockedTables"));
        JsonNode lookup = table(report, "event_types");
        check(lookup != null && lookup.path("recommendation").path("priority").asText().equals("NOT_RECOMMENDED"),
                "the event_types lookup table is not recommended", String.valueOf(lookup));
        JsonNode managed = table(report, "audit_logs");
        check(managed != null && managed.path("partitioned").asBoolean(), "audit_logs is seen as partitioned already",
                String.valueOf(managed));
        JsonNode audit = table(report, "audit_logs_legacy");
        if (audit == null) {
            failed.add("audit_logs_legacy is missing from the report");
            return this;
        }
        JsonNode rec = audit.path("recommendation");
        check(rec.path("partitionKey").asText().equals("created_at") && rec.path("interval").asText().equals("1 month"),
                "audit_logs_legacy: key created_at, monthly", rec.path("partitionKey") + " " + rec.path("interval"));
        long live = DatabaseFacts.count(c, "SELECT count(*) FROM public.audit_logs_legacy");
        long estimated = audit.path("estimatedRows").asLong();
        check(Math.abs(estimated - live) <= live / 10, "audit_logs_legacy: estimated rows " + estimated
                + " within 10% of count(*) " + live, "estimated " + estimated + ", counted " + live);
        long oldestMonths = DatabaseFacts.count(c, "SELECT count(DISTINCT date_trunc('month', created_at AT TIME ZONE "
                + "'UTC')) FROM public.audit_logs_legacy");
        check(rec.path("retentionMonths").asLong() == oldestMonths, "audit_logs_legacy: retention suggested from the "
                + "data kept by the DELETE (" + oldestMonths + " months)", "suggested " + rec.path("retentionMonths"));
        check(rec.path("migrationStatements").size() > oldestMonths, "audit_logs_legacy: a migration script with a "
                + "partition per month", rec.path("migrationStatements").size() + " statements");
        return this;
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode t : report.path("tables")) {
            if (t.path("table").path("table").asText().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private void check(boolean ok, String what, String found) {
        if (ok) {
            passed.add(what);
        } else {
            failed.add(what + " (found " + found + ")");
        }
    }
}
