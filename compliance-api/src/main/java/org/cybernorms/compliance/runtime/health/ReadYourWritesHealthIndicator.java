package org.cybernorms.compliance.runtime.health;

import org.cybernorms.compliance.runtime.ReadYourWrites;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code readYourWrites} (in the readiness group): down while the last write whose wait for the
 * read models ran out is still not covered by them, so that a node whose reads no longer show its own writes says
 * so instead of answering ready. It is up again as soon as the read models cover that write. Details give the number
 * of waits that ran out since the node started and when the last one did (the same count as the metric
 * {@code compliance_read_your_writes_timeouts_total}).
 */
@Component("readYourWritesHealthIndicator")
public class ReadYourWritesHealthIndicator implements HealthIndicator {

    private final ReadYourWrites readYourWrites;

    public ReadYourWritesHealthIndicator(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public Health health() {
        var pending = readYourWrites.pendingTimeout();
        Health.Builder health = pending.isPresent() ? Health.down() : Health.up();
        health.withDetail("timeouts", readYourWrites.timeouts());
        readYourWrites.lastTimeout().ifPresent(at -> health.withDetail("lastTimeout", at.toString()));
        pending.ifPresent(p -> health.withDetail("waitingFor", String.valueOf(p.head())));
        return health.build();
    }
}
