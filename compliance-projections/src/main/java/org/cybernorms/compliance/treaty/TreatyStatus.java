package org.cybernorms.compliance.treaty;

import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.treaty.ParticipationStep.Kind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A treaty's status as of a date, derived from its terms and its participants' dated steps: whether it is in force,
 * and where each participant stands. Plain logic, the same for the status table and for scoring.
 *
 * <p>The rule (as in article 65 of the UN Convention against Cybercrime): the treaty enters into force on the
 * {@code daysAfterThreshold}-th day after the date on which the {@code consentsRequired}-th instrument of consent was
 * deposited (the <em>threshold date</em>). For every consent deposited on or before the threshold date it enters into
 * force on that same day; for a consent deposited after it, on the {@code daysAfterLaterConsent}-th day after the
 * deposit, or on the treaty's entry into force if that is later. Several deposits on the threshold date are all
 * original consents. A denunciation takes effect {@code denunciationTakesEffectAfterDays} days after its notification;
 * the treaty stays in force for the denouncing party until then. An organisation's consent counts towards the
 * threshold only if the terms say {@code organisationsCount}. Only steps dated on or before the date count; which
 * steps were known at a moment is the caller's choice (it passes only those recorded by then).
 */
public final class TreatyStatus {

    /** Whether the treaty is in force. */
    public enum Standing { NOT_IN_FORCE, IN_FORCE }

    /** Where a participant stands. */
    public enum ParticipantStanding { SIGNATORY, CONSENTED, PARTY, DENOUNCED }

    /** A reservation on a provision, as of the date. */
    public record Reservation(String norm, LocalDate enteredOn, String text, LocalDate withdrawnOn) {
    }

    /** An objection to another participant's reservation. */
    public record Objection(String reservingState, String norm, LocalDate objectedOn, String text) {
    }

    /**
     * One participant's row.
     *
     * @param inForceFrom             the date the treaty enters (or entered) into force for it; null until known
     * @param denunciationEffectiveOn the date its notified denunciation takes effect; null if none was notified
     */
    public record Participant(String participant, boolean organisation, ParticipantStanding standing,
                              LocalDate signedOn, LocalDate consentedOn, Kind consentKind, LocalDate inForceFrom,
                              LocalDate denouncedOn, LocalDate denunciationEffectiveOn,
                              List<Reservation> reservations, List<Objection> objections) {

        /** Whether the treaty binds this participant on {@code date}. */
        public boolean boundOn(LocalDate date) {
            return inForceFrom != null && !date.isBefore(inForceFrom)
                    && (denunciationEffectiveOn == null || date.isBefore(denunciationEffectiveOn));
        }
    }

    /**
     * The answer.
     *
     * @param consents       instruments of consent deposited by the date (organisations only where they count)
     * @param entryIntoForce the treaty's entry into force once the threshold is reached; null before
     */
    public record Status(LocalDate asOf, Standing standing, int consents, int consentsRequired,
                         LocalDate entryIntoForce, List<Participant> participants) {

        public Optional<Participant> participant(String who) {
            return participants.stream().filter(p -> p.participant().equals(who)).findFirst();
        }

        public long count(ParticipantStanding standing) {
            return participants.stream().filter(p -> p.standing() == standing).count();
        }
    }

    private TreatyStatus() {
    }

    /** The status as of {@code asOf} from every step known; steps dated later are left out here. */
    public static Status asOf(TreatyTerms terms, List<ParticipationStep> steps, LocalDate asOf) {
        List<ParticipationStep> dated = steps.stream().filter(s -> !s.validOn().isAfter(asOf))
                .sorted(Comparator.comparing(ParticipationStep::validOn)).toList();
        Map<String, Row> rows = new TreeMap<>();
        for (ParticipationStep step : dated) {
            Row row = rows.computeIfAbsent(step.participant(), Row::new);
            row.apply(step);
        }
        List<LocalDate> counted = rows.values().stream()
                .filter(r -> r.consentedOn != null && (!r.organisation || terms.organisationsCount()))
                .map(r -> r.consentedOn).sorted().toList();
        LocalDate threshold = counted.size() >= terms.consentsRequired()
                ? counted.get(terms.consentsRequired() - 1) : null;
        LocalDate entryIntoForce = threshold == null ? null : threshold.plusDays(terms.daysAfterThreshold());
        Standing standing = entryIntoForce != null && !asOf.isBefore(entryIntoForce)
                ? Standing.IN_FORCE : Standing.NOT_IN_FORCE;

        List<Participant> participants = new ArrayList<>();
        for (Row row : rows.values()) {
            if (row.signedOn == null && row.consentedOn == null) {
                continue;
            }
            participants.add(row.participant(terms, threshold, entryIntoForce, asOf));
        }
        return new Status(asOf, standing, counted.size(), terms.consentsRequired(), entryIntoForce,
                List.copyOf(participants));
    }

    /** One participant's steps folded in date order. */
    private static final class Row {
        final String who;
        final boolean organisation;
        LocalDate signedOn;
        LocalDate consentedOn;
        Kind consentKind;
        LocalDate denouncedOn;
        final Map<String, Reservation> reservations = new LinkedHashMap<>();
        final List<Reservation> withdrawnReservations = new ArrayList<>();
        final List<Objection> objections = new ArrayList<>();

        Row(String who) {
            this.who = who;
            this.organisation = who.startsWith("org:");
        }

        void apply(ParticipationStep step) {
            switch (step.kind()) {
                case SIGNED -> signedOn = step.validOn();
                case RATIFIED, ACCEPTED, APPROVED, ACCEDED -> {
                    consentedOn = step.validOn();
                    consentKind = step.kind();
                }
                case DENOUNCED -> denouncedOn = step.validOn();
                case WITHDREW -> {
                    // not a treaty step (a treaty is left by denunciation): a signature withdrawn counts for nothing
                    signedOn = null;
                    consentedOn = null;
                    consentKind = null;
                }
                case RESERVED -> reservations.put(step.norm(),
                        new Reservation(step.norm(), step.validOn(), step.text(), null));
                case RESERVATION_WITHDRAWN -> {
                    Reservation open = reservations.remove(step.norm());
                    if (open != null) {
                        withdrawnReservations.add(new Reservation(open.norm(), open.enteredOn(), open.text(),
                                step.validOn()));
                    }
                }
                case OBJECTED -> objections.add(new Objection(step.otherState(), step.norm(), step.validOn(),
                        step.text()));
            }
        }

        Participant participant(TreatyTerms terms, LocalDate threshold, LocalDate entryIntoForce, LocalDate asOf) {
            LocalDate inForceFrom = null;
            if (consentedOn != null && entryIntoForce != null) {
                inForceFrom = consentedOn.isAfter(threshold)
                        ? later(consentedOn.plusDays(terms.daysAfterLaterConsent()), entryIntoForce)
                        : entryIntoForce;
            }
            LocalDate effective = denouncedOn == null ? null
                    : denouncedOn.plusDays(terms.denunciationTakesEffectAfterDays());
            ParticipantStanding standing;
            if (effective != null && !asOf.isBefore(effective)) {
                standing = ParticipantStanding.DENOUNCED;
            } else if (consentedOn == null) {
                standing = ParticipantStanding.SIGNATORY;
            } else if (inForceFrom != null && !asOf.isBefore(inForceFrom)) {
                standing = ParticipantStanding.PARTY;
            } else {
                standing = ParticipantStanding.CONSENTED;
            }
            List<Reservation> all = new ArrayList<>(withdrawnReservations);
            all.addAll(reservations.values());
            all.sort(Comparator.comparing(Reservation::enteredOn));
            return new Participant(who, organisation, standing, signedOn, consentedOn, consentKind, inForceFrom,
                    denouncedOn, effective, List.copyOf(all), List.copyOf(objections));
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
