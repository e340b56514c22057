package org.cybernorms.compliance.runtime.persistence;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's messages, events included, get time-ordered UUIDs (version 7) from the tracker's identifier factory. */
@Tag("store-independent")
class TimeOrderedIdentifiersTest {

    /** An application of the profile axon-defaults started earlier in this JVM may have switched them off. */
    @BeforeEach
    void timeOrdered() {
        TimeOrderedIdentifiers.timeOrdered(true);
    }

    @Test
    void axonTakesTheTrackersIdentifierFactory() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
    }

    @Test
    void anEventsIdentifierIsAVersion7UuidThatStartsWithItsMillisecond() {
        long before = System.currentTimeMillis();
        String id = GenericEventMessage.asEventMessage("recorded").getIdentifier();
        long after = System.currentTimeMillis();

        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(uuid.toString()).isEqualTo(id);
        assertThat(uuid.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void switchedOffTheIdentifiersAreAxonsRandomOnes() {
        try {
            TimeOrderedIdentifiers.timeOrdered(false);
            assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier()).version()).isEqualTo(4);
        } finally {
            TimeOrderedIdentifiers.timeOrdered(true);
        }
        assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier()).version()).isEqualTo(7);
    }

    @Test
    void theProfileOfAxonsDefaultsSwitchesThemOffThroughItsProperty() {
        try {
            new ApplicationContextRunner().withUserConfiguration(IdentifierConfiguration.class)
                    .withPropertyValues("compliance.event-store.time-ordered-identifiers=false")
                    .run(context -> assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier())
                            .version()).isEqualTo(4));
            new ApplicationContextRunner().withUserConfiguration(IdentifierConfiguration.class)
                    .run(context -> assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier())
                            .version()).isEqualTo(7));
        } finally {
            TimeOrderedIdentifiers.timeOrdered(true);
        }
    }

    @Test
    void laterIdentifiersSortAfterEarlierOnesAndNoneRepeats() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 1_000; j++) {
                ids.add(IdentifierFactory.getInstance().generateIdentifier());
            }
            Thread.sleep(2);
        }

        assertThat(ids).doesNotHaveDuplicates();
        for (int i = 1_000; i < ids.size(); i += 1_000) {
            assertThat(ids.get(i)).as("a millisecond later").isGreaterThan(ids.get(i - 1_000));
        }
    }
}
