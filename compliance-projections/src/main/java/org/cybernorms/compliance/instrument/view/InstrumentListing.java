package org.cybernorms.compliance.instrument.view;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One row of the directory of instruments. */
@Entity
@Table(name = "rm_instrument_listing")
public class InstrumentListing {

    @Id
    @Column(length = 63)
    private String instrumentId;
    @Column(nullable = false, length = 1000)
    private String title;
    @Column(nullable = false)
    private LocalDate adoptedOn;

    protected InstrumentListing() {
    }

    public InstrumentListing(String instrumentId, String title, LocalDate adoptedOn) {
        this.instrumentId = instrumentId;
        this.title = title;
        this.adoptedOn = adoptedOn;
    }

    public String instrumentId() {
        return instrumentId;
    }

    public String title() {
        return title;
    }

    public LocalDate adoptedOn() {
        return adoptedOn;
    }
}
