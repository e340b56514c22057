package org.cybernorms.compliance.web;

import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.commitment.view.CommitmentView;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.instrument.view.InstrumentListing;
import org.cybernorms.compliance.scorecard.view.TreatyParticipation;
import org.cybernorms.compliance.scorecard.view.TreatyScorecards;
import org.cybernorms.compliance.treaty.TreatyStatus;
import org.cybernorms.compliance.instrument.view.InstrumentListingRepository;
import org.cybernorms.compliance.runtime.EventStreams;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.scorecard.view.RankedState;
import org.cybernorms.compliance.scorecard.view.ScorecardQueries;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.cybernorms.compliance.violation.view.ViolationView;
import org.cybernorms.compliance.workspace.Actions;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The pages: the overview (ranking, trend, heat tiles), a state's page, a commitment's and a violation report's
 * lifecycle. Each page reads the same read models as the API.
 */
@Controller
class PagesController {

    private final ScorecardQueries scorecards;
    private final InstrumentListingRepository instruments;
    private final StateRecords records;
    private final EventStreams streams;
    private final Clock clock;
    private final Actions actions;
    private final NormCatalog catalog;
    private final TreatyScorecards treatyScorecards;
    private final TreatyParticipation participation;

    PagesController(ScorecardQueries scorecards, InstrumentListingRepository instruments, StateRecords records,
                    EventStreams streams, Clock clock, Actions actions, NormCatalog catalog,
                    TreatyScorecards treatyScorecards, TreatyParticipation participation) {
        this.actions = actions;
        this.catalog = catalog;
        this.treatyScorecards = treatyScorecards;
        this.participation = participation;
        this.scorecards = scorecards;
        this.instruments = instruments;
        this.records = records;
        this.streams = streams;
        this.clock = clock;
    }

    /**
     * Where a treaty stands at the page's date, and where the page's state stands under it: what the status table
     * of {@code GET /api/instruments/{id}/status} says, in a sentence or two.
     *
     * @param participant the state's row; null on the overview, or if the state took no step by the date
     */
    public record TreatyPanel(TreatyStatus.Status status, TreatyStatus.Participant participant) {

        public long parties() {
            return status.count(TreatyStatus.ParticipantStanding.PARTY);
        }

        public long signatories() {
            return status.count(TreatyStatus.ParticipantStanding.SIGNATORY);
        }

        public boolean inForce() {
            return status.standing() == TreatyStatus.Standing.IN_FORCE;
        }
    }

    /** One row of the overview's ranking. */
    record Row(String state, String name, BigDecimal score, Integer rank, String trend, String band) {
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String instrument,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @RequestParam(required = false) String filter, Model model) {
        InstrumentId instrumentId = instrument(instrument);
        LocalDate date = date(asOf);
        Instant now = clock.instant();
        String needle = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        List<Row> rows = new ArrayList<>();
        Optional<TreatyTerms> treaty = catalog.treatyTerms(instrumentId);
        List<RankedState> ranking = treaty.isPresent()
                ? treatyScorecards.ranking(instrumentId, treaty.get(), date, now)
                : scorecards.ranking(instrumentId, date, now);
        for (RankedState ranked : ranking) {
            String code = ranked.state().value();
            String name = StateNames.of(code);
            if (!needle.isEmpty() && !code.toLowerCase(Locale.ROOT).contains(needle)
                    && !name.toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            List<BigDecimal> trend = history(ranked.state(), instrumentId, treaty,
                            date.minusMonths(11).withDayOfMonth(1), date, now)
                    .stream().map(HistoryPoint::score).toList();
            rows.add(new Row(code, name, ranked.score(), ranked.rank(), Sparkline.path(trend), band(ranked.score())));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("treaty", treaty.map(terms -> new TreatyPanel(
                TreatyStatus.asOf(terms, participation.steps(instrumentId, now), date), null)).orElse(null));
        model.addAttribute("instruments", instruments.findAll(Sort.by("instrumentId")));
        model.addAttribute("instrument", instrumentId.value());
        model.addAttribute("asOf", date);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("filter", filter == null ? "" : filter);
        return "overview";
    }

    @GetMapping("/states/{state}")
    String state(@PathVariable String state, @RequestParam(required = false) String instrument,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                 Model model) {
        StateCode code = stateCode(state);
        InstrumentId instrumentId = instrument(instrument);
        LocalDate date = date(asOf);
        Instant now = clock.instant();
        Optional<TreatyTerms> treaty = catalog.treatyTerms(instrumentId);
        TreatyPanel panel = null;
        Scorecard scorecard;
        if (treaty.isPresent()) {
            TreatyScorecards.Answer answer = treatyScorecards.scorecard(code, instrumentId, treaty.get(), date, now);
            scorecard = answer.card();
            panel = new TreatyPanel(answer.status(), answer.participant());
        } else {
            scorecard = scorecards.scorecardWithLatestBasis(code, instrumentId, date, now);
        }
        InstrumentListing listing = instruments.findById(instrumentId.value()).orElse(null);
        LocalDate from = date.minusYears(5);
        if (listing != null && listing.adoptedOn().isAfter(from)) {
            from = listing.adoptedOn();
        }
        List<HistoryPoint> history = from.isAfter(date) ? List.of()
                : history(code, instrumentId, treaty, from, date, now);
        model.addAttribute("state", code.value());
        model.addAttribute("treaty", panel);
        model.addAttribute("name", StateNames.of(code.value()));
        model.addAttribute("scorecard", scorecard);
        model.addAttribute("history", history);
        model.addAttribute("historyDates", history.stream().map(p -> p.date().toString())
                .collect(Collectors.joining(",")));
        model.addAttribute("historyScores", history.stream()
                .map(p -> p.score() == null ? "" : p.score().toPlainString()).collect(Collectors.joining(",")));
        model.addAttribute("records", records.of(code, instrumentId, date));
        model.addAttribute("instruments", instruments.findAll(Sort.by("instrumentId")));
        model.addAttribute("instrument", instrumentId.value());
        model.addAttribute("asOf", date);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("monitors", actions.monitors());
        return "state";
    }

    @GetMapping("/commitments/{id}")
    String commitment(@PathVariable String id, Model model) {
        CommitmentView view = CommitmentId.parse(id).map(c -> CommitmentView.of(streams.of(c.value()))).orElse(null);
        if (view == null) {
            throw new NotFoundException("No commitment with id '" + id + "' exists here.");
        }
        model.addAttribute("commitment", view);
        model.addAttribute("actions", actions.commitment(view));
        model.addAttribute("statusToday", StateRecords.statusOn(view, LocalDate.now(clock)));
        return "commitment";
    }

    @GetMapping("/violations/{id}")
    String violation(@PathVariable String id, Model model) {
        ViolationView view = ViolationId.parse(id).map(v -> ViolationView.of(streams.of(v.value()))).orElse(null);
        if (view == null) {
            throw new NotFoundException("No violation report with id '" + id + "' exists here.");
        }
        model.addAttribute("violation", view);
        model.addAttribute("actions", actions.violation(view));
        return "violation";
    }

    @ExceptionHandler({NotFoundException.class, IllegalArgumentException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Exception e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }

    /** A state's monthly history under the instrument, by the treaty's rules where it is one. */
    private List<HistoryPoint> history(StateCode state, InstrumentId instrument, Optional<TreatyTerms> treaty,
                                       LocalDate from, LocalDate to, Instant now) {
        return treaty.isPresent()
                ? treatyScorecards.history(state, instrument, treaty.get(), from, to, Step.MONTH, now)
                : scorecards.history(state, instrument, from, to, Step.MONTH, now);
    }

    private LocalDate date(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        return asOf == null || asOf.isAfter(today) ? today : asOf;
    }

    private static InstrumentId instrument(String instrument) {
        return instrument == null || instrument.isBlank() ? InstrumentId.UN_GGE_2015 : InstrumentId.of(instrument);
    }

    private static StateCode stateCode(String state) {
        try {
            return StateCode.of(state);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("'" + state + "' is not an assigned ISO 3166-1 alpha-3 code.");
        }
    }

    /** A colour band for a score, for the heat tiles; never the only carrier of the number. */
    static String band(BigDecimal score) {
        if (score == null) {
            return "none";
        }
        double value = score.doubleValue();
        return value >= 75 ? "high" : value >= 50 ? "mid" : value >= 25 ? "low" : "critical";
    }
}
