package org.cybernorms.compliance.assistance.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceCommands;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.ClosureOutcome;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.OrganisationCommands;
import org.cybernorms.compliance.assistance.api.OrganisationEvents.OrganisationRegistered;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.assistance.http.AssistanceBodies.RankingsBody;
import org.cybernorms.compliance.assistance.http.AssistanceBodies.RequestLine;
import org.cybernorms.compliance.assistance.http.AssistanceBodies.StateAssistanceBody;
import org.cybernorms.compliance.assistance.view.AssistanceQueries;
import org.cybernorms.compliance.assistance.view.AssistanceRequestView;
import org.cybernorms.compliance.history.RecordedEvent;
import org.cybernorms.compliance.http.Inputs;
import org.cybernorms.compliance.http.Limits;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.runtime.EventStreams;
import org.cybernorms.compliance.runtime.FactRecorder;
import org.cybernorms.compliance.security.Roles;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Technical assistance and capacity building (norm 13h): who asked for help, who offered it and on what terms,
 * whether it was accepted and arrived; each state's assistance ledger at a date and the rankings of donors and
 * recipients. A state may request and offer in its own name, and accept or decline offers on its own requests; every
 * other write needs a monitor or admin. Paths that name only an offer find its request through the assistance read
 * model, which every write waits for.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assistance", description = "Requests for technical assistance and capacity building, offers, their "
        + "acceptance, delivery and closure (docs/assistance.md)")
class AssistanceController {

    private static final String AS_OF = "yyyy-MM-dd: as the world stood at the end of this day (UTC); today if "
            + "omitted; must not be in the future";
    private static final String KNOWN_AT = "ISO-8601 instant: only facts recorded by then are read; now if omitted; "
            + "must not be in the future";

    private final FactRecorder recorder;
    private final EventStreams streams;
    private final AssistanceQueries queries;
    private final Clock clock;

    AssistanceController(FactRecorder recorder, EventStreams streams, AssistanceQueries queries, Clock clock) {
        this.recorder = recorder;
        this.streams = streams;
        this.queries = queries;
        this.clock = clock;
    }

    record OrganisationBody(
            @Schema(example = "itu", description = "1 to 60 letters, digits and hyphens; as a party: org:<id>")
            @NotBlank @Size(max = Limits.CODE) String organisationId,
            @Schema(example = "International Telecommunication Union") @NotBlank @Size(max = Limits.TITLE) String name,
            @Schema(example = "1865-05-17", description = "From this date the organisation may take part in facts")
            @NotNull LocalDate registeredOn) {
    }

    record OrganisationAnswer(@Schema(example = "itu") String organisationId,
                              @Schema(example = "org:itu") String party,
                              @Schema(example = "International Telecommunication Union") String name,
                              @Schema(example = "1865-05-17") LocalDate registeredOn,
                              Instant recordedAt) {
    }

    record AssistanceRequestBody(
            @Schema(example = "KEN", description = "The requesting state") @NotBlank @Size(max = Limits.CODE)
            String requester,
            @Schema(example = "org:itu", description = "The one state or organisation asked; omit for a request "
                    + "open to all") @Size(max = Limits.CODE) String addressee,
            @Schema(example = "un-gge-2015") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "13h") @NotBlank @Size(max = Limits.CODE) String norm,
            @Schema(example = "INCIDENT_RESPONSE_TEAMS") @NotNull AssistanceArea area,
            @Schema(example = "Help to set up and train a national computer incident response team")
            @NotBlank @Size(max = Limits.TEXT) String description,
            @Schema(example = "2023-01-10") @NotNull LocalDate requestedOn) {
    }

    record RequestRecorded(@Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String requestId) {
    }

    record OfferBody(
            @Schema(example = "GHA", description = "A state (GHA) or a registered organisation (org:itu)")
            @NotBlank @Size(max = Limits.CODE) String offeror,
            @Schema(example = "CONDITIONAL") @NotNull OfferTerms terms,
            @Schema(example = "Trainees attend the course in Accra", description = "Required for CONDITIONAL "
                    + "terms, omitted for UNCONDITIONAL") @Size(max = Limits.TEXT) String conditions,
            @Schema(example = "2023-01-25") @NotNull LocalDate offeredOn) {
    }

    record OfferRecorded(@Schema(example = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d") String offerId,
                         @Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String requestId) {
    }

    record AcceptanceBody(@Schema(example = "2023-02-20") @NotNull LocalDate acceptedOn) {
    }

    record DeclinationBody(@Schema(example = "2023-02-01") @NotNull LocalDate declinedOn,
                           @Schema(example = "Help already arranged elsewhere", description = "Optional")
                           @Size(max = Limits.TEXT) String reason) {
    }

    record DeliveryBody(@Schema(example = "2023-03-11") @NotNull LocalDate deliveredOn,
                        @Schema(example = "First training week for 12 incident handlers")
                        @NotBlank @Size(max = Limits.TEXT) String description,
                        @Schema(example = "Course report and attendance list, ref. GH-KE-2023-01")
                        @NotBlank @Size(max = Limits.TEXT) String evidence) {
    }

    record CompletionBody(@Schema(example = "2023-04-15") @NotNull LocalDate completedOn) {
    }

    record OfferWithdrawalBody(@Schema(example = "2023-04-15") @NotNull LocalDate withdrawnOn,
                               @Schema(example = "Funding cut") @NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    record ClosureBody(@Schema(example = "FULFILLED") @NotNull ClosureOutcome outcome,
                       @Schema(example = "2023-04-20") @NotNull LocalDate closedOn,
                       @Schema(example = "The CERT is operational", description = "Optional")
                       @Size(max = Limits.TEXT) String note) {
    }

    // ---- organisations ----

    @PostMapping(path = "/assistance/organisations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an organisation, so that it may be addressed and offer and deliver assistance",
            description = "Registering the same organisation again is refused with 409 already-exists.")
    ResponseEntity<OrganisationAnswer> register(@Valid @RequestBody OrganisationBody body) {
        Inputs in = Inputs.check();
        OrganisationId id = in.organisation("organisationId", body.organisationId());
        in.orThrow();
        recorder.record(new OrganisationCommands.RegisterOrganisation(id, body.name(), body.registeredOn()));
        return ResponseEntity.created(URI.create("/api/assistance/organisations/" + id)).body(organisation(id));
    }

    @GetMapping("/assistance/organisations/{id}")
    @Operation(summary = "A registered organisation")
    OrganisationAnswer organisation(@Parameter(example = "itu") @PathVariable String id) {
        try {
            return organisation(OrganisationId.of(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No organisation with id '" + id + "' is registered here.");
        }
    }

    private OrganisationAnswer organisation(OrganisationId id) {
        for (RecordedEvent event : streams.of(Party.organisation(id).toString())) {
            if (event.payload() instanceof OrganisationRegistered registered) {
                return new OrganisationAnswer(id.value(), Party.organisation(id).value(), registered.name(),
                        registered.registeredOn(), event.recordedAt());
            }
        }
        throw new NotFoundException("No organisation with id '" + id + "' is registered here.");
    }

    // ---- requests ----

    @PostMapping(path = "/assistance/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a state's request for assistance under a norm",
            description = "A monitor or admin may record any; a STATE role only its own (requester = itself).")
    ResponseEntity<RequestRecorded> request(@Valid @RequestBody AssistanceRequestBody body, Authentication caller) {
        Inputs in = Inputs.check();
        StateCode requester = in.state("requester", body.requester());
        Party addressee = in.party("addressee", body.addressee());
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        NormCode norm = in.norm("norm", body.norm());
        in.orThrow();
        if (!Roles.mayAnswerFor(caller, requester)) {
            throw new AccessDeniedException("a state may request assistance only in its own name");
        }
        AssistanceRequestId id = AssistanceRequestId.random();
        recorder.record(new AssistanceCommands.RequestAssistance(id, requester, addressee, instrument, norm,
                body.area(), body.description(), body.requestedOn()));
        return ResponseEntity.created(URI.create("/api/assistance/requests/" + id)).body(new RequestRecorded(id.value()));
    }

    @GetMapping("/assistance/requests")
    @Operation(summary = "Requests for assistance, by requestedOn, optionally of one state, in one status (now) or "
            + "under one norm code")
    List<RequestLine> requests(
            @Parameter(example = "KEN", description = "The requesting state") @RequestParam(required = false)
            String state,
            @Parameter(example = "OPEN", description = "OPEN, FULFILLED or ABANDONED, as recorded now")
            @RequestParam(required = false) RequestStatus status,
            @Parameter(example = "13h", description = "A norm code, whatever the instrument")
            @RequestParam(required = false) String norm) {
        Inputs in = Inputs.check();
        StateCode stateCode = in.state("state", state);
        NormCode normCode = in.norm("norm", norm);
        in.orThrow();
        return queries.requests(stateCode, status, normCode).stream().map(RequestLine::of).toList();
    }

    @GetMapping("/assistance/requests/{id}")
    @Operation(summary = "A request with its offers, their deliveries, its waits and the dated history of its events")
    AssistanceRequestView get(@PathVariable String id) {
        return view(parseRequest(id));
    }

    @PostMapping(path = "/assistance/requests/{id}/offers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an offer of assistance against a request",
            description = "A monitor or admin may record any; a STATE role only its own (offeror = itself).")
    ResponseEntity<OfferRecorded> offer(@PathVariable String id, @Valid @RequestBody OfferBody body,
                                        Authentication caller) {
        AssistanceRequestId requestId = parseRequest(id);
        Inputs in = Inputs.check();
        Party offeror = in.party("offeror", body.offeror());
        in.orThrow();
        boolean own = offeror instanceof Party.State state
                ? Roles.mayAnswerFor(caller, state.code())
                : Roles.has(caller, Roles.MONITOR) || Roles.has(caller, Roles.ADMIN);
        if (!own) {
            throw new AccessDeniedException("a state may offer assistance only in its own name");
        }
        OfferId offerId = OfferId.random();
        recorder.record(new AssistanceCommands.OfferAssistance(requestId, offerId, offeror, body.terms(),
                body.conditions(), body.offeredOn()));
        return ResponseEntity.created(URI.create("/api/assistance/offers/" + offerId))
                .body(new OfferRecorded(offerId.value(), requestId.value()));
    }

    @PostMapping(path = "/assistance/requests/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close a request as fulfilled or abandoned, once every offer is settled")
    AssistanceRequestView close(@PathVariable String id, @Valid @RequestBody ClosureBody body) {
        AssistanceRequestId requestId = parseRequest(id);
        recorder.record(new AssistanceCommands.CloseRequest(requestId, body.outcome(), body.closedOn(), body.note()));
        return view(requestId);
    }

    // ---- offers ----

    @GetMapping("/assistance/offers/{id}")
    @Operation(summary = "One offer, with its deliveries")
    AssistanceRequestView.OfferView getOffer(@PathVariable String id) {
        OfferId offerId = parseOffer(id);
        return view(requestOf(offerId)).offer(offerId).orElseThrow(() -> offerNotFound(id));
    }

    @PostMapping(path = "/assistance/offers/{id}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the requesting state accepted an offer",
            description = "A monitor or admin may record it; a STATE role only on its own requests.")
    AssistanceRequestView accept(@PathVariable String id, @Valid @RequestBody AcceptanceBody body,
                                 Authentication caller) {
        OfferId offerId = parseOffer(id);
        AssistanceRequestId requestId = requireRequester(offerId, caller);
        recorder.record(new AssistanceCommands.AcceptOffer(requestId, offerId, body.acceptedOn()));
        return view(requestId);
    }

    @PostMapping(path = "/assistance/offers/{id}/declination", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the requesting state declined an offer",
            description = "A monitor or admin may record it; a STATE role only on its own requests.")
    AssistanceRequestView decline(@PathVariable String id, @Valid @RequestBody DeclinationBody body,
                                  Authentication caller) {
        OfferId offerId = parseOffer(id);
        AssistanceRequestId requestId = requireRequester(offerId, caller);
        recorder.record(new AssistanceCommands.DeclineOffer(requestId, offerId, body.declinedOn(), body.reason()));
        return view(requestId);
    }

    @PostMapping(path = "/assistance/offers/{id}/deliveries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record one part of the delivery of an accepted offer")
    AssistanceRequestView deliver(@PathVariable String id, @Valid @RequestBody DeliveryBody body) {
        OfferId offerId = parseOffer(id);
        AssistanceRequestId requestId = requestOf(offerId);
        recorder.record(new AssistanceCommands.ReportDelivery(requestId, offerId, body.deliveredOn(),
                body.description(), body.evidence()));
        return view(requestId);
    }

    @PostMapping(path = "/assistance/offers/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that a delivered offer was completed")
    AssistanceRequestView complete(@PathVariable String id, @Valid @RequestBody CompletionBody body) {
        OfferId offerId = parseOffer(id);
        AssistanceRequestId requestId = requestOf(offerId);
        recorder.record(new AssistanceCommands.CompleteOffer(requestId, offerId, body.completedOn()));
        return view(requestId);
    }

    @PostMapping(path = "/assistance/offers/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the offeror withdrew a pending or accepted offer")
    AssistanceRequestView withdraw(@PathVariable String id, @Valid @RequestBody OfferWithdrawalBody body) {
        OfferId offerId = parseOffer(id);
        AssistanceRequestId requestId = requestOf(offerId);
        recorder.record(new AssistanceCommands.WithdrawOffer(requestId, offerId, body.withdrawnOn(), body.reason()));
        return view(requestId);
    }

    // ---- ledger and rankings ----

    @GetMapping("/states/{state}/assistance")
    @Operation(summary = "What a state asked for, offered, received and delivered at a date, and how long each of "
            + "its requests waited for its first offer and first delivery",
            description = "A state without assistance facts gets empty lists, not 404. Unknown state code: 400.")
    StateAssistanceBody ledger(
            @Parameter(example = "KEN", description = "ISO 3166-1 alpha-3 code") @PathVariable String state,
            @Parameter(example = "2024-12-31", description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @Parameter(example = "2025-01-01T00:00:00Z", description = KNOWN_AT) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        Inputs in = Inputs.check();
        StateCode stateCode = in.state("state", state);
        in.orThrow();
        Times times = times(asOf, knownAt);
        return StateAssistanceBody.of(queries.ledger(Party.state(stateCode), times.asOf, times.knownAt));
    }

    @GetMapping("/assistance/rankings")
    @Operation(summary = "Donors by delivery parts made, recipients by delivery parts received, at a date",
            description = "Only parties with at least one delivery part dated by asOf are listed. Order: deliveries "
                    + "descending, then the party as written. Ties: competition ranking (1, 2, 2, 4).")
    RankingsBody rankings(
            @Parameter(example = "2024-12-31", description = AS_OF) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
            @Parameter(example = "2025-01-01T00:00:00Z", description = KNOWN_AT) @RequestParam(required = false)
            @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        Times times = times(asOf, knownAt);
        return RankingsBody.of(queries.rankings(times.asOf, times.knownAt));
    }

    // ---- helpers ----

    private record Times(LocalDate asOf, Instant knownAt) {
    }

    /** asOf defaults to today (UTC), knownAt to now; neither may be in the future. */
    private Times times(LocalDate asOf, Instant knownAt) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<FactRejectedException.FieldProblem> problems = new ArrayList<>();
        if (asOf != null && asOf.isAfter(today)) {
            problems.add(new FactRejectedException.FieldProblem("asOf",
                    "must not be in the future (today is " + today + " UTC)"));
        }
        if (knownAt != null && knownAt.isAfter(now)) {
            problems.add(new FactRejectedException.FieldProblem("knownAt",
                    "must not be in the future (now is " + now + ")"));
        }
        if (!problems.isEmpty()) {
            throw new FactRejectedException(problems);
        }
        return new Times(asOf == null ? today : asOf, knownAt == null ? now : knownAt);
    }

    /** The offer's request, if the caller may answer for its requester (403 otherwise). */
    private AssistanceRequestId requireRequester(OfferId offerId, Authentication caller) {
        AssistanceRequestId requestId = requestOf(offerId);
        if (!Roles.mayAnswerFor(caller, view(requestId).requester)) {
            throw new AccessDeniedException("only the requesting state may accept or decline offers on its request");
        }
        return requestId;
    }

    private AssistanceRequestId requestOf(OfferId offerId) {
        return queries.requestOfOffer(offerId).orElseThrow(() -> offerNotFound(offerId.value()));
    }

    private AssistanceRequestView view(AssistanceRequestId id) {
        AssistanceRequestView view = AssistanceRequestView.of(streams.of(id.value()));
        if (view == null) {
            throw new NotFoundException("No request for assistance with id '" + id + "' exists here.");
        }
        return view;
    }

    private static AssistanceRequestId parseRequest(String id) {
        return AssistanceRequestId.parse(id).orElseThrow(() ->
                new NotFoundException("No request for assistance with id '" + id + "' exists here."));
    }

    private static OfferId parseOffer(String id) {
        return OfferId.parse(id).orElseThrow(() -> offerNotFound(id));
    }

    private static NotFoundException offerNotFound(String id) {
        return new NotFoundException("No offer of assistance with id '" + id + "' exists here.");
    }
}
