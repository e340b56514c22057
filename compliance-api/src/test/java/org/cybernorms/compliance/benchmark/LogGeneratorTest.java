package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.ViolationEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated log: its size, its mix, its order, and the rules of the aggregates it stands for. */
@Tag("store-independent")
class LogGeneratorTest {

    private static final long SIZE = 10_000;

    @Test
    void generatesExactlyTheRequestedNumberOfEventsOverTenYears() {
        LogGenerator generator = LogGenerator.of(SIZE);
        long count = generator.stream().count();

        assertThat(count).isEqualTo(SIZE);
        LogSummary summary = generator.summary();
        assertThat(summary.firstValidOn()).isBetween(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 3, 1));
        assertThat(summary.lastValidOn()).isBetween(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 31));
        assertThat(summary.eventsByState()).hasSize(193);
    }

    @Test
    void theSameSeedGivesTheSameLog() {
        List<GeneratedEvent> first = LogGenerator.of(2_000).stream().toList();
        List<GeneratedEvent> second = LogGenerator.of(2_000).stream().toList();
        List<GeneratedEvent> other = LogGenerator.of(LogGenerator.Settings.of(2_000).withSeed(7)).stream().toList();

        assertThat(second).isEqualTo(first);
        assertThat(other.get(500).eventId()).isNotEqualTo(first.get(500).eventId());
    }

    @Test
    void coversEveryKindOfEventAndEveryOutcome() {
        LogGenerator generator = LogGenerator.of(SIZE);
        generator.stream().forEach(event -> { });
        LogSummary summary = generator.summary();

        assertThat(summary.eventsByType().keySet()).containsExactlyInAnyOrder(
                "InstrumentSigned", "InstrumentRatified", "InstrumentAcceded", "InstrumentWithdrawnFrom",
                "ReservationEntered", "ReservationWithdrawn", "NormPledged", "PledgeWithdrawn",
                "CommitmentMade", "CommitmentProgressReported", "CommitmentFulfilled", "CommitmentWithdrawn",
                "ViolationReported", "ViolationReviewStarted", "ViolationConfirmed", "ViolationDismissed",
                "ViolationRemedied", "StateResponded");
        assertThat(summary.aggregatesByType().keySet())
                .containsExactlyInAnyOrder("Participation", "Pledge", "Commitment", "ViolationReport");
        assertThat(summary.outcomes().keySet()).contains(
                "participation:SIGNED", "participation:PARTY", "participation:WITHDRAWN",
                "pledge:ACTIVE", "pledge:WITHDRAWN",
                "commitment:FULFILLED_ON_TIME", "commitment:FULFILLED_LATE", "commitment:WITHDRAWN",
                "commitment:OPEN", "commitment:OVERDUE",
                "violation:REPORTED", "violation:UNDER_REVIEW", "violation:CONFIRMED", "violation:DISMISSED",
                "violation:REMEDIED");
        assertThat(summary.samples("violation:CONFIRMED")).isNotEmpty();
    }

    @Test
    void keepsTheOrderOfTheLogAndOfEveryAggregate() {
        Map<String, Long> nextSequence = new HashMap<>();
        Map<String, LocalDate> lastValid = new HashMap<>();
        Set<String> eventIds = new HashSet<>();
        Instant[] previous = {Instant.MIN};
        LogGenerator.of(SIZE).forEachRemaining(event -> {
            assertThat(event.recordedAt()).as("recorded order").isAfter(previous[0]);
            previous[0] = event.recordedAt();
            assertThat(event.recordedAt())
                    .as("recorded on or after the valid date")
                    .isAfterOrEqualTo(event.validOn().atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(event.sequence()).as("sequence of " + event.aggregateId())
                    .isEqualTo(nextSequence.getOrDefault(event.aggregateId(), 0L));
            nextSequence.put(event.aggregateId(), event.sequence() + 1);
            assertThat(eventIds.add(event.eventId())).as("unique event id").isTrue();
            if (!(event.payload() instanceof ParticipationEvents)) {
                LocalDate last = lastValid.put(event.aggregateId(), event.validOn());
                if (last != null) {
                    assertThat(event.validOn()).as("dates of " + event.aggregateId()).isAfterOrEqualTo(last);
                }
            }
        });
    }

    @Test
    void followsTheLifecycleRulesOfEveryRecord() {
        Map<String, String> violationStatus = new HashMap<>();
        Map<String, String> commitmentStatus = new HashMap<>();
        LogGenerator.of(SIZE).forEachRemaining(event -> {
            String id = event.aggregateId();
            Object payload = event.payload();
            if (payload instanceof ViolationEvents.ViolationReported reported) {
                assertThat(reported.occurredOn()).isBeforeOrEqualTo(reported.reportedOn());
                violationStatus.put(id, "REPORTED");
            } else if (payload instanceof ViolationEvents.ViolationReviewStarted) {
                assertThat(violationStatus.put(id, "UNDER_REVIEW")).isEqualTo("REPORTED");
            } else if (payload instanceof ViolationEvents.ViolationConfirmed) {
                assertThat(violationStatus.put(id, "CONFIRMED")).isEqualTo("UNDER_REVIEW");
            } else if (payload instanceof ViolationEvents.ViolationDismissed) {
                assertThat(violationStatus.put(id, "DISMISSED")).isEqualTo("UNDER_REVIEW");
            } else if (payload instanceof ViolationEvents.ViolationRemedied) {
                assertThat(violationStatus.put(id, "REMEDIED")).isEqualTo("CONFIRMED");
            } else if (payload instanceof ViolationEvents.StateResponded) {
                assertThat(violationStatus).containsKey(id);
                assertThat(event.actor()).isEqualTo(GeneratedEvent.Actor.STATE);
            } else if (payload instanceof CommitmentEvents.CommitmentMade made) {
                assertThat(made.dueOn()).isAfterOrEqualTo(made.madeOn());
                commitmentStatus.put(id, "OPEN");
            } else if (payload instanceof CommitmentEvents.CommitmentProgressReported) {
                assertThat(commitmentStatus.get(id)).isEqualTo("OPEN");
            } else if (payload instanceof CommitmentEvents.CommitmentFulfilled) {
                assertThat(commitmentStatus.put(id, "FULFILLED")).isEqualTo("OPEN");
            } else if (payload instanceof CommitmentEvents.CommitmentWithdrawn) {
                assertThat(commitmentStatus.put(id, "WITHDRAWN")).isEqualTo("OPEN");
            }
        });
        assertThat(violationStatus).isNotEmpty();
        assertThat(commitmentStatus).isNotEmpty();
    }

    @Test
    void spreadsRecordsUnevenlyButOverEveryUnMemberState() {
        assertThat(UnMemberStates.all()).hasSize(193).doesNotHaveDuplicates();
        LogGenerator generator = LogGenerator.of(SIZE);
        generator.forEachRemaining(event -> { });
        Map<StateCode, Long> byState = generator.summary().eventsByState();

        long most = byState.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long least = byState.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(most).isGreaterThan(2 * least);
        assertThat(byState.keySet()).containsExactlyInAnyOrderElementsOf(UnMemberStates.all());
    }
}
