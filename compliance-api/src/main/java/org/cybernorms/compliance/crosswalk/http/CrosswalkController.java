package org.cybernorms.compliance.crosswalk.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents;
import org.cybernorms.compliance.crosswalk.api.CrosswalkId;
import org.cybernorms.compliance.crosswalk.api.Relation;
import org.cybernorms.compliance.http.Inputs;
import org.cybernorms.compliance.http.Limits;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.instrument.EventStoreNormCatalog;
import org.cybernorms.compliance.runtime.FactRecorder;
import org.cybernorms.compliance.scorecard.http.QueryChecks;
import org.cybernorms.compliance.scorecard.view.CrosswalkFacts;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.treaty.Mapping;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Crosswalks: maps of one instrument's norms onto another's. Written through the {@code Crosswalk} aggregate; a
 * crosswalk is read from its own events (exact at every moment, filtered by recorded time for {@code knownAt}), and
 * the crosswalks onto an instrument from that instrument's facts in the scorecard read model, where a treaty
 * scorecard reads them too.
 */
@RestController
@Tag(name = "Crosswalks", description = "Mappings between the norms of two instruments (docs/treaties.md)")
class CrosswalkController {

    private final FactRecorder recorder;
    private final EventStore eventStore;
    private final EventStoreNormCatalog catalog;
    private final CrosswalkFacts crosswalkFacts;
    private final Clock clock;

    CrosswalkController(FactRecorder recorder, EventStore eventStore, EventStoreNormCatalog catalog,
                        CrosswalkFacts crosswalkFacts, Clock clock) {
        this.recorder = recorder;
        this.eventStore = eventStore;
        this.catalog = catalog;
        this.crosswalkFacts = crosswalkFacts;
        this.clock = clock;
    }

    record CreateRequest(@Schema(example = "gge-2015-to-draft-binding") @NotBlank @Size(max = Limits.CODE)
                         String crosswalkId,
                         @Schema(example = "un-gge-2015") @NotBlank @Size(max = Limits.CODE) String from,
                         @Schema(example = "draft-binding-2025") @NotBlank @Size(max = Limits.CODE) String to,
                         @Schema(example = "UN GGE 2015 norms onto the draft binding instrument")
                         @NotBlank @Size(max = Limits.TITLE) String title) {
    }

    record MappingRequest(@Schema(example = "13f") @NotBlank @Size(max = Limits.CODE) String sourceNorm,
                          @Schema(example = "art2") @NotBlank @Size(max = Limits.CODE) String targetNorm,
                          @Schema(example = "EQUIVALENT") @NotNull Relation relation,
                          @Schema(example = "Both forbid damage to critical infrastructure")
                          @Size(max = Limits.TEXT) String rationale,
                          @Schema(example = "2025-01-01") @NotNull LocalDate effectiveOn) {
    }

    record RetirementRequest(@Schema(example = "2026-01-01") @NotNull LocalDate retiredOn) {
    }

    record Created(String crosswalkId) {
    }

    record MappingLine(String sourceNorm, String targetNorm, Relation relation, String rationale,
                       LocalDate effectiveOn, LocalDate retiredOn,
                       @Schema(description = "In effect at asOf") boolean inEffect,
                       @Schema(description = "Only EQUIVALENT carries a state's record onto the target norm")
                       boolean carriesFacts) {

        static MappingLine of(Mapping m, LocalDate asOf) {
            return new MappingLine(m.sourceNorm(), m.targetNorm(), m.relation(), m.rationale(), m.effectiveOn(),
                    m.retiredOn(), m.inEffectOn(asOf), m.relation() == Relation.EQUIVALENT);
        }
    }

    record CrosswalkBody(String crosswalkId, String from, String to, String title, LocalDate asOf, Instant knownAt,
                         List<MappingLine> mappings) {
    }

    @PostMapping(path = "/api/crosswalks", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a crosswalk from one instrument onto another")
    ResponseEntity<Created> create(@Valid @RequestBody CreateRequest body) {
        Inputs in = Inputs.check();
        CrosswalkId id = parse("crosswalkId", body.crosswalkId());
        InstrumentId from = in.instrument("from", body.from());
        InstrumentId to = in.instrument("to", body.to());
        in.orThrow();
        recorder.record(new CrosswalkCommands.CreateCrosswalk(id, from, to, body.title()));
        return ResponseEntity.created(URI.create("/api/crosswalks/" + id)).body(new Created(id.value()));
    }

    @PostMapping(path = "/api/crosswalks/{id}/mappings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Map a norm of the source instrument onto a norm of the target",
            description = "relation: EQUIVALENT, NARROWER (the source is narrower than the target), BROADER or "
                    + "RELATED. A norm that does not exist in its instrument: 400; the pair already mapped: 409.")
    ResponseEntity<CrosswalkBody> addMapping(@PathVariable String id, @Valid @RequestBody MappingRequest body) {
        CrosswalkId crosswalk = existing(id);
        Inputs in = Inputs.check();
        NormCode source = in.norm("sourceNorm", body.sourceNorm());
        NormCode target = in.norm("targetNorm", body.targetNorm());
        in.orThrow();
        recorder.record(new CrosswalkCommands.AddMapping(crosswalk, source, target, body.relation(),
                body.rationale(), body.effectiveOn()));
        return ResponseEntity.created(URI.create("/api/crosswalks/" + crosswalk))
                .body(read(crosswalk, LocalDate.now(clock), clock.instant()));
    }

    @PostMapping(path = "/api/crosswalks/{id}/mappings/{sourceNorm}/{targetNorm}/retirement",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Retire a mapping from a date")
    CrosswalkBody retire(@PathVariable String id, @PathVariable String sourceNorm, @PathVariable String targetNorm,
                         @Valid @RequestBody RetirementRequest body) {
        CrosswalkId crosswalk = existing(id);
        Inputs in = Inputs.check();
        NormCode source = in.norm("sourceNorm", sourceNorm);
        NormCode target = in.norm("targetNorm", targetNorm);
        in.orThrow();
        recorder.record(new CrosswalkCommands.RetireMapping(crosswalk, source, target, body.retiredOn()));
        return read(crosswalk, LocalDate.now(clock), clock.instant());
    }

    @GetMapping(path = "/api/crosswalks/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A crosswalk with its mappings as of a date, as known at a moment")
    CrosswalkBody get(@PathVariable String id,
                      @Parameter(description = "yyyy-MM-dd; today if omitted") @RequestParam(required = false)
                      @DateTimeFormat(iso = ISO.DATE) LocalDate asOf,
                      @Parameter(description = "ISO-8601 instant; now if omitted") @RequestParam(required = false)
                      @DateTimeFormat(iso = ISO.DATE_TIME) Instant knownAt) {
        QueryChecks in = new QueryChecks(clock);
        LocalDate date = in.dateUpToToday("asOf", asOf);
        Instant known = in.knownAt(knownAt);
        in.orThrow();
        CrosswalkBody body = read(existing(id), date, known);
        if (body == null) {
            throw new NotFoundException("The crosswalk '" + id + "' was not recorded yet at " + known + ".");
        }
        return body;
    }

    @GetMapping(path = "/api/instruments/{id}/crosswalks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The crosswalks onto an instrument, with their mappings as of a date, as known at a moment")
    List<CrosswalkBody> ontoInstrument(@PathVariable String id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE)
                                       LocalDate asOf,
                                       @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME)
                                       Instant knownAt) {
        QueryChecks in = new QueryChecks(clock);
        LocalDate date = in.dateUpToToday("asOf", asOf);
        Instant known = in.knownAt(knownAt);
        in.orThrow();
        InstrumentId instrument;
        try {
            instrument = InstrumentId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No instrument with id '" + id + "' exists here.");
        }
        if (!catalog.instrument(instrument).exists()) {
            throw new NotFoundException("No instrument with id '" + id + "' exists here.");
        }
        Map<String, List<Mapping.Fact>> byCrosswalk = new LinkedHashMap<>();
        for (Mapping.Fact fact : crosswalkFacts.onto(instrument, known)) {
            byCrosswalk.computeIfAbsent(fact.crosswalkId(), k -> new ArrayList<>()).add(fact);
        }
        List<CrosswalkBody> crosswalks = new ArrayList<>();
        for (String crosswalk : byCrosswalk.keySet()) {
            CrosswalkBody full = read(CrosswalkId.of(crosswalk), date, known);
            if (full != null) {
                crosswalks.add(full);
            }
        }
        return crosswalks;
    }

    /** The crosswalk folded from its own events recorded by {@code knownAt}; null if none was. */
    private CrosswalkBody read(CrosswalkId id, LocalDate asOf, Instant knownAt) {
        CrosswalkEvents.CrosswalkCreated created = null;
        List<Mapping.Fact> facts = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(CrosswalkCommands.aggregateId(id));
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(knownAt)) {
                continue;
            }
            Object payload = message.getPayload();
            if (payload instanceof CrosswalkEvents.CrosswalkCreated e) {
                created = e;
            } else if (payload instanceof CrosswalkEvents.MappingAdded e) {
                facts.add(new Mapping.Fact(message.getIdentifier(), id.value(), e.from().value(),
                        e.sourceNorm().value(), e.to().value(), e.targetNorm().value(), e.relation(), e.rationale(),
                        e.effectiveOn(), message.getTimestamp()));
            } else if (payload instanceof CrosswalkEvents.MappingRetired e) {
                facts.add(new Mapping.Fact(message.getIdentifier(), id.value(), e.from().value(),
                        e.sourceNorm().value(), e.to().value(), e.targetNorm().value(), null, null, e.retiredOn(),
                        message.getTimestamp()));
            }
        }
        if (created == null) {
            return null;
        }
        return new CrosswalkBody(id.value(), created.from().value(), created.to().value(), created.title(), asOf,
                knownAt, Mapping.of(facts, asOf).stream().map(m -> MappingLine.of(m, asOf)).toList());
    }

    private CrosswalkId existing(String id) {
        CrosswalkId crosswalk;
        try {
            crosswalk = CrosswalkId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No crosswalk with id '" + id + "' exists here.");
        }
        if (eventStore.lastSequenceNumberFor(CrosswalkCommands.aggregateId(crosswalk)).isEmpty()) {
            throw new NotFoundException("No crosswalk with id '" + id + "' exists here.");
        }
        return crosswalk;
    }

    private static CrosswalkId parse(String field, String value) {
        try {
            return CrosswalkId.of(value);
        } catch (IllegalArgumentException e) {
            throw new FactRejectedException(field, e.getMessage());
        }
    }
}
