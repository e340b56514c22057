package org.cybernorms.plainaxon;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The plain Spring Boot and Axon application the harness compares the tracker's HTTP writes with: Axon's
 * auto-configuration as it comes (JPA event store, Axon's serializer, a {@code SimpleCommandBus}, a tracking
 * processor), an aggregate that applies one event per command, a processor that counts events, and a controller
 * whose POST answers once the command is handled. It lives outside {@code org.cybernorms.compliance} so that the
 * tracker's component scan, in the tests, never finds it.
 */
@SpringBootApplication
class PlainAxonConfiguration {
}
