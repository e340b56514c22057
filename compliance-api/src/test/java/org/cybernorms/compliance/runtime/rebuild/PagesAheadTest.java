package org.cybernorms.compliance.runtime.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rebuild's pages come in the log's order with every payload read, whichever of the two threads read a page's
 * payloads; a payload that cannot be read fails the taker with its own error; closing stops the reading thread.
 */
@Tag("store-independent")
class PagesAheadTest {

    private JdbcTemplate jdbc;
    private UpcastingPayloads payloads;

    @BeforeEach
    void aLogOfTwentyThreeEvents() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(source);
        jdbc.execute("""
                create table domain_event_entry (global_index bigint primary key, event_identifier varchar(64),
                    aggregate_identifier varchar(64), sequence_number bigint, type varchar(64),
                    time_stamp varchar(64), payload_type varchar(255), payload_revision varchar(16), payload blob)""");
        for (int position = 1; position <= 23; position++) {
            store(position, "\"payload-" + position + "\"");
        }
        payloads = new UpcastingPayloads(JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules()).build(), new EventUpcasterChain());
    }

    private void store(long position, String json) {
        jdbc.update("insert into domain_event_entry values (?, ?, ?, ?, ?, ?, ?, ?, ?)", position, "e-" + position,
                "a-1", position - 1, "Record", "2024-03-01T10:15:30.123Z", String.class.getName(), null,
                json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyPageComesInTheLogsOrderWithEveryPayloadWhicheverThreadReadIt() throws InterruptedException {
        List<Long> stored = new ArrayList<>();
        List<Object> read = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        try (PagesAhead ahead = new PagesAhead(new StoredEventPages(jdbc, 5), 23, 2, payloads)) {
            int taken = 0;
            for (PagesAhead.Page page = ahead.next(); !page.isEmpty(); page = ahead.next()) {
                page.stored().forEach(event -> stored.add(event.trackingToken().position().orElseThrow()));
                for (PagesAhead.Event event : page.events()) {
                    read.add(event.payload());
                    positions.add(event.position());
                }
                if (++taken % 2 == 0) {
                    Thread.sleep(30); // a busy taker: the reading thread reads the payloads of what it reads meanwhile
                }
            }
        }

        assertThat(stored).hasSize(23).isSorted().startsWith(1L).endsWith(23L);
        assertThat(positions).isEqualTo(stored);
        assertThat(read).first().isEqualTo("payload-1");
        assertThat(read).last().isEqualTo("payload-23");
        assertThat(read).hasSize(23).doesNotHaveDuplicates();
        assertThat(payloads.direct()).isEqualTo(23);
    }

    @Test
    void aPayloadThatCannotBeReadFailsTheTakerWithItsOwnError() {
        jdbc.update("update domain_event_entry set payload = ? where global_index = 12",
                "{not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> {
            try (PagesAhead ahead = new PagesAhead(new StoredEventPages(jdbc, 5), 23, 2, payloads)) {
                for (PagesAhead.Page page = ahead.next(); !page.isEmpty(); page = ahead.next()) {
                    page.events();
                }
            }
        }).isInstanceOf(SerializationException.class);
    }

    @Test
    @Timeout(10)
    void closingStopsTheReadingThreadBeforeTheEnd() throws InterruptedException {
        PagesAhead ahead = new PagesAhead(new StoredEventPages(jdbc, 1), 23, 2, payloads);
        assertThat(ahead.next().events()).singleElement()
                .satisfies(event -> assertThat(event.payload()).isEqualTo("payload-1"));

        ahead.close(); // returns once the reading thread has stopped, with pages left unread
    }
}
