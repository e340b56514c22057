package org.cybernorms.compliance.runtime.persistence;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.axonframework.common.IdentifierFactory;

import java.util.UUID;

/**
 * The identifiers Axon gives its messages, events included: time-ordered UUIDs (version 7, RFC 9562: the first 48
 * bits are the Unix time in milliseconds, the rest random), instead of Axon's default random ones (version 4).
 * Registered through {@code META-INF/services/org.axonframework.common.IdentifierFactory}, Axon's own way to replace
 * its identifier factory.
 *
 * <p>Why: the event table keeps a unique index on the event identifier. A random identifier puts each new event's
 * key at a random place in that index, so a transaction of a dozen events changed a dozen of its pages, and on the
 * embedded store every commit writes each page it changed (docs/benchmarks.md, "Writes: what bounds them"). Identifiers
 * that grow with time go to the end of the index, a page or two per commit. They are as unique as before (74 random
 * bits within each millisecond) and still plain UUIDs wherever an event identifier is read, exported or imported; the
 * events already stored keep theirs.
 *
 * <p>Axon keeps one identifier factory per JVM. {@link #timeOrdered(boolean)} switches it back to Axon's random
 * identifiers: {@code compliance.event-store.time-ordered-identifiers=false}, which the profile {@code axon-defaults}
 * sets ({@link IdentifierConfiguration}).
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();
    private static volatile boolean timeOrdered = true;

    /** Whether new identifiers are time-ordered (true) or random, as Axon's default factory makes them (false). */
    public static void timeOrdered(boolean enabled) {
        timeOrdered = enabled;
    }

    @Override
    public String generateIdentifier() {
        return timeOrdered ? GENERATOR.generate().toString() : UUID.randomUUID().toString();
    }
}
