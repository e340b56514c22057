package org.cybernorms.compliance.treaty;

import org.cybernorms.compliance.crosswalk.api.Relation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mapping of a crosswalk: {@code sourceNorm} of {@code from} onto {@code targetNorm} of {@code to}, in effect from
 * {@code effectiveOn} until {@code retiredOn} (exclusive; null while in effect), with the event that added it.
 */
public record Mapping(String crosswalkId, String from, String sourceNorm, String to, String targetNorm,
                      Relation relation, String rationale, LocalDate effectiveOn, LocalDate retiredOn,
                      String eventId, Instant recordedAt) {

    /** One recorded fact of a crosswalk's mappings: an addition (with its relation) or a retirement (without). */
    public record Fact(String eventId, String crosswalkId, String from, String sourceNorm, String to,
                       String targetNorm, Relation relation, String rationale, LocalDate validOn,
                       Instant recordedAt) {

        public boolean retirement() {
            return relation == null;
        }
    }

    /** Whether the mapping is in effect on {@code date}. */
    public boolean inEffectOn(LocalDate date) {
        return !date.isBefore(effectiveOn) && (retiredOn == null || date.isBefore(retiredOn));
    }

    /**
     * Every mapping the facts record (given in the order they were recorded), in the order they were added; a
     * retirement dated after {@code asOf} has not happened as of that date, so the mapping is shown in effect then.
     */
    public static List<Mapping> of(List<Fact> ordered, LocalDate asOf) {
        Map<String, Mapping> open = new LinkedHashMap<>();
        List<Mapping> all = new ArrayList<>();
        for (Fact fact : ordered) {
            String pair = fact.crosswalkId() + " " + fact.sourceNorm() + " " + fact.targetNorm();
            if (!fact.retirement()) {
                Mapping added = new Mapping(fact.crosswalkId(), fact.from(), fact.sourceNorm(), fact.to(),
                        fact.targetNorm(), fact.relation(), fact.rationale(), fact.validOn(), null, fact.eventId(),
                        fact.recordedAt());
                open.put(pair, added);
                all.add(added);
            } else if (open.containsKey(pair) && !fact.validOn().isAfter(asOf)) {
                Mapping ended = open.remove(pair);
                all.set(all.indexOf(ended), new Mapping(ended.crosswalkId(), ended.from(), ended.sourceNorm(),
                        ended.to(), ended.targetNorm(), ended.relation(), ended.rationale(), ended.effectiveOn(),
                        fact.validOn(),
                        ended.eventId(), ended.recordedAt()));
            }
        }
        return all;
    }

    /** The mappings in effect on {@code asOf}. */
    public static List<Mapping> inEffect(List<Fact> facts, LocalDate asOf) {
        return of(facts, asOf).stream().filter(m -> m.inEffectOn(asOf)).toList();
    }
}
