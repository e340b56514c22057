package org.cybernorms.compliance.instrument;

import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.instrument.api.InstrumentKind;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The norms of one instrument, folded from its events. Used by the {@link Instrument} aggregate for its rules and
 * by {@link NormCatalog} implementations to answer whether a norm is in force on a date. Plain logic.
 */
public final class InstrumentNorms {

    private final InstrumentId instrumentId;
    private String title;
    private LocalDate adoptedOn;
    private TreatyTerms treatyTerms;
    private final Map<NormCode, Norm> norms = new TreeMap<>();

    public InstrumentNorms(InstrumentId instrumentId) {
        this.instrumentId = instrumentId;
    }

    /** Folds one event of this instrument into the state; other events are ignored. */
    public InstrumentNorms apply(Object event) {
        if (event instanceof InstrumentEvents.InstrumentCreated e) {
            title = e.title();
            adoptedOn = e.adoptedOn();
        } else if (event instanceof InstrumentEvents.TreatyTermsAdopted e) {
            treatyTerms = e.terms();
        } else if (event instanceof InstrumentEvents.NormAdded e) {
            Norm norm = new Norm(e.norm(), e.effectiveOn());
            norm.wordings.add(new Wording(e.title(), e.summary(), e.effectiveOn()));
            norms.put(e.norm(), norm);
        } else if (event instanceof InstrumentEvents.NormRevised e) {
            norms.get(e.norm()).wordings.add(new Wording(e.title(), e.summary(), e.revisedOn()));
        } else if (event instanceof InstrumentEvents.NormRetired e) {
            norms.get(e.norm()).retiredOn = e.retiredOn();
        }
        return this;
    }

    public boolean exists() {
        return adoptedOn != null;
    }

    public InstrumentId instrumentId() {
        return instrumentId;
    }

    public String title() {
        return title;
    }

    public LocalDate adoptedOn() {
        return adoptedOn;
    }

    /** {@link InstrumentKind#TREATY} once its terms were recorded; every other instrument is political. */
    public InstrumentKind kind() {
        return treatyTerms == null ? InstrumentKind.POLITICAL : InstrumentKind.TREATY;
    }

    /** A treaty's terms; empty for a political instrument. */
    public Optional<TreatyTerms> treatyTerms() {
        return Optional.ofNullable(treatyTerms);
    }

    public Optional<Norm> norm(NormCode code) {
        return Optional.ofNullable(norms.get(code));
    }

    public List<Norm> norms() {
        return List.copyOf(norms.values());
    }

    /** Whether {@code code} is in force on {@code date}, and if not, why not. */
    public NormStanding standing(NormCode code, LocalDate date) {
        if (!exists()) {
            return NormStanding.UNKNOWN_INSTRUMENT;
        }
        Norm norm = norms.get(code);
        if (norm == null) {
            return NormStanding.UNKNOWN_NORM;
        }
        return norm.standingOn(date);
    }

    /** A norm with every wording it has had, oldest first. */
    public static final class Norm {
        private final NormCode code;
        private final LocalDate effectiveOn;
        private final List<Wording> wordings = new ArrayList<>();
        private LocalDate retiredOn;

        Norm(NormCode code, LocalDate effectiveOn) {
            this.code = code;
            this.effectiveOn = effectiveOn;
        }

        public NormCode code() {
            return code;
        }

        public LocalDate effectiveOn() {
            return effectiveOn;
        }

        public LocalDate retiredOn() {
            return retiredOn;
        }

        public List<Wording> wordings() {
            return Collections.unmodifiableList(wordings);
        }

        /** The wording that applies now: the latest revision. */
        public Wording current() {
            return wordings.get(wordings.size() - 1);
        }

        public LocalDate lastWordedOn() {
            return current().since();
        }

        /** In force on {@code date}: added on or before it and not retired by it. */
        public NormStanding standingOn(LocalDate date) {
            if (date.isBefore(effectiveOn)) {
                return NormStanding.NOT_YET_IN_FORCE;
            }
            if (retiredOn != null && !date.isBefore(retiredOn)) {
                return NormStanding.RETIRED;
            }
            return NormStanding.IN_FORCE;
        }

        public boolean isRetired() {
            return retiredOn != null;
        }
    }

    /** One wording of a norm, and the date from which it applies. */
    public record Wording(String title, String summary, LocalDate since) {
    }
}
