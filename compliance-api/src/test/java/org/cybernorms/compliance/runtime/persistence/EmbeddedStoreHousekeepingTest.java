package org.cybernorms.compliance.runtime.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With WRITE_DELAY=0 H2 runs no housekeeping of its own: every commit leaves a chunk in the file that stays as long
 * as one of its pages lives, and under a sustained write load the tracker's file grew by about 27 KB per write
 *. On a real H2 file written as the tracker writes (one commit per write, a few rows updated over and
 * over as the processors' tokens are), the housekeeping rewrites such chunks until they are mostly live again.
 * H2 rewrites only chunks older than its retention time (45 s); this file has none ({@code RETENTION_TIME=0}).
 */
class EmbeddedStoreHousekeepingTest {

    @TempDir
    Path dir;

    @Test
    void chunksLeftSparseByCommitsOneByOneAreRewrittenUntilMostlyLive() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0;RETENTION_TIME=0");
        dataSource.setUser("sa");
        EmbeddedStoreHousekeeping housekeeping = new EmbeddedStoreHousekeeping(dataSource, 80, DataSize.ofMegabytes(8));
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create table entry (id int primary key, payload varchar(400))");
                ddl.execute("create table token (name varchar(20) primary key, position int)");
                ddl.execute("insert into token values ('scorecards', 0), ('instruments', 0)");
            }
            try (PreparedStatement append = connection.prepareStatement("insert into entry values (?, ?)");
                 PreparedStatement advance = connection.prepareStatement("update token set position = ?")) {
                for (int i = 0; i < 3_000; i++) {
                    append.setInt(1, i);
                    append.setString(2, "an event of a few hundred bytes, as Axon stores them ".repeat(6) + i);
                    append.executeUpdate(); // auto-commit: one chunk per write
                    advance.setInt(1, i);
                    advance.executeUpdate();
                }
            }

            assertThat(housekeeping.chunksFillRate()).as("live share of the chunks before housekeeping")
                    .hasValueSatisfying(rate -> assertThat(rate).isLessThan(50));

            // each pass rewrites at most the write limit; H2 drops the emptied chunks at the next commit, and in the
            // tracker the processors commit their tokens all the time
            try (Statement commit = connection.createStatement()) {
                for (int pass = 0; pass < 100 && housekeeping.compact(); pass++) {
                    commit.executeUpdate("update token set position = position + 1");
                }
                commit.executeUpdate("update token set position = position + 1");
            }

            assertThat(housekeeping.chunksFillRate()).as("live share of the chunks after housekeeping")
                    .hasValueSatisfying(rate -> assertThat(rate).isGreaterThanOrEqualTo(80));
            try (Statement query = connection.createStatement();
                 var rows = query.executeQuery("select count(*), max(id) from entry")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(3_000);
                assertThat(rows.getInt(2)).isEqualTo(2_999);
            }
        }
    }
}
