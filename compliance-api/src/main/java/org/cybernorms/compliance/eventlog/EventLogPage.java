package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The event log page for a signed-in historian (or admin): the same filters, messages and pages as
 * {@code GET /api/events}, rendered on the server from the session's role, so that no token is typed into the page.
 * "Next page" resumes after the last position shown.
 */
@Controller
class EventLogPage {

    static final int PAGE_DEFAULT = 50;

    private final EventLog log;
    private final CloudEventLines lines;
    private final Clock clock;
    private final Duration settle;

    EventLogPage(EventLog log, CloudEventLines lines, Clock clock,
                 @Value("${compliance.events.settle:2s}") Duration settle) {
        this.log = log;
        this.lines = lines;
        this.clock = clock;
        this.settle = settle;
    }

    @GetMapping("/events")
    String events(@RequestParam Map<String, String> query, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("state", "norm", "type", "instrument", "limit", "after")) {
            String value = query.get(name);
            values.put(name, value == null ? "" : value.trim());
        }
        model.addAttribute("values", values);
        Map<String, String> errors = new LinkedHashMap<>();
        LogFilter filter;
        try {
            Integer limit = values.get("limit").isEmpty() ? PAGE_DEFAULT : parseLimit(values.get("limit"));
            filter = LogFilter.parse(blank(values.get("after")), limit, blank(values.get("instrument")),
                    blank(values.get("state")), blank(values.get("norm")), blank(values.get("type")), null, null);
        } catch (FactRejectedException e) {
            e.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            model.addAttribute("errors", errors);
            model.addAttribute("rows", List.of());
            return "events";
        }
        List<ObjectNode> rows = new ArrayList<>();
        OptionalLong head = log.head();
        Instant settledBefore = clock.instant().minus(settle);
        if (head.isPresent()) {
            Long[] previous = {filter.after()};
            log.read(filter.after(), head.getAsLong(), event -> {
                boolean afterGap = previous[0] != null && event.position() != previous[0] + 1;
                if (afterGap && event.recordedAt().isAfter(settledBefore)) {
                    return false;
                }
                previous[0] = event.position();
                if (filter.wanted().test(event)) {
                    rows.add(row(event));
                }
                return rows.size() < filter.limit();
            });
        }
        model.addAttribute("errors", errors);
        model.addAttribute("rows", rows);
        if (rows.size() == filter.limit()) {
            Map<String, String> next = new LinkedHashMap<>(values);
            next.put("after", rows.get(rows.size() - 1).path("sequence").asText());
            model.addAttribute("next", next);
        }
        return "events";
    }

    /** The event's CloudEvent; for a payload type the log's names do not cover yet, its class name as type. */
    private ObjectNode row(LogEvent event) {
        try {
            return lines.line(event);
        } catch (IllegalStateException unknownType) {
            ObjectNode row = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            row.put("sequence", CloudEventLines.sequence(event.position()));
            row.put("time", event.recordedAt().toString());
            row.put("type", event.payload().getClass().getSimpleName());
            row.put("subject", event.aggregateId());
            return row;
        }
    }

    private static Integer parseLimit(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new FactRejectedException("limit", "must be from 1 to " + LogFilter.MAX_LIMIT);
        }
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
