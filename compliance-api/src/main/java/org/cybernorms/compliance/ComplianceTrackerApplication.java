package org.cybernorms.compliance;

import org.cybernorms.compliance.importing.EurepocImportRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.Arrays;

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
        SpringApplication application = new SpringApplication(ComplianceTrackerApplication.class);
        boolean importOnly = Arrays.stream(args)
                .anyMatch(arg -> arg.startsWith("--" + EurepocImportRunner.FILE_PROPERTY + "="));
        if (importOnly) {
            // A command-line import needs no HTTP server: it imports, prints its report and exits.
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        ConfigurableApplicationContext context = application.run(args);
        if (context.getBean(EurepocImportRunner.class).requested()) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
