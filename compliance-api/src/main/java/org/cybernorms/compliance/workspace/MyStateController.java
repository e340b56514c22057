package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.assistance.view.AssistanceQueries;
import org.cybernorms.compliance.assistance.view.AssistanceRequestView;
import org.cybernorms.compliance.assistance.view.RequestListing;
import org.cybernorms.compliance.instrument.view.InstrumentListing;
import org.cybernorms.compliance.instrument.view.InstrumentListingRepository;
import org.cybernorms.compliance.runtime.EventStreams;
import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.view.FactRow;
import org.cybernorms.compliance.scorecard.view.FactRows;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.view.ViolationView;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state's own page ({@code /my-state}): the reports against it, those it has not answered first, each with its
 * reply form; its requests for assistance with the offers made on them (accept or decline those still pending);
 * and a link to its scorecard. The state is the signed-in role's; no other state's forms are ever shown.
 */
@Controller
class MyStateController {

    private final FactRows facts;
    private final InstrumentListingRepository instruments;
    private final EventStreams streams;
    private final AssistanceQueries assistance;
    private final WorkspaceForms forms;
    private final java.time.Clock clock;

    MyStateController(FactRows facts, InstrumentListingRepository instruments, EventStreams streams,
                      AssistanceQueries assistance, WorkspaceForms forms, java.time.Clock clock) {
        this.clock = clock;
        this.facts = facts;
        this.instruments = instruments;
        this.streams = streams;
        this.assistance = assistance;
        this.forms = forms;
    }

    /** A report against the state, with the form that answers it. */
    public record ReportToAnswer(ViolationView report, FormView reply) {
    }

    /** A pending offer on one of the state's requests, with the forms that accept or decline it. */
    public record PendingOffer(AssistanceRequestView.OfferView offer, FormView accept, FormView decline) {
    }

    public record OwnRequest(AssistanceRequestView request, List<PendingOffer> pending) {
    }

    @GetMapping("/my-state")
    @Transactional(readOnly = true)
    String myState(@RequestParam(defaultValue = "1") int page, Model model) {
        Who who = Who.of(SecurityContextHolder.getContext().getAuthentication());
        StateCode state = StateCode.of(who.state());
        Set<String> violationIds = new LinkedHashSet<>();
        Instant now = clock.instant();
        for (InstrumentListing instrument : instruments.findAll()) {
            for (FactRow row : facts.stateFacts(instrument.instrumentId(), state.value(), now)) {
                row.toFact().ifPresent(fact -> {
                    if (fact instanceof Fact.ViolationReported v) {
                        violationIds.add(v.violationId());
                    }
                });
            }
        }
        List<ViolationView> reports = new ArrayList<>();
        for (String id : violationIds) {
            ViolationView view = ViolationView.of(streams.of(id));
            if (view != null) {
                reports.add(view);
            }
        }
        reports.sort(Comparator.comparing((ViolationView v) -> !v.responses.isEmpty())
                .thenComparing((ViolationView v) -> v.reportedOn, Comparator.reverseOrder()));
        Paged<ViolationView> shown = Paged.of(reports, page);
        List<ReportToAnswer> toAnswer = shown.items().stream()
                .map(v -> new ReportToAnswer(v, fresh("violation-response", Map.of("id", v.violationId.value()))))
                .toList();

        List<OwnRequest> requests = new ArrayList<>();
        for (RequestListing listing : assistance.requests(state, null, null)) {
            AssistanceRequestView request = AssistanceRequestView.of(streams.of(listing.requestId().value()));
            if (request == null) {
                continue;
            }
            List<PendingOffer> pending = request.offers.stream()
                    .filter(o -> o.status == org.cybernorms.compliance.assistance.api.OfferStatus.PENDING)
                    .map(o -> new PendingOffer(o,
                            fresh("offer-acceptance", Map.of("offerId", o.offerId.value())),
                            fresh("offer-declination", Map.of("offerId", o.offerId.value()))))
                    .toList();
            requests.add(new OwnRequest(request, pending));
        }
        model.addAttribute("offered", assistance.ledger(org.cybernorms.compliance.assistance.api.Party.of(state.value()),
                java.time.LocalDate.now(clock), now).offered());
        model.addAttribute("state", state.value());
        model.addAttribute("reports", shown);
        model.addAttribute("toAnswer", toAnswer);
        model.addAttribute("requests", requests);
        return "my-state";
    }

    private FormView fresh(String form, Map<String, String> values) {
        return FormView.fresh(forms.get(form), values);
    }
}
