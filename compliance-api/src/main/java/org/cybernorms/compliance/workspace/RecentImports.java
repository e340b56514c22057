package org.cybernorms.compliance.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The reports of the last imports made through the workspace on this node, newest first, for the work queue and
 * the import report page. Kept in memory: what an import recorded stays in the event log (with its import id in
 * every event's metadata); the report, a summary of one run, does not outlive the process.
 */
@Component
class RecentImports {

    private static final int KEPT = 10;

    private final Deque<JsonNode> reports = new ArrayDeque<>();

    synchronized void remember(JsonNode report) {
        reports.removeIf(r -> r.path("importId").asText().equals(report.path("importId").asText()));
        reports.addFirst(report);
        while (reports.size() > KEPT) {
            reports.removeLast();
        }
    }

    synchronized List<JsonNode> all() {
        return List.copyOf(reports);
    }

    synchronized Optional<JsonNode> byId(String importId) {
        return reports.stream().filter(r -> r.path("importId").asText().equals(importId)).findFirst();
    }
}
