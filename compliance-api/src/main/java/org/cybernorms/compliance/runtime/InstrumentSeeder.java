package org.cybernorms.compliance.runtime;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cybernorms.compliance.instrument.EventStoreNormCatalog;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the instrument {@code un-gge-2015} with the eleven norms of A/70/174 paragraph 13 at first start. Idempotent:
 * if the instrument already has events, nothing is sent; if another node seeds it at the same moment, the store's
 * uniqueness of (aggregate, sequence) lets only one of them succeed. {@code compliance.seed.enabled=false} skips it at
 * start (used where no event store can answer, such as the Axon Server wiring test).
 */
@Component
public class InstrumentSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InstrumentSeeder.class);

    private final CommandGateway commandGateway;
    private final EventStoreNormCatalog catalog;
    private final ReadYourWrites readYourWrites;
    private final boolean enabled;

    public InstrumentSeeder(CommandGateway commandGateway, EventStoreNormCatalog catalog,
                            ReadYourWrites readYourWrites,
                            @Value("${compliance.seed.enabled:true}") boolean enabled) {
        this.commandGateway = commandGateway;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
        this.enabled = enabled;
    }

    /** Seeds at start unless {@code compliance.seed.enabled=false} (an installation meant for a restore). */
    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            seed();
        } else {
            log.info("Seeding is switched off (compliance.seed.enabled=false)");
        }
    }

    /** Creates un-gge-2015 unless it exists; returns whether this call created it. */
    public boolean seed() {
        if (catalog.adoptedOn(UnGge2015.ID).isPresent()) {
            return false;
        }
        try {
            commandGateway.sendAndWait(UnGge2015.createCommand());
            log.info("Seeded instrument {} with {} norms", UnGge2015.ID, UnGge2015.norms().size());
        } catch (RuntimeException e) {
            if (catalog.adoptedOn(UnGge2015.ID).isEmpty()) {
                throw e;
            }
            return false;
        }
        readYourWrites.awaitReadModels();
        return true;
    }
}
