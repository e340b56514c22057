package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.swagger.v3.oas.annotations.media.Schema;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.assistance.ledger.StateAssistance;
import org.cybernorms.compliance.scorecard.methodology.CommitmentCounts;
import org.cybernorms.compliance.scorecard.methodology.FactRef;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.NormScore;
import org.cybernorms.compliance.scorecard.methodology.NormStatus;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.ViolationCounts;
import org.cybernorms.compliance.scorecard.view.RankedState;
import org.cybernorms.compliance.scorecard.view.ScorecardQueries;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON (and CSV) shapes of scorecards, rankings and histories. Scores are numbers with one decimal; a missing
 * score is written as {@code null}, never left out.
 */
final class ScorecardBodies {

    private ScorecardBodies() {
    }

    @Schema(description = "A state's scorecard under one instrument, as at the end of asOf (UTC), on what the "
            + "tracker had recorded by knownAt")
    record ScorecardBody(
            @Schema(example = "FRA") String state,
            @Schema(example = "un-gge-2015") String instrument,
            @Schema(example = "v1", description = "The methodology that computed the scores (docs/methodology.md)")
            String methodology,
            @Schema(example = "2024-01-10") LocalDate asOf,
            @Schema(example = "2025-01-01T00:00:00Z") Instant knownAt,
            @Schema(example = "47.7", nullable = true, description = "Mean of the scored norms, one decimal, "
                    + "rounded half up; null if no norm was scored")
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal score,
            @Schema(description = "Every norm in force at asOf, by code")
            @JsonSerialize(using = WrittenNormLines.Serializer.class) List<NormLine> norms,
            @Schema(description = "The state's assistance at asOf, as recorded by knownAt: shown beside the score, "
                    + "never part of it (methodology v1 does not read it); all instruments")
            AssistanceSection assistance,
            @Schema(description = "Under a treaty only: whether it binds the state at asOf, and why (absent under a "
                    + "political instrument)") @JsonInclude(JsonInclude.Include.NON_NULL) TreatySection treaty) {

        static ScorecardBody of(Scorecard card, StateAssistance assistance) {
            return of(card, card.norms().stream().map(NormLine::of).toList(), assistance);
        }

        /** With the norm lines given, such as those {@link WrittenNormLines.Writer} wrote already. */
        static ScorecardBody of(Scorecard card, List<NormLine> norms, StateAssistance assistance) {
            return new ScorecardBody(card.state().value(), card.instrument().value(), card.methodology(),
                    card.asOf(), card.knownAt(), card.score(), norms, AssistanceSection.of(assistance), null);
        }

        ScorecardBody withTreaty(TreatySection section) {
            return new ScorecardBody(state, instrument, methodology, asOf, knownAt, score, norms, assistance, section);
        }
    }

    @Schema(description = "Whether the treaty binds the state at asOf (as known at knownAt), and why; a provision "
            + "scores only while it does")
    record TreatySection(
            @Schema(example = "IN_FORCE") String treatyStatus,
            @Schema(example = "2025-05-30") LocalDate entryIntoForce,
            @Schema(example = "PARTY", description = "SIGNATORY, CONSENTED, PARTY or DENOUNCED; null if the state "
                    + "took no step") String standing,
            @Schema(example = "2025-05-30") LocalDate inForceFrom,
            LocalDate denunciationEffectiveOn,
            @Schema(description = "Whether the provisions bind the state at asOf") boolean binding,
            @Schema(example = "The treaty is in force for FRA since 2025-05-30.") String reason) {
    }

    @Schema(description = "What the state asked for, offered, received and delivered at asOf, and how long its "
            + "latest requests waited for their first offer and first delivery. The same figures as "
            + "GET /api/states/{state}/assistance, which lists every request; not folded into the score.")
    record AssistanceSection(
            @Schema(example = "2", description = "Requests the state made") int requests,
            @Schema(example = "1", description = "Of those, requests not closed at asOf") int openRequests,
            @Schema(example = "3", description = "Offers received against its requests") int offersReceived,
            @Schema(example = "1", description = "Offers it made against others' requests") int offersMade,
            @Schema(example = "2", description = "Delivery parts received on its requests") int deliveriesReceived,
            @Schema(example = "1", description = "Delivery parts made on its offers") int deliveriesMade,
            @Schema(description = "The latest (at most " + AssistanceSection.WAITS_SHOWN + ") requests the state "
                    + "made, by requestedOn then id (the last of that order), with their waits; every one of them: "
                    + "GET /api/states/{state}/assistance") List<Wait> waits,
            @Schema(example = "2", description = "How many requests the state made (the same as requests): waits "
                    + "lists all of them when this is at most " + AssistanceSection.WAITS_SHOWN) int waitsTotal) {

        /** How many of the state's requests the section lists: the latest ones. */
        static final int WAITS_SHOWN = 20;

        static AssistanceSection of(StateAssistance ledger) {
            StateAssistance.Totals t = ledger.totals();
            List<StateAssistance.Asked> asked = ledger.asked();
            List<StateAssistance.Asked> latest = asked.subList(Math.max(0, asked.size() - WAITS_SHOWN), asked.size());
            return new AssistanceSection(t.requests(), t.openRequests(), t.offersReceived(), t.offersMade(),
                    t.deliveriesReceived(), t.deliveriesMade(), latest.stream().map(Wait::of).toList(), asked.size());
        }
    }

    record Wait(
            @Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String requestId,
            @Schema(example = "13h") String norm,
            @Schema(example = "INCIDENT_RESPONSE_TEAMS") AssistanceArea area,
            @Schema(example = "2023-01-10") LocalDate requestedOn,
            @Schema(example = "OPEN", description = "At asOf") RequestStatus status,
            @Schema(example = "15", nullable = true, description = "Days from requestedOn to the first offer; null "
                    + "while none") @JsonInclude(JsonInclude.Include.ALWAYS) Long daysToFirstOffer,
            @Schema(example = "60", nullable = true, description = "Days from requestedOn to the first delivery "
                    + "part; null while none") @JsonInclude(JsonInclude.Include.ALWAYS) Long daysToFirstDelivery) {

        static Wait of(StateAssistance.Asked asked) {
            return new Wait(asked.requestId().value(), asked.norm().value(), asked.area(), asked.requestedOn(),
                    asked.status(), asked.daysToFirstOffer(), asked.daysToFirstDelivery());
        }
    }

    record NormLine(
            @Schema(example = "13g") String norm,
            @Schema(example = "Protect one's own critical infrastructure") String title,
            @Schema(example = "SCORED") NormStatus status,
            @Schema(example = "0.0", nullable = true, description = "0.0 to 100.0, one decimal; null when RESERVED")
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal score,
            @Schema(description = "Whether the state holds a pledge on the norm at asOf") boolean pledged,
            CommitmentCounts commitments,
            ViolationCounts violations,
            @Schema(description = "The latest (at most " + ScorecardQueries.LATEST_BASIS + ") of the recorded facts "
                    + "the score rests on, by recorded time then event id: the last of that order. Every one of them, "
                    + "page by page: GET /api/states/{state}/scorecard/basis?norm={norm} with this answer's "
                    + "instrument, asOf and knownAt")
            List<BasisEntry> basis,
            @Schema(example = "2", description = "How many recorded facts the score rests on; basis lists all of "
                    + "them when this is at most " + ScorecardQueries.LATEST_BASIS) int basisTotal) {

        static NormLine of(NormScore line) {
            return new NormLine(line.norm().value(), line.title(), line.status(), line.score(), line.pledged(),
                    line.commitments(), line.violations(), line.basis().stream().map(BasisEntry::of).toList(),
                    line.basisTotal());
        }
    }

    @Schema(description = "One page of the recorded facts a norm's score rests on, by recorded time then event id "
            + "(the order of a scorecard's basis)")
    record BasisPage(
            @Schema(example = "FRA") String state,
            @Schema(example = "un-gge-2015") String instrument,
            @Schema(example = "v1") String methodology,
            @Schema(example = "2024-01-10") LocalDate asOf,
            @Schema(example = "2025-01-01T00:00:00Z", description = "The instant used: pass it again to page through "
                    + "the same facts") Instant knownAt,
            @Schema(example = "13g") String norm,
            @Schema(example = "2", description = "How many facts the score rests on (the norm line's basisTotal)")
            int total,
            @Schema(example = "0", description = "The position of this page's first fact in the whole basis") int offset,
            @Schema(example = "100", description = "The most facts a page holds, as asked") int limit,
            @Schema(description = "The facts from offset on, at most limit of them; empty past the end")
            List<BasisEntry> basis) {

        static BasisPage of(Scorecard card, NormScore line, int offset, int limit) {
            List<FactRef> all = line.basis();
            int from = Math.min(offset, all.size());
            int to = (int) Math.min(all.size(), (long) from + limit);
            return new BasisPage(card.state().value(), card.instrument().value(), card.methodology(), card.asOf(),
                    card.knownAt(), line.norm().value(), line.basisTotal(), offset, limit,
                    all.subList(from, to).stream().map(BasisEntry::of).toList());
        }
    }

    record BasisEntry(
            @Schema(example = "5b0e3f0a-93f4-4d39-a6d2-2c7c0f4f9a10") String eventId,
            @Schema(example = "CommitmentMade") String type,
            @Schema(example = "2023-01-15", description = "Valid time: the date the fact took effect") LocalDate validOn,
            @Schema(example = "2024-02-20T09:30:00Z", description = "Recorded time: when the tracker learnt of it")
            Instant recordedAt,
            @Schema(example = "gge-2015-to-draft-binding", description = "Under a treaty, for a fact carried from "
                    + "another instrument: the crosswalk that carried it (absent otherwise)")
            @JsonInclude(JsonInclude.Include.NON_NULL) String crosswalk,
            @Schema(example = "un-gge-2015", description = "The instrument a carried fact was recorded under")
            @JsonInclude(JsonInclude.Include.NON_NULL) String sourceInstrument,
            @Schema(example = "13f", description = "The norm a carried fact was recorded under")
            @JsonInclude(JsonInclude.Include.NON_NULL) String sourceNorm) {

        static BasisEntry of(FactRef ref) {
            FactRef.Carried via = ref.carried();
            return new BasisEntry(ref.eventId(), ref.type(), ref.validOn(), ref.recordedAt(),
                    via == null ? null : via.crosswalk(), via == null ? null : via.sourceInstrument(),
                    via == null ? null : via.sourceNorm());
        }
    }

    @Schema(description = "One state in a ranking")
    record Standing(
            @Schema(example = "FRA") String state,
            @Schema(example = "47.7", nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal score,
            @Schema(example = "3", nullable = true, description = "Competition ranking on the published score: equal "
                    + "scores share a rank and the next rank skips (1, 2, 2, 4); null for a state without a score")
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer rank) {

        static Standing of(RankedState line) {
            return new Standing(line.state().value(), line.score(), line.rank());
        }
    }

    @Schema(description = "The state score at the end of one date")
    record HistoryEntry(
            @Schema(example = "2024-01-31") LocalDate date,
            @Schema(example = "47.7", nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal score) {

        static HistoryEntry of(HistoryPoint point) {
            return new HistoryEntry(point.date(), point.score());
        }
    }

    @Schema(description = "The recorded events that changed a state's scorecard at asOf between two moments")
    record ChangesBody(
            @Schema(example = "FRA") String state,
            @Schema(example = "un-gge-2015") String instrument,
            @Schema(example = "v1") String methodology,
            @Schema(example = "2024-12-31") LocalDate asOf,
            @Schema(example = "2025-01-01T00:00:00Z", description = "Events recorded at or after this instant")
            Instant from,
            @Schema(example = "2025-02-01T00:00:00Z", description = "Events recorded before this instant") Instant to,
            @Schema(description = "Every event in the window that changed the scorecard, in log order")
            List<ChangeEntry> changes) {
    }

    @Schema(description = "One event that changed the scorecard, with the scores just before and with it")
    record ChangeEntry(
            @Schema(example = "5b0e3f0a-93f4-4d39-a6d2-2c7c0f4f9a10") String eventId,
            @Schema(example = "CommitmentMade") String type,
            @Schema(example = "2023-01-15") LocalDate validOn,
            @Schema(example = "2025-01-10T09:30:00Z") Instant recordedAt,
            @Schema(example = "0000000000000000042", description = "The event's sequence in the event log")
            String sequence,
            @Schema(example = "50.0", nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal scoreBefore,
            @Schema(example = "47.7", nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal scoreAfter,
            @Schema(description = "The norms whose line changed, by code") List<NormChangeEntry> norms) {

        static ChangeEntry of(org.cybernorms.compliance.scorecard.view.ScoreChange change) {
            FactRef ref = change.event();
            return new ChangeEntry(ref.eventId(), ref.type(), ref.validOn(), ref.recordedAt(),
                    org.cybernorms.compliance.eventlog.CloudEventLines.sequence(change.position()),
                    change.before().score(), change.after().score(),
                    change.normChanges().stream().map(NormChangeEntry::of).toList());
        }
    }

    record NormChangeEntry(
            @Schema(example = "13g") String norm,
            @Schema(nullable = true, description = "The norm's line before; null if it was not in force")
            @JsonInclude(JsonInclude.Include.ALWAYS) NormState before,
            @Schema(nullable = true, description = "The norm's line after; null if it is no longer in force")
            @JsonInclude(JsonInclude.Include.ALWAYS) NormState after) {

        static NormChangeEntry of(org.cybernorms.compliance.scorecard.view.ScoreChange.NormChange change) {
            return new NormChangeEntry(change.norm(), NormState.of(change.before()), NormState.of(change.after()));
        }
    }

    record NormState(
            @Schema(example = "SCORED") NormStatus status,
            @Schema(example = "50.0", nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal score,
            boolean pledged,
            CommitmentCounts commitments,
            ViolationCounts violations) {

        static NormState of(NormScore line) {
            return line == null ? null : new NormState(line.status(), line.score(), line.pledged(),
                    line.commitments(), line.violations());
        }
    }
}
