package org.cybernorms.compliance.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.http.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The monitoring body's work queue ({@code /work}), its forms for new records, and the import reports. */
@Controller
class WorkController {

    private final WorkQueue queue;
    private final RecentImports imports;
    private final Clock clock;

    WorkController(WorkQueue queue, RecentImports imports, Clock clock) {
        this.queue = queue;
        this.imports = imports;
        this.clock = clock;
    }

    @GetMapping("/work")
    String work(@RequestParam Map<String, String> pages, Model model) {
        LocalDate today = LocalDate.now(clock);
        WorkQueue.Lists lists = queue.as(today);
        model.addAttribute("today", today);
        model.addAttribute("awaitingReview", Paged.of(lists.awaitingReview(), page(pages, "awaitingReview")));
        model.addAttribute("longReviews", Paged.of(lists.longReviews(), page(pages, "longReviews")));
        model.addAttribute("dueSoon", Paged.of(lists.dueSoon(), page(pages, "dueSoon")));
        model.addAttribute("overdue", Paged.of(lists.overdue(), page(pages, "overdue")));
        model.addAttribute("unanswered", Paged.of(lists.unanswered(), page(pages, "unanswered")));
        model.addAttribute("imports", Paged.of(imports.all(), page(pages, "imports")));
        model.addAttribute("longReviewDays", WorkQueue.LONG_REVIEW_DAYS);
        model.addAttribute("dueSoonDays", WorkQueue.DUE_SOON_DAYS);
        return "work";
    }

    @GetMapping("/work/imports/{importId}")
    String importReport(@PathVariable String importId, @RequestParam(defaultValue = "1") int page, Model model) {
        JsonNode report = imports.byId(importId).orElseThrow(() ->
                new NotFoundException("No import with id '" + importId + "' was made on this node since it started."));
        List<Map.Entry<String, JsonNode>> skipped = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = report.path("skipped").fields();
        fields.forEachRemaining(skipped::add);
        List<JsonNode> created = new ArrayList<>();
        report.path("created").forEach(created::add);
        List<JsonNode> problems = new ArrayList<>();
        report.path("problems").forEach(problems::add);
        model.addAttribute("report", report);
        model.addAttribute("skipped", skipped);
        model.addAttribute("created", Paged.of(created, page));
        model.addAttribute("problems", problems);
        return "import-report";
    }

    private static int page(Map<String, String> pages, String list) {
        try {
            return Integer.parseInt(pages.getOrDefault(list, "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
