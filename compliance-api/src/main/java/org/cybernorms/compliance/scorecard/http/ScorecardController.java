package org.cybernorms.compliance.scorecard.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.view.AssistanceQueries;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.BasisPage;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.ChangeEntry;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.ChangesBody;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.HistoryEntry;
import org.cybernorms.compliance.scorecard.methodology.MethodologyV1;
import org.cybernorms.compliance.scorecard.methodology.NormScore;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.ScorecardBody;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.Standing;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.scorecard.view.ScorecardQueries;
import org.cybernorms.compliance.scorecard.view.TreatyScorecards;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import java.util.Optional;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Scorecards, the ranking of states and score histories under methodology v1, as JSON or CSV
 * ({@code Accept: text/csv}). Read from the scorecard read model, which every write waits for, so a read made after a
 * write shows it.
 */
@RestController
@RequestMapping(produces = {MediaType.APPLICATION_JSON_VALUE, CsvTables.TEXT_CSV_VALUE})
@Tag(name = "Scorecards", description = "Scores of states under an instrument, by methodology v1 "
        + "(docs/methodology.md). Every answer is also available as CSV with Accept: text/csv.")
class ScorecardController {

    /** The most points a history answers with: about ten years of days. */
    static final int MAX_HISTORY_POINTS = 3_700;

    /** The most events of one state and instrument that a changes window may hold. */
    static final int MAX_CHANGE_EVENTS = 2_000;

    /** How many facts a page of a norm's basis holds unless the client asks for another number. */
    static final int BASIS_PAGE = 100;

    /** The most facts a page of a norm's basis holds. */
    static final int MAX_BASIS_PAGE = 1_000;

    private static final String INSTRUMENT = "The instrument; un-gge-2015 if omitted";
    private static final String AS_OF = "yyyy-MM-dd: the score as the world stood at the end of this day (UTC); "
            + "today if omitted; must not be in the future";
    private static final String KNOWN_AT = "ISO-8601 instant: only facts recorded by then are read; now if omitted; "
            + "must not be in the future";

    private final ScorecardQueries queries;
    private final AssistanceQueries assistance;
    private final WrittenNormLines.Writer normLines;
    private final Clock clock;
    private final NormCatalog catalog;
    private final TreatyScorecards treatyScorecards;

    ScorecardController(ScorecardQueries queries, AssistanceQueries assistance, WrittenNormLines.Writer normLines,
                        Clock clock, NormCatalog catalog, TreatyScorecards treatyScorecards) {
        this.catalog = catalog;
        this.treatyScorecards = treatyScorecards;
        this.queries = queries;
        this.assistance = assistance;
        this.normLines = normLines;
        this.clock = clock;
    }

    @GetMapping("/api/states/{state}/scorecard")
    @ApiResponse(responseCode = "200", description = "As JSON, or as CSV with Accept: text/csv")
    @ApiResponse(responseCode = "404", description = "No instrument with this id",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "A state's scorecard under one instrument",
            description = "Every norm in force at asOf with its score (or RESERVED), the state's pledge, commitment "
                    + "and violation counts, how many recorded facts the score rests on (basisTotal) and the latest "
                    + ScorecardQueries.LATEST_BASIS + " of them (basis; all of them, page by page: "
                    + "GET /api/states/{state}/scorecard/basis). A state with no facts gets the base score of 50 on "
                    + "every norm. Beside the score, never folded into it, the state's assistance at asOf (JSON "
                    + "only; its latest " + ScorecardBodies.AssistanceSection.WAITS_SHOWN + " requests, all of them: "
                    + "GET /api/states/{state}/assistance). Unknown state code: 400; unknown instrument: 404. CSV: "
                    + "one row per norm.")
    ScorecardBody scorecard(
            @Parameter(example = "FRA", description = "ISO 3166-1 alpha-3 code") @PathVariable String state,
            @Parameter(example = "un-gge-2015", description = INSTRUMENT) @RequestParam(required = false)
            String instrument,
            @Parameter(example = "2024-01-10", description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @Parameter(example = "2025-01-01T00:00:00Z", description = KNOWN_AT) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        QueryChecks in = new QueryChecks(clock);
        StateCode stateCode = in.state(state);
        InstrumentId instrumentId = in.instrument(instrument);
        LocalDate date = in.dateUpToToday("asOf", asOf);
        Instant known = in.knownAt(knownAt);
        in.orThrow();
        requireInstrument(instrumentId);
        Optional<TreatyTerms> treaty = catalog.treatyTerms(instrumentId);
        if (treaty.isPresent()) {
            TreatyScorecards.Answer answer = treatyScorecards.scorecard(stateCode, instrumentId, treaty.get(), date,
                    known);
            Scorecard card = answer.card().withLatestBasis(ScorecardQueries.LATEST_BASIS);
            return ScorecardBody.of(card, assistance.ledger(Party.state(stateCode), date, known))
                    .withTreaty(TreatySections.of(stateCode, answer, date));
        }
        Scorecard card = queries.scorecardWithLatestBasis(stateCode, instrumentId, date, known);
        return ScorecardBody.of(card, normLines.of(card.norms()), assistance.ledger(Party.state(stateCode), date,
                known));
    }

    @GetMapping(path = "/api/states/{state}/scorecard/basis", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "One page of the facts, possibly empty past the end")
    @ApiResponse(responseCode = "400", description = "A parameter is malformed or out of range, or no norm with "
            + "this code is in force under the instrument at asOf",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No instrument with this id",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "Every recorded fact one norm's score rests on, page by page",
            description = "The whole basis of one norm line of the scorecard (the scorecard shows the latest "
                    + ScorecardQueries.LATEST_BASIS + " and basisTotal), by recorded time then event id, from "
                    + "offset on, at most limit facts. Read from the same cached scorecard as the scorecard, so "
                    + "paging through costs little. Pass the knownAt of the first page to every later page to read "
                    + "the same facts. An offset past the end gives an empty page with the total. JSON only.")
    BasisPage basis(
            @Parameter(example = "FRA", description = "ISO 3166-1 alpha-3 code") @PathVariable String state,
            @Parameter(example = "13g", description = "The code of a norm in force under the instrument at asOf",
                    required = true) @RequestParam(required = false) String norm,
            @Parameter(example = "un-gge-2015", description = INSTRUMENT) @RequestParam(required = false)
            String instrument,
            @Parameter(example = "2024-01-10", description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @Parameter(example = "2025-01-01T00:00:00Z", description = KNOWN_AT) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt,
            @Parameter(example = "0", description = "The position of the first fact answered, from 0; 0 if omitted")
            @RequestParam(required = false) Integer offset,
            @Parameter(example = "100", description = "The most facts answered, 1 to " + MAX_BASIS_PAGE + "; "
                    + BASIS_PAGE + " if omitted") @RequestParam(required = false) Integer limit) {
        QueryChecks in = new QueryChecks(clock);
        StateCode stateCode = in.state(state);
        NormCode normCode = in.norm(norm);
        InstrumentId instrumentId = in.instrument(instrument);
        LocalDate date = in.dateUpToToday("asOf", asOf);
        Instant known = in.knownAt(knownAt);
        int first = in.offset(offset);
        int size = in.limit(limit, BASIS_PAGE, MAX_BASIS_PAGE);
        in.orThrow();
        requireInstrument(instrumentId);
        Optional<TreatyTerms> treaty = catalog.treatyTerms(instrumentId);
        Scorecard card = treaty.isPresent()
                ? treatyScorecards.scorecard(stateCode, instrumentId, treaty.get(), date, known).card()
                : queries.scorecard(stateCode, instrumentId, date, known);
        NormScore line = card.norm(normCode).orElse(null);
        if (line == null) {
            in.reject("norm", "no norm '" + normCode + "' is in force under " + instrumentId + " on " + date
                    + " (the scorecard lists the norms in force)");
            in.orThrow();
        }
        return BasisPage.of(card, line, first, size);
    }

    @GetMapping("/api/scorecards")
    @ApiResponse(responseCode = "200", description = "As JSON, or as CSV with Accept: text/csv")
    @ApiResponse(responseCode = "404", description = "No instrument with this id",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "The ranking of states under one instrument",
            description = "Every state with at least one fact under the instrument recorded by knownAt (any fact, "
                    + "a signature included, whatever its date), scored at asOf, by score descending, then by state "
                    + "code. Tie rule: standard competition ranking on the published one-decimal score; states with "
                    + "equal scores share the rank of the first of them and the next rank skips (1, 2, 2, 4). "
                    + "States without a score (every norm reserved) come last, by code, with rank null. "
                    + "CSV columns: rank, state, score.")
    List<Standing> ranking(
            @Parameter(example = "un-gge-2015", description = INSTRUMENT) @RequestParam(required = false)
            String instrument,
            @Parameter(example = "2024-12-31", description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @Parameter(example = "2025-01-01T00:00:00Z", description = KNOWN_AT) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        QueryChecks in = new QueryChecks(clock);
        InstrumentId instrumentId = in.instrument(instrument);
        LocalDate date = in.dateUpToToday("asOf", asOf);
        Instant known = in.knownAt(knownAt);
        in.orThrow();
        requireInstrument(instrumentId);
        Optional<TreatyTerms> treaty = catalog.treatyTerms(instrumentId);
        return (treaty.isPresent() ? treatyScorecards.ranking(instrumentId, treaty.get(), date, known)
                : queries.ranking(instrumentId, date, known)).stream().map(Standing::of).toList();
    }

    @GetMapping("/api/states/{state}/scorecard/history")
    @ApiResponse(responseCode = "200", description = "As JSON, or as CSV with Accept: text/csv")
    @ApiResponse(responseCode = "404", description = "No instrument with this id",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "A state's score at a series of dates, all read with the same knownAt",
            description = "DAY: from, then every day up to and including to. WEEK: from, then every seventh day "
                    + "while on or before to. MONTH: the last day of each month from from's month to to's month, "
                    + "the last point clamped to to. At most " + MAX_HISTORY_POINTS + " points; from after to, or "
                    + "more points, is refused with 400. CSV columns: date, score.")
    List<HistoryEntry> history(
            @Parameter(example = "FRA", description = "ISO 3166-1 alpha-3 code") @PathVariable String state,
            @Parameter(example = "un-gge-2015", description = INSTRUMENT) @RequestParam(required = false)
            String instrument,
            @Parameter(example = "2024-01-10", description = "yyyy-MM-dd: the first date asked about",
                    required = true) @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @Parameter(example = "2024-04-15", description = "yyyy-MM-dd: the last date asked about; today if "
                    + "omitted; must not be in the future") @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @Parameter(example = "MONTH", description = "DAY, WEEK or MONTH; MONTH if omitted")
            @RequestParam(defaultValue = "MONTH") Step step,
            @Parameter(example = "2025-01-01T00:00:00Z", description = KNOWN_AT) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        QueryChecks in = new QueryChecks(clock);
        StateCode stateCode = in.state(state);
        InstrumentId instrumentId = in.instrument(instrument);
        LocalDate last = in.dateUpToToday("to", to);
        Instant known = in.knownAt(knownAt);
        if (from.isAfter(last)) {
            in.reject("from", "must not be after to (" + last + ")");
        } else if (in.ok()) {
            long points = points(from, last, step);
            if (points > MAX_HISTORY_POINTS) {
                in.reject("step", "from " + from + " to " + last + " by " + step + " gives " + points
                        + " points; at most " + MAX_HISTORY_POINTS + " are answered: narrow the range or take a "
                        + "longer step");
            }
        }
        in.orThrow();
        requireInstrument(instrumentId);
        Optional<TreatyTerms> treaty = catalog.treatyTerms(instrumentId);
        return (treaty.isPresent()
                ? treatyScorecards.history(stateCode, instrumentId, treaty.get(), from, last, step, known)
                : queries.history(stateCode, instrumentId, from, last, step, known)).stream()
                .map(HistoryEntry::of).toList();
    }

    @GetMapping(path = "/api/states/{state}/scorecard/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "The events that changed the scorecard, oldest first")
    @ApiResponse(responseCode = "404", description = "No instrument with this id",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "What changed a state's scorecard between two moments",
            description = "Every event recorded at or after `from` and before `to` (recorded time) that changed the "
                    + "state's scorecard at `asOf` (valid time, fixed), with the state score just before the tracker "
                    + "recorded it and with it, and the norms whose line changed. Both are scored by methodology v1 "
                    + "with knownAt at the event's recorded instant, without and with the event (events recorded at "
                    + "the same instant are taken one by one in log order; under a treaty, by the treaty's rules, "
                    + "with every participant's steps, the crosswalks onto it and the state's carried facts among "
                    + "the events, those of one instant together). A change is a different state score, or "
                    + "a norm line with a different title, status, score, pledge or counts; the basis is not "
                    + "compared. Instrument events (a norm added, revised or retired) count too. At most "
                    + MAX_CHANGE_EVENTS + " events of the state and instrument may fall in the window.")
    ChangesBody changes(
            @Parameter(example = "FRA", description = "ISO 3166-1 alpha-3 code") @PathVariable String state,
            @Parameter(example = "un-gge-2015", description = INSTRUMENT) @RequestParam(required = false)
            String instrument,
            @Parameter(example = "2024-12-31", description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @Parameter(example = "2025-01-01T00:00:00Z", description = "ISO-8601 instant: the first recorded "
                    + "moment asked about (inclusive)", required = true) @RequestParam
            @DateTimeFormat(iso = ISO.DATE_TIME) Instant from,
            @Parameter(example = "2025-02-01T00:00:00Z", description = "ISO-8601 instant: the end of the window "
                    + "(exclusive); now if omitted; must not be in the future") @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE_TIME) Instant to) {
        QueryChecks in = new QueryChecks(clock);
        StateCode stateCode = in.state(state);
        InstrumentId instrumentId = in.instrument(instrument);
        LocalDate date = in.dateUpToToday("asOf", asOf);
        Instant end = in.instantUpToNow("to", to);
        if (in.ok() && !from.isBefore(end)) {
            in.reject("from", "must be before to (" + end + ")");
        }
        in.orThrow();
        requireInstrument(instrumentId);
        List<org.cybernorms.compliance.scorecard.view.ScoreChange> changes;
        try {
            Optional<TreatyTerms> treaty = catalog.treatyTerms(instrumentId);
            changes = treaty.isPresent()
                    ? treatyScorecards.changes(stateCode, instrumentId, treaty.get(), date, from, end,
                            MAX_CHANGE_EVENTS)
                    : queries.changes(stateCode, instrumentId, date, from, end, MAX_CHANGE_EVENTS);
        } catch (IllegalArgumentException e) {
            in.reject("from", e.getMessage());
            in.orThrow();
            throw e;
        }
        return new ChangesBody(stateCode.value(), instrumentId.value(), MethodologyV1.NAME, date, from, end,
                changes.stream().map(ChangeEntry::of).toList());
    }

    /** How many points a history from {@code from} to {@code to} (not before it) has at {@code step}. */
    static long points(LocalDate from, LocalDate to, Step step) {
        long days = ChronoUnit.DAYS.between(from, to);
        return switch (step) {
            case DAY -> days + 1;
            case WEEK -> days / 7 + 1;
            case MONTH -> ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        };
    }

    private void requireInstrument(InstrumentId instrument) {
        if (!queries.instrumentExists(instrument)) {
            throw new NotFoundException("No instrument with id '" + instrument + "' exists here.");
        }
    }
}
