package io.arxos.partitions.executor.postgres.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arxos.partitions.executor.domain.benchmark.PlanFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an {@code EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)} plan: the relations its executed scan nodes read (a
 * partitioned table's parent has no storage, so every other relation scanned is a partition), the subplans removed
 * at run time, and the root's shared buffers (cumulative over the tree).
 */
public final class ExplainReader {

    /** Scan nodes listed at most; a scan of every partition of a large table is summarised by the count. */
    static final int MAX_SCAN_NODES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExplainReader() {
    }

    /** @param relation the relation the query names, schema-less (a plain table's scans of it are not partitions) */
    public static PlanFacts read(String explainJson, String relation) {
        JsonNode root;
        try {
            root = JSON.readTree(explainJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("EXPLAIN output is not JSON: " + e.getMessage(), e);
        }
        JsonNode plan = root.path(0).path("Plan");
        if (plan.isMissingNode()) {
            throw new IllegalArgumentException("EXPLAIN output has no Plan");
        }
        Walk walk = new Walk();
        walk.visit(plan);
        Set<String> partitions = new LinkedHashSet<>(walk.relations);
        partitions.remove(relation);
        List<String> nodes = walk.nodes.size() <= MAX_SCAN_NODES ? walk.nodes
                : new ArrayList<>(walk.nodes.subList(0, MAX_SCAN_NODES));
        if (walk.nodes.size() > MAX_SCAN_NODES) {
            nodes.add("… " + (walk.nodes.size() - MAX_SCAN_NODES) + " more");
        }
        return new PlanFacts(partitions.size(), walk.removed, plan.path("Shared Hit Blocks").asLong(),
                plan.path("Shared Read Blocks").asLong(), nodes);
    }

    private static final class Walk {
        final Set<String> relations = new LinkedHashSet<>();
        final List<String> nodes = new ArrayList<>();
        int removed;

        void visit(JsonNode node) {
            removed += node.path("Subplans Removed").asInt(0);
            String type = node.path("Node Type").asText("");
            JsonNode name = node.get("Relation Name");
            // a node that never ran (a pruned or skipped branch) read nothing
            boolean ran = node.path("Actual Loops").asLong(1) > 0;
            if (name != null && type.endsWith("Scan") && ran) {
                relations.add(name.asText());
                JsonNode index = node.get("Index Name");
                nodes.add(type + " on " + name.asText() + (index == null ? "" : " using " + index.asText()));
            }
            for (JsonNode child : node.path("Plans")) {
                visit(child);
            }
        }
    }
}
