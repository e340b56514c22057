package org.cybernorms.compliance.violation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.cybernorms.compliance.violation.api.EvidenceKind;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationCommands.ConfirmViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.DismissViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.RemedyViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.ReportViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.RespondToViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.StartReview;
import org.cybernorms.compliance.violation.api.ViolationEvents.StateResponded;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationConfirmed;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationDismissed;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationRemedied;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReported;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReviewStarted;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.cybernorms.compliance.testsupport.Fixtures.FRA;
import static org.cybernorms.compliance.testsupport.Fixtures.TODAY;
import static org.cybernorms.compliance.testsupport.Fixtures.TOMORROW;
import static org.cybernorms.compliance.testsupport.Fixtures.UNKNOWN_INSTRUMENT;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;
import static org.hamcrest.Matchers.containsString;

class ViolationReportTest {

    private static final ViolationId ID = ViolationId.of("9d3c2b1a-0f1e-4d2c-8b3a-7e6f5d4c3b2a");
    private static final NormCode N13F = NormCode.of("13f");
    private static final NormCode N13K = NormCode.of("13k");
    private static final LocalDate OCCURRED_ON = LocalDate.of(2025, 3, 1);
    private static final LocalDate REPORTED_ON = LocalDate.of(2025, 3, 5);
    private static final LocalDate REVIEW_STARTED_ON = LocalDate.of(2025, 3, 10);
    private static final LocalDate DECIDED_ON = LocalDate.of(2025, 4, 1);
    private static final String SUMMARY = "Disruption of a power grid operator";
    private static final List<String> EVIDENCE = List.of("https://example.org/a", "http://example.org/b?c=d");
    private static final String BODY = "CERT-EU";

    private AggregateTestFixture<ViolationReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(ViolationReport.class, TestNormCatalog.unGge2015());
    }

    private static ReportViolation report(InstrumentId instrument, NormCode norm, LocalDate occurredOn,
                                          LocalDate reportedOn, List<String> evidence) {
        return new ReportViolation(ID, FRA, instrument, norm, occurredOn, reportedOn, Severity.HIGH, SUMMARY,
                evidence, BODY);
    }

    private static ReportViolation report(LocalDate occurredOn, LocalDate reportedOn) {
        return report(UN_GGE, N13F, occurredOn, reportedOn, EVIDENCE);
    }

    private static ViolationReported reported(NormCode norm, LocalDate occurredOn, LocalDate reportedOn,
                                              List<String> evidence) {
        return new ViolationReported(ID, FRA, UN_GGE, norm, occurredOn, reportedOn, Severity.HIGH, SUMMARY,
                EvidenceLink.of(evidence), BODY);
    }

    private static ViolationReported reported() {
        return reported(N13F, OCCURRED_ON, REPORTED_ON, EVIDENCE);
    }

    private static ViolationReviewStarted reviewStarted() {
        return new ViolationReviewStarted(ID, FRA, UN_GGE, N13F, REVIEW_STARTED_ON);
    }

    private static ViolationConfirmed confirmed() {
        return new ViolationConfirmed(ID, FRA, UN_GGE, N13F, DECIDED_ON, "Attributed with high confidence");
    }

    private static ViolationDismissed dismissed() {
        return new ViolationDismissed(ID, FRA, UN_GGE, N13F, DECIDED_ON, "Not attributable");
    }

    private static ViolationRemedied remedied(LocalDate on) {
        return new ViolationRemedied(ID, FRA, UN_GGE, N13F, on, "Compensation paid");
    }

    private static StateResponded responded(LocalDate on, String text) {
        return new StateResponded(ID, FRA, UN_GGE, N13F, on, text);
    }

    // ---- ReportViolation ----

    @Test
    void reportsViolation() {
        fixture.givenNoPriorActivity()
               .when(report(OCCURRED_ON, REPORTED_ON))
               .expectSuccessfulHandlerExecution()
               .expectEvents(reported());
    }

    @Test
    void reportedOnDefaultsToTheClocksDate() {
        fixture.givenNoPriorActivity()
               .when(report(OCCURRED_ON, null))
               .expectEvents(reported(N13F, OCCURRED_ON, date("2025-06-30"), EVIDENCE));
    }

    @Test
    void recordsEvidenceAsTypedLinksWithTheKindTheAddressTells() {
        fixture.givenNoPriorActivity()
               .when(report(UN_GGE, N13F, OCCURRED_ON, REPORTED_ON, List.of("https://example.org/report.PDF",
                       "https://web.archive.org/web/2025/https://example.org/", "https://example.org/page")))
               .expectEvents(new ViolationReported(ID, FRA, UN_GGE, N13F, OCCURRED_ON, REPORTED_ON, Severity.HIGH,
                       SUMMARY, List.of(new EvidenceLink("https://example.org/report.PDF", EvidenceKind.DOCUMENT),
                       new EvidenceLink("https://web.archive.org/web/2025/https://example.org/", EvidenceKind.ARCHIVE),
                       new EvidenceLink("https://example.org/page", EvidenceKind.LINK)), BODY));
    }

    @Test
    void reportsViolationWithoutEvidenceAsAnEmptyList() {
        fixture.givenNoPriorActivity()
               .when(report(UN_GGE, N13F, OCCURRED_ON, REPORTED_ON, null))
               .expectEvents(reported(N13F, OCCURRED_ON, REPORTED_ON, List.of()));
    }

    @Test
    void reportsViolationOnTheDayItOccurred() {
        fixture.givenNoPriorActivity()
               .when(report(TODAY, TODAY))
               .expectEvents(reported(N13F, TODAY, TODAY, EVIDENCE));
    }

    @Test
    void rejectsViolationOfUnknownNorm() {
        fixture.givenNoPriorActivity()
               .when(report(UN_GGE, NormCode.of("13z"), OCCURRED_ON, REPORTED_ON, EVIDENCE))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not part of the instrument")))
               .expectNoEvents();
    }

    @Test
    void rejectsViolationUnderUnknownInstrument() {
        fixture.givenNoPriorActivity()
               .when(report(UNKNOWN_INSTRUMENT, N13F, OCCURRED_ON, REPORTED_ON, EVIDENCE))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("instrument", mentioning("not known")))
               .expectNoEvents();
    }

    @Test
    void rejectsViolationOccurringBeforeTheNormIsInForce() {
        fixture.givenNoPriorActivity()
               .when(report(date("2015-01-01"), REPORTED_ON))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not yet in force")))
               .expectNoEvents();
    }

    @Test
    void rejectsViolationOccurringOnTheDayTheNormIsRetired() {
        AggregateTestFixture<ViolationReport> retired =
                fixture(ViolationReport.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(report(UN_GGE, N13K, date("2020-01-01"), REPORTED_ON, EVIDENCE))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void rejectsViolationOccurringAfterTheNormIsRetired() {
        AggregateTestFixture<ViolationReport> retired =
                fixture(ViolationReport.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(report(UN_GGE, N13K, OCCURRED_ON, REPORTED_ON, EVIDENCE))
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void acceptsViolationOccurringTheDayBeforeTheNormIsRetired() {
        AggregateTestFixture<ViolationReport> retired =
                fixture(ViolationReport.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(report(UN_GGE, N13K, date("2019-12-31"), REPORTED_ON, EVIDENCE))
               .expectEvents(reported(N13K, date("2019-12-31"), REPORTED_ON, EVIDENCE));
    }

    @Test
    void rejectsViolationOccurringInTheFuture() {
        // reportedOn defaults to today, which is then also before occurredOn
        fixture.givenNoPriorActivity()
               .when(report(TOMORROW, null))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("occurredOn", "reportedOn"))
               .expectExceptionMessage(containsString("occurredOn: must not be in the future"))
               .expectNoEvents();
    }

    @Test
    void rejectsReportDatedInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(report(OCCURRED_ON, TOMORROW))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("reportedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsReportDatedBeforeTheViolationOccurred() {
        fixture.givenNoPriorActivity()
               .when(report(OCCURRED_ON, OCCURRED_ON.minusDays(1)))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("reportedOn", mentioning("occurredOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsReportWithoutSeverityOrSummary() {
        fixture.givenNoPriorActivity()
               .when(new ReportViolation(ID, FRA, UN_GGE, N13F, OCCURRED_ON, REPORTED_ON, null, "  ", EVIDENCE, BODY))
               .expectException(rejectedOn("severity", "summary"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x", "not a url", "javascript:alert(1)", "/relative/path", "https://", "",
            "mailto:someone@example.org", "file:///etc/passwd"})
    void rejectsEvidenceThatIsNotAnAbsoluteWebAddress(String evidence) {
        List<String> list = new ArrayList<>();
        list.add("https://example.org/a");
        list.add(evidence);
        fixture.givenNoPriorActivity()
               .when(report(UN_GGE, N13F, OCCURRED_ON, REPORTED_ON, list))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("evidence[1]", mentioning("absolute http or https URL")))
               .expectNoEvents();
    }

    @Test
    void rejectsNullEvidenceEntry() {
        List<String> list = new ArrayList<>();
        list.add(null);
        fixture.givenNoPriorActivity()
               .when(report(UN_GGE, N13F, OCCURRED_ON, REPORTED_ON, list))
               .expectException(rejectedOn("evidence[0]"))
               .expectNoEvents();
    }

    @Test
    void reportsEveryBadEvidenceEntry() {
        fixture.givenNoPriorActivity()
               .when(report(UN_GGE, N13F, OCCURRED_ON, REPORTED_ON, List.of("ftp://x", "https://ok.example", "x")))
               .expectException(rejectedOn("evidence[0]", "evidence[2]"))
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG/Report.pdf"})
    void acceptsAbsoluteWebAddressesAsEvidence(String evidence) {
        fixture.givenNoPriorActivity()
               .when(report(UN_GGE, N13F, OCCURRED_ON, REPORTED_ON, List.of(evidence)))
               .expectEvents(reported(N13F, OCCURRED_ON, REPORTED_ON, List.of(evidence)));
    }

    // ---- StartReview ----

    @Test
    void startsReview() {
        fixture.given(reported())
               .when(new StartReview(ID, REVIEW_STARTED_ON))
               .expectEvents(reviewStarted());
    }

    @Test
    void startsReviewOnTheDayOfTheReport() {
        fixture.given(reported())
               .when(new StartReview(ID, REPORTED_ON))
               .expectEvents(new ViolationReviewStarted(ID, FRA, UN_GGE, N13F, REPORTED_ON));
    }

    @Test
    void rejectsReviewStartedBeforeTheReport() {
        fixture.given(reported())
               .when(new StartReview(ID, REPORTED_ON.minusDays(1)))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("startedOn", mentioning("reportedOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsReviewStartedInTheFuture() {
        fixture.given(reported())
               .when(new StartReview(ID, TOMORROW))
               .expectException(rejectedOn("startedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void forbidsStartingReviewTwice() {
        fixture.given(reported(), reviewStarted())
               .when(new StartReview(ID, REVIEW_STARTED_ON.plusDays(1)))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("UNDER_REVIEW"))
               .expectNoEvents();
    }

    @Test
    void forbidsStartingReviewOfADecidedReport() {
        fixture.given(reported(), reviewStarted(), dismissed())
               .when(new StartReview(ID, DECIDED_ON.plusDays(1)))
               .expectException(forbiddenWhile("DISMISSED"))
               .expectNoEvents();
    }

    // ---- ConfirmViolation ----

    @Test
    void confirmsViolation() {
        fixture.given(reported(), reviewStarted())
               .when(new ConfirmViolation(ID, DECIDED_ON, "Attributed with high confidence"))
               .expectEvents(confirmed());
    }

    @Test
    void confirmsViolationOnTheDayReviewStarted() {
        fixture.given(reported(), reviewStarted())
               .when(new ConfirmViolation(ID, REVIEW_STARTED_ON, "Obvious"))
               .expectEvents(new ViolationConfirmed(ID, FRA, UN_GGE, N13F, REVIEW_STARTED_ON, "Obvious"));
    }

    @Test
    void rejectsConfirmationBeforeReviewStarted() {
        fixture.given(reported(), reviewStarted())
               .when(new ConfirmViolation(ID, REVIEW_STARTED_ON.minusDays(1), "finding"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("confirmedOn", mentioning("the start of review")))
               .expectNoEvents();
    }

    @Test
    void rejectsConfirmationBeforeTheViolationOccurred() {
        fixture.given(reported(), reviewStarted())
               .when(new ConfirmViolation(ID, OCCURRED_ON.minusDays(1), "finding"))
               .expectException(rejectedOn("confirmedOn"))
               .expectNoEvents();
    }

    @Test
    void rejectsConfirmationInTheFuture() {
        fixture.given(reported(), reviewStarted())
               .when(new ConfirmViolation(ID, TOMORROW, "finding"))
               .expectException(rejectedOn("confirmedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsConfirmationWithoutFinding() {
        fixture.given(reported(), reviewStarted())
               .when(new ConfirmViolation(ID, DECIDED_ON, " "))
               .expectException(rejectedOn("finding"))
               .expectNoEvents();
    }

    @Test
    void forbidsConfirmationBeforeReviewHasStarted() {
        fixture.given(reported())
               .when(new ConfirmViolation(ID, DECIDED_ON, "finding"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("REPORTED"))
               .expectNoEvents();
    }

    @Test
    void forbidsConfirmingADismissedReport() {
        fixture.given(reported(), reviewStarted(), dismissed())
               .when(new ConfirmViolation(ID, DECIDED_ON.plusDays(1), "finding"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("DISMISSED"))
               .expectNoEvents();
    }

    @Test
    void forbidsConfirmingTwice() {
        fixture.given(reported(), reviewStarted(), confirmed())
               .when(new ConfirmViolation(ID, DECIDED_ON.plusDays(1), "finding"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("CONFIRMED"))
               .expectNoEvents();
    }

    // ---- DismissViolation ----

    @Test
    void dismissesViolation() {
        fixture.given(reported(), reviewStarted())
               .when(new DismissViolation(ID, DECIDED_ON, "Not attributable"))
               .expectEvents(dismissed());
    }

    @Test
    void rejectsDismissalBeforeReviewStarted() {
        fixture.given(reported(), reviewStarted())
               .when(new DismissViolation(ID, REVIEW_STARTED_ON.minusDays(1), "reason"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("dismissedOn", mentioning("the start of review")))
               .expectNoEvents();
    }

    @Test
    void rejectsDismissalInTheFuture() {
        fixture.given(reported(), reviewStarted())
               .when(new DismissViolation(ID, TOMORROW, "reason"))
               .expectException(rejectedOn("dismissedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void forbidsDismissalBeforeReviewHasStarted() {
        fixture.given(reported())
               .when(new DismissViolation(ID, DECIDED_ON, "reason"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("REPORTED"))
               .expectNoEvents();
    }

    @Test
    void forbidsDismissingAConfirmedViolation() {
        fixture.given(reported(), reviewStarted(), confirmed())
               .when(new DismissViolation(ID, DECIDED_ON.plusDays(1), "reason"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("CONFIRMED"))
               .expectNoEvents();
    }

    @Test
    void forbidsDismissingTwice() {
        fixture.given(reported(), reviewStarted(), dismissed())
               .when(new DismissViolation(ID, DECIDED_ON.plusDays(1), "reason"))
               .expectException(forbiddenWhile("DISMISSED"))
               .expectNoEvents();
    }

    // ---- RespondToViolation ----

    @Test
    void recordsTheStatesResponse() {
        fixture.given(reported())
               .when(new RespondToViolation(ID, date("2025-03-07"), "We deny any involvement"))
               .expectEvents(responded(date("2025-03-07"), "We deny any involvement"));
    }

    @Test
    void allowsResponseOnTheDayOfTheReport() {
        fixture.given(reported())
               .when(new RespondToViolation(ID, REPORTED_ON, "Same day"))
               .expectEvents(responded(REPORTED_ON, "Same day"));
    }

    @Test
    void allowsResponseDuringReview() {
        fixture.given(reported(), reviewStarted())
               .when(new RespondToViolation(ID, date("2025-03-20"), "text"))
               .expectEvents(responded(date("2025-03-20"), "text"));
    }

    @Test
    void allowsResponseAfterConfirmation() {
        fixture.given(reported(), reviewStarted(), confirmed())
               .when(new RespondToViolation(ID, date("2025-04-02"), "We contest the finding"))
               .expectEvents(responded(date("2025-04-02"), "We contest the finding"));
    }

    @Test
    void allowsResponseAfterDismissal() {
        fixture.given(reported(), reviewStarted(), dismissed())
               .when(new RespondToViolation(ID, date("2025-04-02"), "We welcome the dismissal"))
               .expectEvents(responded(date("2025-04-02"), "We welcome the dismissal"));
    }

    @Test
    void allowsResponseAfterRemedy() {
        fixture.given(reported(), reviewStarted(), confirmed(), remedied(date("2025-05-01")))
               .when(new RespondToViolation(ID, date("2025-05-02"), "Done"))
               .expectEvents(responded(date("2025-05-02"), "Done"));
    }

    @Test
    void allowsMoreThanOneResponse() {
        fixture.given(reported(), responded(date("2025-03-07"), "First"))
               .when(new RespondToViolation(ID, date("2025-03-08"), "Second"))
               .expectEvents(responded(date("2025-03-08"), "Second"));
    }

    @Test
    void rejectsResponseBeforeTheReport() {
        fixture.given(reported())
               .when(new RespondToViolation(ID, REPORTED_ON.minusDays(1), "text"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("respondedOn", mentioning("reportedOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsResponseInTheFuture() {
        fixture.given(reported())
               .when(new RespondToViolation(ID, TOMORROW, "text"))
               .expectException(rejectedOn("respondedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsResponseWithoutText() {
        fixture.given(reported())
               .when(new RespondToViolation(ID, date("2025-03-07"), null))
               .expectException(rejectedOn("text"))
               .expectNoEvents();
    }

    // ---- RemedyViolation ----

    @Test
    void remediesConfirmedViolation() {
        fixture.given(reported(), reviewStarted(), confirmed())
               .when(new RemedyViolation(ID, date("2025-05-01"), "Compensation paid"))
               .expectEvents(remedied(date("2025-05-01")));
    }

    @Test
    void remediesOnTheDayOfConfirmation() {
        fixture.given(reported(), reviewStarted(), confirmed())
               .when(new RemedyViolation(ID, DECIDED_ON, "Compensation paid"))
               .expectEvents(remedied(DECIDED_ON));
    }

    @Test
    void rejectsRemedyBeforeConfirmation() {
        fixture.given(reported(), reviewStarted(), confirmed())
               .when(new RemedyViolation(ID, DECIDED_ON.minusDays(1), "Compensation paid"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("remediedOn", mentioning("confirmedOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsRemedyInTheFuture() {
        fixture.given(reported(), reviewStarted(), confirmed())
               .when(new RemedyViolation(ID, TOMORROW, "Compensation paid"))
               .expectException(rejectedOn("remediedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void forbidsRemedyOfAMerelyReportedViolation() {
        fixture.given(reported())
               .when(new RemedyViolation(ID, date("2025-05-01"), "note"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("REPORTED"))
               .expectNoEvents();
    }

    @Test
    void forbidsRemedyOfAViolationUnderReview() {
        fixture.given(reported(), reviewStarted())
               .when(new RemedyViolation(ID, date("2025-05-01"), "note"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("UNDER_REVIEW"))
               .expectNoEvents();
    }

    @Test
    void forbidsRemedyOfADismissedReport() {
        fixture.given(reported(), reviewStarted(), dismissed())
               .when(new RemedyViolation(ID, date("2025-05-01"), "note"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("DISMISSED"))
               .expectNoEvents();
    }

    @Test
    void forbidsRemedyingTwice() {
        fixture.given(reported(), reviewStarted(), confirmed(), remedied(date("2025-05-01")))
               .when(new RemedyViolation(ID, date("2025-05-02"), "again"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("REMEDIED"))
               .expectNoEvents();
    }
}
