package org.cybernorms.compliance.testsupport;

import org.cybernorms.compliance.instrument.InstrumentNorms;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.instrument.NormStanding;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.CreateInstrument;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.NormText;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real {@link NormCatalog} for tests: it folds {@link InstrumentNorms} from the events that the Instrument aggregate
 * emits for {@link UnGge2015#createCommand()} (InstrumentCreated, then one NormAdded per norm, effective on the
 * report date), optionally followed by further instrument events such as a retirement.
 */
public final class TestNormCatalog implements NormCatalog {

    /** In the retired variant, norm 13k is retired on this date. */
    public static final NormCode RETIRED_NORM = NormCode.of("13k");
    public static final LocalDate RETIRED_ON = LocalDate.of(2020, 1, 1);

    private final InstrumentNorms norms;
    private final java.util.Map<InstrumentId, InstrumentNorms> others = new java.util.HashMap<>();

    private TestNormCatalog(List<?> events) {
        this(UnGge2015.ID, events);
    }

    private TestNormCatalog(InstrumentId instrument, List<?> events) {
        this.norms = new InstrumentNorms(instrument);
        events.forEach(norms::apply);
    }

    /** The treaty of the worked example. */
    public static final InstrumentId TREATY = InstrumentId.of("draft-binding-2025");
    public static final TreatyTerms TREATY_TERMS = new TreatyTerms(3, 90, 30, 365, true, false);

    /**
     * The treaty {@code draft-binding-2025}: three consents needed, in force 90 days after the third, 30 days after
     * a later consent, denunciation effective after 365 days; provisions art1 to art3 (and art10, to show the
     * natural order of codes), all effective 2025-01-01; organisations admitted, not counted.
     */
    public static TestNormCatalog treaty() {
        return new TestNormCatalog(TREATY, treatyEvents());
    }

    /** Both un-gge-2015 and the treaty {@code draft-binding-2025}, for crosswalks between them. */
    public static TestNormCatalog unGge2015AndTreaty() {
        TestNormCatalog catalog = unGge2015();
        InstrumentNorms treaty = new InstrumentNorms(TREATY);
        treatyEvents().forEach(treaty::apply);
        catalog.others.put(TREATY, treaty);
        return catalog;
    }

    /** The instrument's folded norms, if this catalog knows it. */
    private Optional<InstrumentNorms> of(InstrumentId instrument) {
        if (norms.instrumentId().equals(instrument)) {
            return Optional.of(norms);
        }
        return Optional.ofNullable(others.get(instrument));
    }

    /** The events the Instrument aggregate records for {@link #treaty()}. */
    public static List<Object> treatyEvents() {
        LocalDate on = LocalDate.of(2025, 1, 1);
        List<Object> events = new ArrayList<>();
        events.add(new InstrumentEvents.InstrumentCreated(TREATY, "Draft binding instrument", on));
        events.add(new InstrumentEvents.TreatyTermsAdopted(TREATY, TREATY_TERMS));
        for (String code : List.of("art1", "art2", "art3", "art10")) {
            events.add(new InstrumentEvents.NormAdded(TREATY, NormCode.of(code), "Article " + code.substring(3),
                    null, on));
        }
        return events;
    }

    /** The eleven UN GGE 2015 norms, all in force from 2015-07-22 and none retired. */
    public static TestNormCatalog unGge2015() {
        return new TestNormCatalog(unGge2015Events());
    }

    /** As {@link #unGge2015()}, with norm 13k retired on 2020-01-01. */
    public static TestNormCatalog unGge2015With13kRetired() {
        List<Object> events = new ArrayList<>(unGge2015Events());
        events.add(new InstrumentEvents.NormRetired(UnGge2015.ID, RETIRED_NORM, RETIRED_ON));
        return new TestNormCatalog(events);
    }

    /** The events the Instrument aggregate records for {@link UnGge2015#createCommand()}. */
    public static List<Object> unGge2015Events() {
        return creationEvents(UnGge2015.createCommand());
    }

    /** The events the Instrument aggregate records for a valid {@link CreateInstrument}. */
    public static List<Object> creationEvents(CreateInstrument command) {
        List<Object> events = new ArrayList<>();
        events.add(new InstrumentEvents.InstrumentCreated(command.instrumentId(), command.title().strip(),
                command.adoptedOn()));
        for (NormText norm : command.norms()) {
            events.add(new InstrumentEvents.NormAdded(command.instrumentId(), norm.norm(), norm.title().strip(),
                    norm.summary(), command.adoptedOn()));
        }
        return events;
    }

    @Override
    public NormStanding standing(InstrumentId instrument, NormCode norm, LocalDate on) {
        return of(instrument).map(n -> n.standing(norm, on)).orElse(NormStanding.UNKNOWN_INSTRUMENT);
    }

    @Override
    public Optional<TreatyTerms> treatyTerms(InstrumentId instrument) {
        return of(instrument).flatMap(InstrumentNorms::treatyTerms);
    }

    @Override
    public Optional<LocalDate> adoptedOn(InstrumentId instrument) {
        return of(instrument).map(InstrumentNorms::adoptedOn);
    }
}
