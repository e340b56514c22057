package org.cybernorms.compliance.instrument.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cybernorms.compliance.http.Inputs;
import org.cybernorms.compliance.http.Limits;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.instrument.EventStoreNormCatalog;
import org.cybernorms.compliance.instrument.InstrumentNorms;
import org.cybernorms.compliance.instrument.NormStanding;
import org.cybernorms.compliance.instrument.api.InstrumentCommands;
import org.cybernorms.compliance.instrument.api.InstrumentKind;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.instrument.view.InstrumentListingRepository;
import org.cybernorms.compliance.runtime.FactRecorder;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Instruments and their norms: read them, create a new instrument, and amend one. */
@RestController
@RequestMapping(path = "/api/instruments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Instruments", description = "Instruments and the norms in force under them")
class InstrumentController {

    private final FactRecorder recorder;
    private final EventStoreNormCatalog catalog;
    private final InstrumentListingRepository listings;
    private final Clock clock;

    InstrumentController(FactRecorder recorder, EventStoreNormCatalog catalog, InstrumentListingRepository listings,
                         Clock clock) {
        this.recorder = recorder;
        this.catalog = catalog;
        this.listings = listings;
        this.clock = clock;
    }

    record NormRevision(String title, String summary, LocalDate since) {
    }

    record NormInForce(@Schema(example = "13f") String norm, String title, String summary, LocalDate effectiveOn,
                       LocalDate retiredOn, List<NormRevision> revisions) {
    }

    record InstrumentView(@Schema(example = "un-gge-2015") String instrumentId, String title, LocalDate adoptedOn,
                          @Schema(description = "POLITICAL or TREATY") InstrumentKind kind,
                          @Schema(description = "The date the norms below are in force on") LocalDate asOf,
                          List<NormInForce> norms) {
    }

    record NormTextRequest(@Schema(example = "13l") @NotBlank @Size(max = Limits.CODE) String norm,
                           @Schema(example = "Protect electoral infrastructure")
                           @NotBlank @Size(max = Limits.TITLE) String title,
                           @Schema(example = "States do not interfere with the ICT systems that run elections.")
                           @Size(max = Limits.TEXT) String summary) {
    }

    record CreateRequest(@Schema(example = "draft-lbi-2026") @NotBlank @Size(max = Limits.CODE) String instrumentId,
                         @Schema(example = "Draft legally binding instrument on state behaviour in cyberspace")
                         @NotBlank @Size(max = Limits.TITLE) String title,
                         @Schema(example = "2026-03-01") @NotNull LocalDate adoptedOn,
                         @Size(max = 200) List<@Valid @NotNull NormTextRequest> norms,
                         @Schema(description = "POLITICAL (the default) or TREATY") InstrumentKind kind,
                         @Schema(description = "TREATY: instruments of consent needed for entry into force",
                                 example = "40") Integer consentsRequired,
                         @Schema(description = "TREATY: days after the threshold consent", example = "90")
                         Integer daysAfterThreshold,
                         @Schema(description = "TREATY: days after a later consent", example = "30")
                         Integer daysAfterLaterConsent,
                         @Schema(description = "TREATY: days after notification", example = "365")
                         Integer denunciationTakesEffectAfterDays,
                         @Schema(description = "TREATY: whether registered organisations may take part")
                         Boolean admitsOrganisations,
                         @Schema(description = "TREATY: whether an organisation's consent counts")
                         Boolean organisationsCount) {
    }

    record AddNormRequest(@Schema(example = "13l") @NotBlank @Size(max = Limits.CODE) String norm,
                          @Schema(example = "Protect electoral infrastructure")
                          @NotBlank @Size(max = Limits.TITLE) String title,
                          @Size(max = Limits.TEXT) String summary,
                          @Schema(example = "2024-01-01") @NotNull LocalDate effectiveOn) {
    }

    record ReviseNormRequest(@NotBlank @Size(max = Limits.TITLE) String title,
                             @Size(max = Limits.TEXT) String summary,
                             @Schema(example = "2024-01-01") @NotNull LocalDate revisedOn) {
    }

    record RetireNormRequest(@Schema(example = "2024-01-01") @NotNull LocalDate retiredOn) {
    }

    record Created(String instrumentId) {
    }

    @GetMapping
    @Operation(summary = "Every instrument, with the norms in force today")
    List<InstrumentView> list() {
        LocalDate today = LocalDate.now(clock);
        return listings.findAll(Sort.by("instrumentId")).stream()
                .map(listing -> view(catalog.instrument(InstrumentId.of(listing.instrumentId())), today))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One instrument, with the norms in force on a date (today by default)")
    InstrumentView get(@Parameter(example = "un-gge-2015") @PathVariable String id,
                       @Parameter(description = "yyyy-MM-dd; today if omitted") @RequestParam(required = false)
                       LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        LocalDate date = asOf == null ? today : asOf;
        if (date.isAfter(today)) {
            throw new FactRejectedException("asOf", "must not be in the future (today is " + today + " UTC)");
        }
        return view(existing(id), date);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an instrument, such as a draft legally binding one, with its initial norms")
    ResponseEntity<Created> create(@Valid @RequestBody CreateRequest body) {
        Inputs in = Inputs.check();
        InstrumentId id = in.instrument("instrumentId", body.instrumentId());
        List<InstrumentCommands.NormText> norms = new ArrayList<>();
        List<NormTextRequest> requested = body.norms() == null ? List.of() : body.norms();
        for (int i = 0; i < requested.size(); i++) {
            NormTextRequest norm = requested.get(i);
            norms.add(new InstrumentCommands.NormText(in.norm("norms[" + i + "].norm", norm.norm()), norm.title(),
                    norm.summary()));
        }
        in.orThrow();
        InstrumentKind kind = body.kind() == null ? InstrumentKind.POLITICAL : body.kind();
        recorder.record(new InstrumentCommands.CreateInstrument(id, body.title(), body.adoptedOn(), norms, kind,
                terms(kind, body)));
        return ResponseEntity.created(URI.create("/api/instruments/" + id)).body(new Created(id.value()));
    }

    /**
     * A treaty's terms from the body, every missing number named at once; null for a political instrument, whose
     * stray terms the aggregate refuses (naming {@code kind}).
     */
    private static TreatyTerms terms(InstrumentKind kind, CreateRequest body) {
        boolean anyTerm = body.consentsRequired() != null || body.daysAfterThreshold() != null
                || body.daysAfterLaterConsent() != null || body.denunciationTakesEffectAfterDays() != null
                || body.admitsOrganisations() != null || body.organisationsCount() != null;
        if (kind != InstrumentKind.TREATY) {
            return anyTerm ? new TreatyTerms(0, 0, 0, 0, false, false) : null;
        }
        List<FactRejectedException.FieldProblem> missing = new ArrayList<>();
        if (body.consentsRequired() == null) {
            missing.add(new FactRejectedException.FieldProblem("consentsRequired", "is required for a TREATY"));
        }
        if (body.daysAfterThreshold() == null) {
            missing.add(new FactRejectedException.FieldProblem("daysAfterThreshold", "is required for a TREATY"));
        }
        if (body.daysAfterLaterConsent() == null) {
            missing.add(new FactRejectedException.FieldProblem("daysAfterLaterConsent", "is required for a TREATY"));
        }
        if (body.denunciationTakesEffectAfterDays() == null) {
            missing.add(new FactRejectedException.FieldProblem("denunciationTakesEffectAfterDays",
                    "is required for a TREATY"));
        }
        if (!missing.isEmpty()) {
            throw new FactRejectedException(missing);
        }
        return new TreatyTerms(body.consentsRequired(), body.daysAfterThreshold(), body.daysAfterLaterConsent(),
                body.denunciationTakesEffectAfterDays(), Boolean.TRUE.equals(body.admitsOrganisations()),
                Boolean.TRUE.equals(body.organisationsCount()));
    }

    @PostMapping(path = "/{id}/norms", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend an instrument: add a norm, in force from a date")
    ResponseEntity<InstrumentView> addNorm(@PathVariable String id, @Valid @RequestBody AddNormRequest body) {
        InstrumentId instrument = existing(id).instrumentId();
        Inputs in = Inputs.check();
        NormCode norm = in.norm("norm", body.norm());
        in.orThrow();
        recorder.record(new InstrumentCommands.AddNorm(instrument, norm, body.title(), body.summary(),
                body.effectiveOn()));
        return ResponseEntity.created(URI.create("/api/instruments/" + instrument))
                .body(view(catalog.instrument(instrument), LocalDate.now(clock)));
    }

    @PostMapping(path = "/{id}/norms/{norm}/revisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend an instrument: revise a norm's wording, keeping every earlier revision")
    InstrumentView reviseNorm(@PathVariable String id, @PathVariable("norm") String normCode,
                              @Valid @RequestBody ReviseNormRequest body) {
        InstrumentId instrument = existing(id).instrumentId();
        Inputs in = Inputs.check();
        NormCode norm = in.norm("norm", normCode);
        in.orThrow();
        recorder.record(new InstrumentCommands.ReviseNorm(instrument, norm, body.title(), body.summary(),
                body.revisedOn()));
        return view(catalog.instrument(instrument), LocalDate.now(clock));
    }

    @PostMapping(path = "/{id}/norms/{norm}/retirement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend an instrument: retire a norm from a date")
    InstrumentView retireNorm(@PathVariable String id, @PathVariable("norm") String normCode,
                              @Valid @RequestBody RetireNormRequest body) {
        InstrumentId instrument = existing(id).instrumentId();
        Inputs in = Inputs.check();
        NormCode norm = in.norm("norm", normCode);
        in.orThrow();
        recorder.record(new InstrumentCommands.RetireNorm(instrument, norm, body.retiredOn()));
        return view(catalog.instrument(instrument), LocalDate.now(clock));
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

    private static InstrumentView view(InstrumentNorms instrument, LocalDate asOf) {
        List<NormInForce> norms = instrument.norms().stream()
                .filter(n -> n.standingOn(asOf) == NormStanding.IN_FORCE)
                .map(n -> {
                    List<InstrumentNorms.Wording> known = n.wordings().stream()
                            .filter(w -> !w.since().isAfter(asOf)).toList();
                    InstrumentNorms.Wording current = known.isEmpty() ? n.wordings().get(0) : known.get(known.size() - 1);
                    return new NormInForce(n.code().value(), current.title(), current.summary(), n.effectiveOn(),
                            n.retiredOn(), n.wordings().stream()
                            .map(w -> new NormRevision(w.title(), w.summary(), w.since())).toList());
                })
                .toList();
        return new InstrumentView(instrument.instrumentId().value(), instrument.title(), instrument.adoptedOn(),
                instrument.kind(), asOf, norms);
    }
}
