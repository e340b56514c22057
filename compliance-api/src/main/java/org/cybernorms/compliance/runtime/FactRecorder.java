package org.cybernorms.compliance.runtime;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Records a fact: sends its command, which the aggregate validates and stores as an event, then waits for the read
 * models so that the caller's next read sees it. Exceptions from the rules propagate unchanged.
 */
@Component
public class FactRecorder {

    private final CommandGateway commandGateway;
    private final ReadYourWrites readYourWrites;

    public FactRecorder(CommandGateway commandGateway, ReadYourWrites readYourWrites) {
        this.commandGateway = commandGateway;
        this.readYourWrites = readYourWrites;
    }

    public <R> R record(Object command) {
        R result = commandGateway.sendAndWait(command);
        readYourWrites.awaitReadModels();
        return result;
    }
}
