package org.cybernorms.compliance.runtime;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The aggregate cache of one aggregate type: a bounded, least-recently-used map from aggregate identifier to the
 * aggregate as Axon's caching repository left it after its last command on this node. A hit saves reading and
 * replaying the aggregate's events (and the snapshot query) before each command.
 *
 * <p>Axon's caching repository is only safe when every command for an aggregate is handled by one node: another node
 * sharing the database may have appended events that the cached copy has not seen. In {@link Mode#VERIFIED} mode
 * (the default on PostgreSQL, where several nodes may share the database) every hit is checked against the store's
 * last sequence number of the aggregate (one indexed query instead of reading and deserialising its events) and
 * dropped if the store has moved on; what is left is the race that exists without a cache as well, between loading an
 * aggregate and appending to it, which the store's unique (aggregate, sequence number) refuses as a concurrent
 * modification. {@link Mode#TRUSTED} skips the check: only for a store that exactly one process can open (the
 * embedded H2 file, which H2 locks). Axon removes an entry when a command on it rolls back; {@link #removeAll()}
 * empties the cache when the log is replaced underneath (a restore).
 */
public final class AggregateCache implements Cache {

    /** How the tracker caches aggregates ({@code compliance.aggregate-cache.mode}). */
    public enum Mode {
        /** No cache: every command reads the aggregate's events (Axon's default). */
        OFF,
        /** Cache, and check every hit against the store's last sequence number (several nodes may share a store). */
        VERIFIED,
        /** Cache without checks: only when this process is the store's only writer. */
        TRUSTED
    }

    private final Map<Object, Object> entries;
    private final EventStore eventStore;
    private final boolean verify;

    /** @param eventStore the store to check hits against, or {@code null} to trust every hit */
    public AggregateCache(int maxEntries, Supplier<EventStore> eventStore, Mode mode) {
        if (mode == Mode.OFF || maxEntries < 1) {
            throw new IllegalArgumentException("an aggregate cache needs a mode other than OFF and a positive size");
        }
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxEntries;
            }
        };
        this.verify = mode == Mode.VERIFIED;
        this.eventStore = verify ? eventStore.get() : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null && verify && !current(key, value)) {
            remove(key);
            return null;
        }
        return (V) value;
    }

    /**
     * Whether the cached aggregate has seen every event the store holds for it. Axon's repository calls {@link #get}
     * while it holds the aggregate's lock, so no other command of this node changes the cached aggregate meanwhile.
     */
    private boolean current(Object key, Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) {
            return false;
        }
        // An in-memory entry keeps the live aggregate; recreating it hands that back without touching the store.
        EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
        Long cached = aggregate.version();
        Optional<Long> stored = eventStore.lastSequenceNumberFor(key.toString());
        return cached != null && stored.isPresent() && stored.get().equals(cached);
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** The number of cached aggregates. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache has no entry listeners");
    }
}
