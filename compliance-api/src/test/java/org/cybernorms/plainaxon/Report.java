package org.cybernorms.plainaxon;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An event-sourced report: filed, then annotated; one event per command. */
@Aggregate
public class Report {

    @AggregateIdentifier
    private String id;
    private int notes;

    protected Report() {
        // for Axon
    }

    @CommandHandler
    public Report(FileReport command) {
        if (command.summary == null || command.summary.isBlank()) {
            throw new IllegalArgumentException("a report needs a summary");
        }
        apply(new ReportFiled(command.id, command.state, command.norm, command.summary));
    }

    @CommandHandler
    public void handle(AddNote command) {
        if (notes >= 1_000) {
            throw new IllegalStateException("a report takes at most 1,000 notes");
        }
        apply(new NoteAdded(command.id, command.text));
    }

    @EventSourcingHandler
    void on(ReportFiled event) {
        id = event.id;
    }

    @EventSourcingHandler
    void on(NoteAdded event) {
        notes++;
    }

    /** Plain classes, not records: Axon's default serializer (XStream) sets fields. */
    public static class FileReport {
        public String id;
        public String state;
        public String norm;
        public String summary;

        public FileReport(String id, String state, String norm, String summary) {
            this.id = id;
            this.state = state;
            this.norm = norm;
            this.summary = summary;
        }
    }

    public static class AddNote {
        @TargetAggregateIdentifier
        public String id;
        public String text;

        public AddNote(String id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    public static class ReportFiled {
        public String id;
        public String state;
        public String norm;
        public String summary;

        public ReportFiled() {
        }

        public ReportFiled(String id, String state, String norm, String summary) {
            this.id = id;
            this.state = state;
            this.norm = norm;
            this.summary = summary;
        }
    }

    public static class NoteAdded {
        public String id;
        public String text;

        public NoteAdded() {
        }

        public NoteAdded(String id, String text) {
            this.id = id;
            this.text = text;
        }
    }
}
