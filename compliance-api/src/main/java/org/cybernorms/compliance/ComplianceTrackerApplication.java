package org.cybernorms.compliance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The norms compliance tracker: an event-sourced record of what states pledged, committed to, delivered, and what
 * violations were reported against them.
 */
@SpringBootApplication
@EnableScheduling
@EntityScan(basePackages = {
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa",
        "org.axonframework.eventhandling.deadletter.jpa",
        "org.cybernorms.compliance"})
public class ComplianceTrackerApplication {

    static {
        // Nothing here may call out: switch off Axon's update checker before any Axon class looks for it.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(ComplianceTrackerApplication.class, args);
    }
}
