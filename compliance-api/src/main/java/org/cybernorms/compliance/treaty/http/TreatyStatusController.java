package org.cybernorms.compliance.treaty.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.instrument.EventStoreNormCatalog;
import org.cybernorms.compliance.instrument.InstrumentNorms;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.scorecard.http.QueryChecks;
import org.cybernorms.compliance.scorecard.view.TreatyParticipation;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.treaty.TreatyStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A treaty's status table, like the UN Treaty Collection's, as of any date and as known at any moment: one row per
 * participant with its dates, then the counts. Derived by {@link TreatyStatus} from the treaty's terms and the
 * participation facts of the scorecard read model (which every write waits for).
 */
@RestController
@Tag(name = "Treaties", description = "Whether a treaty is in force, and for whom (docs/treaties.md)")
class TreatyStatusController {

    private static final String[] CSV_HEADER = {"instrument", "asOf", "knownAt", "treatyStatus", "consents",
            "consentsRequired", "entryIntoForce", "participant", "organisation", "status", "signedOn", "consentedOn",
            "consentKind", "inForceFrom", "denouncedOn", "denunciationEffectiveOn", "reservations", "objections"};

    private final EventStoreNormCatalog catalog;
    private final TreatyParticipation participation;
    private final Clock clock;

    TreatyStatusController(EventStoreNormCatalog catalog, TreatyParticipation participation, Clock clock) {
        this.catalog = catalog;
        this.participation = participation;
        this.clock = clock;
    }

    record ReservationLine(String norm, LocalDate enteredOn, LocalDate withdrawnOn) {
    }

    record ObjectionLine(String reservingState, String norm, LocalDate objectedOn) {
    }

    record ParticipantLine(String participant, boolean organisation, String status, LocalDate signedOn,
                           LocalDate consentedOn, String consentKind, LocalDate inForceFrom, LocalDate denouncedOn,
                           LocalDate denunciationEffectiveOn, List<ReservationLine> reservations,
                           List<ObjectionLine> objections) {

        static ParticipantLine of(TreatyStatus.Participant p) {
            return new ParticipantLine(p.participant(), p.organisation(), p.standing().name(), p.signedOn(),
                    p.consentedOn(), p.consentKind() == null ? null : p.consentKind().name(), p.inForceFrom(),
                    p.denouncedOn(), p.denunciationEffectiveOn(),
                    p.reservations().stream().map(r -> new ReservationLine(r.norm(), r.enteredOn(), r.withdrawnOn()))
                            .toList(),
                    p.objections().stream().map(o -> new ObjectionLine(o.reservingState(), o.norm(), o.objectedOn()))
                            .toList());
        }
    }

    record Counts(long signatories, long consented, long parties, long denounced) {
    }

    record Terms(int consentsRequired, int daysAfterThreshold, int daysAfterLaterConsent,
                 int denunciationTakesEffectAfterDays, boolean admitsOrganisations, boolean organisationsCount) {
    }

    record StatusBody(String instrument, String title, LocalDate asOf, Instant knownAt, String status, int consents,
                      int consentsRequired, LocalDate entryIntoForce, Terms terms, List<ParticipantLine> participants,
                      Counts counts) {
    }

    @GetMapping(path = "/api/instruments/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A treaty's status as of a date: in force or not, and each participant's standing",
            description = "NOT_IN_FORCE with the consents deposited and, once the threshold is reached, the date of "
                    + "entry into force; or IN_FORCE since that date. One row per participant (SIGNATORY, CONSENTED, "
                    + "PARTY, DENOUNCED) with its dates, reservations and objections, then the counts. Also as CSV "
                    + "(Accept: text/csv). A political instrument has no status table: 400.")
    StatusBody status(@Parameter(example = "draft-binding-2025") @PathVariable String id,
                      @Parameter(description = "yyyy-MM-dd; today if omitted") @RequestParam(required = false)
                      @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                      @Parameter(description = "ISO-8601 instant; now if omitted") @RequestParam(required = false)
                      @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        QueryChecks in = new QueryChecks(clock);
        LocalDate date = in.dateUpToToday("asOf", asOf);
        Instant known = in.knownAt(knownAt);
        in.orThrow();
        InstrumentNorms treaty = existing(id);
        TreatyTerms terms = treaty.treatyTerms().orElseThrow(() -> new FactRejectedException("id", "'" + id
                + "' is a political instrument: it binds no one, so it has no entry into force and no status table"));
        TreatyStatus.Status status = TreatyStatus.asOf(terms, participation.steps(treaty.instrumentId(), known), date);
        return new StatusBody(treaty.instrumentId().value(), treaty.title(), date, known, status.standing().name(),
                status.consents(), status.consentsRequired(), status.entryIntoForce(),
                new Terms(terms.consentsRequired(), terms.daysAfterThreshold(), terms.daysAfterLaterConsent(),
                        terms.denunciationTakesEffectAfterDays(), terms.admitsOrganisations(),
                        terms.organisationsCount()),
                status.participants().stream().map(ParticipantLine::of).toList(),
                new Counts(status.count(TreatyStatus.ParticipantStanding.SIGNATORY),
                        status.count(TreatyStatus.ParticipantStanding.CONSENTED),
                        status.count(TreatyStatus.ParticipantStanding.PARTY),
                        status.count(TreatyStatus.ParticipantStanding.DENOUNCED)));
    }

    /** The same table as CSV: one row per participant, the treaty's own columns repeated on each. */
    @GetMapping(path = "/api/instruments/{id}/status", produces = "text/csv")
    ResponseEntity<String> statusCsv(@PathVariable String id,
                                     @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                                     @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME)
                                     Instant knownAt) {
        StatusBody body = status(id, asOf, knownAt);
        StringWriter out = new StringWriter();
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get());
            for (ParticipantLine p : body.participants()) {
                csv.printRecord(body.instrument(), body.asOf(), body.knownAt(), body.status(), body.consents(),
                        body.consentsRequired(), body.entryIntoForce(), p.participant(), p.organisation(),
                        p.status(), p.signedOn(), p.consentedOn(), p.consentKind(), p.inForceFrom(), p.denouncedOn(),
                        p.denunciationEffectiveOn(),
                        p.reservations().stream().map(r -> r.norm() + " " + r.enteredOn()
                                + (r.withdrawnOn() == null ? "" : "/" + r.withdrawnOn()))
                                .collect(Collectors.joining("; ")),
                        p.objections().stream().map(o -> o.reservingState() + " " + o.norm() + " " + o.objectedOn())
                                .collect(Collectors.joining("; ")));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(out.toString());
    }

    private InstrumentNorms existing(String id) {
        InstrumentNorms norms;
        try {
            norms = catalog.instrument(InstrumentId.of(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No instrument with id '" + id + "' exists here.");
        }
        if (!norms.exists()) {
            throw new NotFoundException("No instrument with id '" + id + "' exists here.");
        }
        return norms;
    }
}
