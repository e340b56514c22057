package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentFulfilled;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentMade;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentProgressReported;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormAdded;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormRetired;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormRevised;
import org.cybernorms.compliance.scorecard.methodology.Fact.PledgeWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.Pledged;
import org.cybernorms.compliance.scorecard.methodology.Fact.ReservationEntered;
import org.cybernorms.compliance.scorecard.methodology.Fact.ReservationWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.StateResponded;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationConfirmed;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationDismissed;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationRemedied;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationReported;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationReviewStarted;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the facts of one state under one instrument, in recorded order. Each fact is recorded one second after the
 * previous one, starting at {@link #START}, unless {@link #recordAt(Instant)} moves the clock. Event ids are
 * {@code e001}, {@code e002}, ... in recorded order. A fact's valid date is the date it carries (for a violation
 * report, the date it was reported).
 */
final class TestFacts {

    static final Instant START = Instant.parse("2015-08-01T00:00:00Z");
    static final Instant KNOWN_NOW = Instant.parse("2100-01-01T00:00:00Z");
    static final StateCode FRA = StateCode.of("FRA");
    static final LocalDate GGE_2015 = LocalDate.of(2015, 7, 22);

    private final InstrumentId instrument;
    private final List<Fact> instrumentFacts = new ArrayList<>();
    private final List<Fact> stateFacts = new ArrayList<>();
    private Instant clock = START;
    private int counter;

    TestFacts(InstrumentId instrument) {
        this.instrument = instrument;
    }

    /** The UN GGE 2015 instrument with norms 13a to 13k, all effective 2015-07-22. */
    static TestFacts unGge2015() {
        TestFacts facts = new TestFacts(InstrumentId.UN_GGE_2015);
        for (char c = 'a'; c <= 'k'; c++) {
            facts.addNorm("13" + c, "Norm 13" + c, GGE_2015);
        }
        return facts;
    }

    /** An instrument with just the given norms, all effective 2015-07-22. */
    static TestFacts instrumentWith(String... norms) {
        TestFacts facts = new TestFacts(InstrumentId.of("test-instrument"));
        for (String norm : norms) {
            facts.addNorm(norm, "Norm " + norm, GGE_2015);
        }
        return facts;
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static NormCode n(String code) {
        return NormCode.of(code);
    }

    ScoringInput input() {
        return new ScoringInput(FRA, instrument, instrumentFacts, stateFacts);
    }

    /** Records the following facts from this instant on. */
    TestFacts recordAt(Instant instant) {
        clock = instant;
        return this;
    }

    private FactRef ref(String type, LocalDate validOn) {
        counter++;
        FactRef ref = new FactRef(String.format("e%03d", counter), type, validOn, clock);
        clock = clock.plusSeconds(1);
        return ref;
    }

    private <F extends Fact> F instrumentFact(F fact) {
        instrumentFacts.add(fact);
        return fact;
    }

    private <F extends Fact> F stateFact(F fact) {
        stateFacts.add(fact);
        return fact;
    }

    // ---- instrument ----

    /** The first NormAdded fact for the code. */
    NormAdded added(String norm) {
        return instrumentFacts.stream()
                .filter(f -> f instanceof NormAdded a && a.norm().equals(n(norm)))
                .map(NormAdded.class::cast)
                .findFirst()
                .orElseThrow();
    }

    NormAdded addNorm(String norm, String title, LocalDate effectiveOn) {
        return instrumentFact(new NormAdded(ref("NormAdded", effectiveOn), n(norm), title, effectiveOn));
    }

    NormRevised reviseNorm(String norm, String title, LocalDate revisedOn) {
        return instrumentFact(new NormRevised(ref("NormRevised", revisedOn), n(norm), title, revisedOn));
    }

    NormRetired retireNorm(String norm, LocalDate retiredOn) {
        return instrumentFact(new NormRetired(ref("NormRetired", retiredOn), n(norm), retiredOn));
    }

    // ---- participation ----

    Pledged pledge(String pledgeId, String norm, LocalDate on) {
        return stateFact(new Pledged(ref("NormPledged", on), pledgeId, n(norm), on));
    }

    PledgeWithdrawn withdrawPledge(String pledgeId, LocalDate on) {
        return stateFact(new PledgeWithdrawn(ref("PledgeWithdrawn", on), pledgeId, on));
    }

    ReservationEntered reserve(String norm, LocalDate on) {
        return stateFact(new ReservationEntered(ref("ReservationEntered", on), n(norm), on));
    }

    ReservationWithdrawn withdrawReservation(String norm, LocalDate on) {
        return stateFact(new ReservationWithdrawn(ref("ReservationWithdrawn", on), n(norm), on));
    }

    // ---- commitments ----

    CommitmentMade commit(String commitmentId, String norm, LocalDate madeOn, LocalDate dueOn) {
        return stateFact(new CommitmentMade(ref("CommitmentMade", madeOn), commitmentId, n(norm), madeOn, dueOn));
    }

    CommitmentFulfilled fulfil(String commitmentId, LocalDate on) {
        return stateFact(new CommitmentFulfilled(ref("CommitmentFulfilled", on), commitmentId, on));
    }

    CommitmentWithdrawn withdrawCommitment(String commitmentId, LocalDate on) {
        return stateFact(new CommitmentWithdrawn(ref("CommitmentWithdrawn", on), commitmentId, on));
    }

    CommitmentProgressReported progress(String commitmentId, LocalDate on) {
        return stateFact(new CommitmentProgressReported(ref("CommitmentProgressReported", on), commitmentId, on));
    }

    // ---- violations ----

    ViolationReported report(String violationId, String norm, LocalDate occurredOn, LocalDate reportedOn,
                             Severity severity) {
        return stateFact(new ViolationReported(ref("ViolationReported", reportedOn), violationId, n(norm), occurredOn,
                severity));
    }

    ViolationReviewStarted startReview(String violationId, LocalDate on) {
        return stateFact(new ViolationReviewStarted(ref("ViolationReviewStarted", on), violationId, on));
    }

    ViolationConfirmed confirm(String violationId, LocalDate on) {
        return stateFact(new ViolationConfirmed(ref("ViolationConfirmed", on), violationId, on));
    }

    ViolationDismissed dismiss(String violationId, LocalDate on) {
        return stateFact(new ViolationDismissed(ref("ViolationDismissed", on), violationId, on));
    }

    ViolationRemedied remedy(String violationId, LocalDate on) {
        return stateFact(new ViolationRemedied(ref("ViolationRemedied", on), violationId, on));
    }

    StateResponded respond(String violationId, LocalDate on) {
        return stateFact(new StateResponded(ref("StateResponded", on), violationId, on));
    }
}
