package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands;
import org.cybernorms.compliance.crosswalk.api.CrosswalkId;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.view.AssistanceQueries;
import org.cybernorms.compliance.assistance.view.AssistanceRequestView;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.instrument.view.InstrumentListingRepository;
import org.cybernorms.compliance.runtime.EventStreams;
import org.cybernorms.compliance.security.ApiAccess;
import org.cybernorms.compliance.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pages of the records the workspace writes and that had none: a request for assistance with its offers and
 * the forms of each step of the ledger, and an instrument with its norms' history.
 */
@Controller
class RecordPages {

    private final EventStreams streams;
    private final AssistanceQueries assistance;
    private final InstrumentListingRepository instruments;
    private final WorkspaceForms forms;

    RecordPages(EventStreams streams, AssistanceQueries assistance, InstrumentListingRepository instruments,
                WorkspaceForms forms) {
        this.streams = streams;
        this.assistance = assistance;
        this.instruments = instruments;
        this.forms = forms;
    }

    /** An offer with the steps the signed-in role may record on it. */
    public record OfferActions(AssistanceRequestView.OfferView offer, List<FormView> actions) {
    }

    /** One event of an instrument's history: its type, its recorded content, and when it was recorded. */
    public record HistoryLine(String type, String content, java.time.Instant recordedAt) {
    }

    @GetMapping("/assistance/requests/{id}")
    String request(@PathVariable String id, Model model) {
        AssistanceRequestView request = AssistanceRequestId.parse(id)
                .map(r -> AssistanceRequestView.of(streams.of(r.value()))).orElse(null);
        if (request == null) {
            throw new NotFoundException("No request for assistance with id '" + id + "' exists here.");
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean monitor = ApiAccess.mayPost(caller, "/api/assistance/offers/x/deliveries");
        boolean requester = Roles.mayAnswerFor(caller, request.requester);
        boolean open = request.closedOn == null;
        List<OfferActions> offers = new ArrayList<>();
        for (AssistanceRequestView.OfferView offer : request.offers) {
            List<FormView> actions = new ArrayList<>();
            String offerId = offer.offerId.value();
            if (offer.status == OfferStatus.PENDING && requester) {
                actions.add(fresh("offer-acceptance", "offerId", offerId));
                actions.add(fresh("offer-declination", "offerId", offerId));
            }
            if (monitor && offer.status == OfferStatus.ACCEPTED) {
                actions.add(fresh("offer-delivery", "offerId", offerId));
                actions.add(fresh("offer-completion", "offerId", offerId));
            }
            if (monitor && !offer.status.isSettled()) {
                actions.add(fresh("offer-withdrawal", "offerId", offerId));
            }
            offers.add(new OfferActions(offer, actions));
        }
        List<FormView> actions = new ArrayList<>();
        if (open && (monitor || Roles.has(caller, Roles.STATE))) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            values.put("requestId", request.requestId.value());
            Who who = Who.of(caller);
            if (who.state() != null) {
                values.put("offeror", who.state());
            }
            if (who.signedIn() && !(who.state() != null && who.state().equals(request.requester.value()))) {
                actions.add(FormView.fresh(forms.get("assistance-offer"), values));
            }
        }
        if (open && monitor) {
            actions.add(fresh("request-closure", "requestId", request.requestId.value()));
        }
        model.addAttribute("request", request);
        model.addAttribute("offers", offers);
        model.addAttribute("actions", actions);
        return "assistance-request";
    }

    /** An offer's page is its request's. */
    @GetMapping("/assistance/offers/{id}")
    String offer(@PathVariable String id) {
        AssistanceRequestId request = OfferId.parse(id).flatMap(assistance::requestOfOffer)
                .orElseThrow(() -> new NotFoundException("No offer of assistance with id '" + id + "' exists here."));
        return "redirect:/assistance/requests/" + WorkspaceForms.seg(request.value());
    }

    /** A crosswalk: its mappings as recorded, one event each, and the forms to add or retire one. */
    @GetMapping("/crosswalks/{id}")
    String crosswalk(@PathVariable String id, Model model) {
        List<HistoryLine> history;
        try {
            history = streams.of(CrosswalkCommands.aggregateId(CrosswalkId.of(id))).stream().map(e -> new HistoryLine(
                    e.payload().getClass().getSimpleName(), e.payload().toString(), e.recordedAt())).toList();
        } catch (IllegalArgumentException e) {
            history = List.of();
        }
        if (history.isEmpty()) {
            throw new NotFoundException("No crosswalk with id '" + id + "' exists here.");
        }
        model.addAttribute("crosswalkId", id);
        model.addAttribute("history", history);
        model.addAttribute("monitors", ApiAccess.mayPost(SecurityContextHolder.getContext().getAuthentication(),
                "/api/crosswalks/" + id + "/mappings"));
        return "crosswalk";
    }

    @GetMapping("/instruments/{id}")
    String instrument(@PathVariable String id, Model model) {
        var listing = instruments.findById(id)
                .orElseThrow(() -> new NotFoundException("No instrument with id '" + id + "' exists here."));
        List<HistoryLine> history = streams.of(id).stream().map(e -> new HistoryLine(
                e.payload().getClass().getSimpleName(), e.payload().toString(), e.recordedAt())).toList();
        model.addAttribute("instrument", listing);
        model.addAttribute("history", history);
        model.addAttribute("monitors", ApiAccess.mayPost(SecurityContextHolder.getContext().getAuthentication(),
                "/api/instruments/" + id + "/norms"));
        return "instrument";
    }

    private FormView fresh(String form, String field, String value) {
        return FormView.fresh(forms.get(form), Map.of(field, value));
    }
}
