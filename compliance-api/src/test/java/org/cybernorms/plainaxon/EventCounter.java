package org.cybernorms.plainaxon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/** The plain application's one read model: a tracking processor that counts events. */
@Component
@ProcessingGroup("counter")
public class EventCounter {

    private final AtomicLong events = new AtomicLong();

    @EventHandler
    void on(Report.ReportFiled event) {
        events.incrementAndGet();
    }

    @EventHandler
    void on(Report.NoteAdded event) {
        events.incrementAndGet();
    }

    public long events() {
        return events.get();
    }
}
