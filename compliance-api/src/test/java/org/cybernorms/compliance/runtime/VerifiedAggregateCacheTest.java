package org.cybernorms.compliance.runtime;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationCommands.ConfirmViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.ReportViolation;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReviewStarted;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The verified aggregate cache (the mode of stores that several nodes share) does not act on an aggregate that
 * another writer has moved on: an event appended straight to the store, as another node would, is seen by the next
 * command although the aggregate is cached here.
 *
 * <p>An application of its own on a store of its own (a fresh data directory; on PostgreSQL a fresh schema): a second
 * application on the store the other HTTP tests share would run its processors on the same token rows under the same
 * node name, and process their events alongside theirs (once this made a replay there fail on a deadlock).
 */
@SpringBootTest(properties = "compliance.aggregate-cache.mode=verified")
class VerifiedAggregateCacheTest {

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("compliance-verified-cache-test").toString();
        registry.add("compliance.data-dir", () -> dataDir);
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    DomainConfiguration.AggregateCaches caches;

    @Test
    void aCachedAggregateThatAnotherNodeMovedOnIsReadAgain() {
        assertThat(caches.mode()).isEqualTo(AggregateCache.Mode.VERIFIED);
        ViolationId id = ViolationId.random();
        StateCode state = StateCode.of("RUS");
        NormCode norm = NormCode.of("13f");
        LocalDate day = LocalDate.of(2022, 2, 24);
        commands.sendAndWait(new ReportViolation(id, state, UnGge2015.ID, norm, day, day, Severity.HIGH,
                "Wiper malware", List.of(), "A monitoring body"));

        // another node starts the review: sequence number 1 of the report, not seen by this node's cache
        eventStore.publish(new GenericDomainEventMessage<>("ViolationReport", id.value(), 1,
                new ViolationReviewStarted(id, state, UnGge2015.ID, norm, day.plusDays(5))));

        // a confirmation needs the review this node's cached copy does not know of
        assertThatCode(() -> commands.sendAndWait(new ConfirmViolation(id, day.plusDays(9), "Attributed")))
                .doesNotThrowAnyException();
        assertThat(eventStore.lastSequenceNumberFor(id.value())).contains(2L);
    }
}
