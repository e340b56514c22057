package org.cybernorms.compliance.runtime.persistence;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.cybernorms.compliance.support.TestStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's housekeeping finds the embedded store's H2 file, and leaves PostgreSQL alone. */
class EmbeddedStoreHousekeepingWiringTest extends EmbeddedStoreTest {

    @Autowired
    EmbeddedStoreHousekeeping housekeeping;

    @Test
    void housekeepingReachesTheStoreItRunsOn() throws SQLException {
        if (TestStore.postgres()) {
            assertThat(housekeeping.compact()).isFalse();
            assertThat(housekeeping.chunksFillRate()).isEmpty();
        } else {
            assertThat(housekeeping.chunksFillRate()).hasValueSatisfying(rate -> assertThat(rate).isBetween(0, 100));
        }
    }
}
