package org.cybernorms.compliance.runtime.persistence;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * H2's housekeeping of the embedded store's file, which H2 does not do itself under the tracker's settings.
 *
 * <p>H2 writes every commit as a new chunk of its file. With {@code WRITE_DELAY=0} (every commit on disk before it
 * returns: the crash safety of the embedded store, see application.yml) H2 runs no background thread, and that thread
 * is what rewrites the few live pages of old chunks so that the chunks can be dropped and their space reused. Without
 * it a chunk stays as long as one of its pages lives: under a sustained HTTP write load the file grew by about 27 KB
 * per write (1.5 GB after three minutes at 400 writes/s) and H2 kept an {@code SFChunk} object on the heap for each of
 * the tens of thousands of chunks.
 *
 * <p>Every {@code compliance.h2.housekeeping.interval} (5 s) this asks H2 to rewrite partly live chunks while the
 * chunks are less than {@code target-fill-rate} (80%) live, at most {@code write} (8 MB) per pass
 * ({@link MVStore#compact(int, int)}, what H2's own housekeeping calls). H2 then drops the emptied chunks with the next
 * commit, once they are older than its retention time, and reuses their space. On any other database it does nothing.
 */
@Component
public class EmbeddedStoreHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreHousekeeping.class);

    private final DataSource dataSource;
    private final int targetFillRate;
    private final int writeLimit;
    private volatile boolean notH2;

    public EmbeddedStoreHousekeeping(DataSource dataSource,
                                     @Value("${compliance.h2.housekeeping.target-fill-rate:80}") int targetFillRate,
                                     @Value("${compliance.h2.housekeeping.write:8MB}") DataSize write) {
        this.dataSource = dataSource;
        this.targetFillRate = targetFillRate;
        this.writeLimit = (int) Math.min(Integer.MAX_VALUE, write.toBytes());
    }

    @Scheduled(initialDelayString = "${compliance.h2.housekeeping.interval:5s}",
            fixedDelayString = "${compliance.h2.housekeeping.interval:5s}")
    public void scheduled() {
        if (notH2) {
            return;
        }
        try {
            compact();
        } catch (SQLException | RuntimeException e) {
            log.warn("H2 housekeeping failed; it is tried again at the next interval", e);
        }
    }

    /**
     * One pass: rewrites partly live chunks while the chunks' fill rate is below the target, at most the write limit.
     *
     * @return whether anything was rewritten
     */
    public boolean compact() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = store(connection);
            if (store.isEmpty()) {
                notH2 = true;
                return false;
            }
            MVStore mvStore = store.get();
            return !mvStore.isClosed() && !mvStore.isReadOnly() && mvStore.compact(targetFillRate, writeLimit);
        }
    }

    /** The share of the H2 file's chunks that is live, in percent; empty on any other database. */
    public Optional<Integer> chunksFillRate() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return store(connection).map(store -> store.getFileStore().getChunksFillRate());
        }
    }

    private static Optional<MVStore> store(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty(); // another database, or H2 over TCP
        }
        MVStore store = session.getDatabase().getStore() == null ? null
                : session.getDatabase().getStore().getMvStore();
        return store == null || store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }
}
