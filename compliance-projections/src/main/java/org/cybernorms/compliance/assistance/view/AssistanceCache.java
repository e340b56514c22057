package org.cybernorms.compliance.assistance.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.cybernorms.compliance.assistance.ledger.StateAssistance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * This node's bounded cache of assistance ledgers, each keyed by the party, the date and the version of the
 * assistance facts it was computed from ({@link AssistanceVersions}), so that an entry can only be found while those
 * facts are unchanged. Entries hold the ledger for "everything recorded"; {@link AssistanceQueries} uses them only
 * when the request's knownAt is at or after the latest recorded instant of the facts. Bounded by the lines the
 * ledgers hold ({@code compliance.assistance.cache.max-lines}).
 */
@Component
public class AssistanceCache {

    /** The version of the facts a ledger was computed from; no facts stands as zero count and generation. */
    record Stamp(long generation, long count, long lastPosition) {

        static Stamp of(AssistanceVersions.Version version) {
            return version == null ? new Stamp(0, 0, -1)
                    : new Stamp(version.generation(), version.count(), version.lastPosition());
        }
    }

    record Key(String party, LocalDate asOf, Stamp stamp) {
    }

    /** Hits and misses since start. */
    public record Statistics(long hits, long misses) {
    }

    private final boolean enabled;
    private final Cache<Key, StateAssistance> ledgers;

    public AssistanceCache(@Value("${compliance.assistance.cache.enabled:true}") boolean enabled,
                           @Value("${compliance.assistance.cache.max-lines:100000}") long maxLines) {
        this.enabled = enabled;
        this.ledgers = Caffeine.newBuilder().maximumWeight(maxLines)
                .weigher((Key key, StateAssistance ledger) -> lines(ledger)).recordStats().build();
    }

    /** Whether ledgers are cached at all ({@code compliance.assistance.cache.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    StateAssistance get(Key key) {
        return ledgers.getIfPresent(key);
    }

    void put(Key key, StateAssistance ledger) {
        ledgers.put(key, ledger);
    }

    /** Forgets every cached ledger. */
    public void clear() {
        ledgers.invalidateAll();
    }

    public Statistics statistics() {
        var stats = ledgers.stats();
        return new Statistics(stats.hitCount(), stats.missCount());
    }

    private static int lines(StateAssistance ledger) {
        return 1 + ledger.asked().size() + ledger.offered().size() + ledger.received().size()
                + ledger.delivered().size();
    }
}
