package org.cybernorms.compliance.runtime;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.cybernorms.compliance.support.Api;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile axonserver, without an Axon Server: none runs here, and none may be downloaded. The application starts
 * with the connector pointed at a loopback port where nothing listens (so every connection attempt is refused at
 * once, and nothing leaves the machine), and this checks the wiring: Axon Server's event store, command bus and query
 * bus; tokens and read models in the relational store; every processor receiving every event (no block listing of
 * event types, which would leave read-your-writes waiting out its timeout); readiness DOWN (not hanging) while the
 * server is away.
 * What was not run: storing and reading events through a real Axon Server (docs/operations.md).
 */
@Tag("store-independent")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AxonServerProfileWiringTest {

    @TempDir
    Path dataDir;

    @Test
    void wiresAxonServersEventStoreAndBusesAndKeepsReadModelsInTheDatabase() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free, and nothing listens once closed
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ComplianceTrackerApplication.class)
                .profiles("axonserver")
                .run("--server.port=0", "--compliance.data-dir=" + dataDir,
                        "--compliance.auth.tokens=wiring-admin=ADMIN",
                        "--axon.axonserver.servers=127.0.0.1:" + closedPort,
                        "--axon.axonserver.context=wiring-test",
                        "--axon.axonserver.connect-timeout=500",
                        "--axon.axonserver.reconnect-interval=1000",
                        "--compliance.health.event-store-timeout=1s",
                        // nothing can answer the seeder's read of the instrument
                        "--compliance.seed.enabled=false")) {

            AxonServerConfiguration settings = context.getBean(AxonServerConfiguration.class);
            assertThat(settings.isEnabled()).isTrue();
            assertThat(settings.getServers()).isEqualTo("127.0.0.1:" + closedPort);
            assertThat(settings.getContext()).isEqualTo("wiring-test");
            assertThat(context.getBean(AxonServerConnectionManager.class)).isNotNull();

            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            // every processor receives every event, so that its token is a position in the log (read-your-writes)
            assertThat(settings.isEventBlockListingEnabled()).as("Axon Server leaves event types out").isFalse();
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            for (String name : ProcessorConfiguration.PROCESSORS) {
                assertThat(processing.eventProcessor(name, TrackingEventProcessor.class)).as(name).get()
                        .extracting(TrackingEventProcessor::getMessageSource)
                        .as("%s reads Axon Server's store through a source that never asks it to leave types out",
                                name)
                        .isInstanceOf(StopAwareEventSource.class);
            }
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(TokenStore.class)).isInstanceOf(JpaTokenStore.class);
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api api = new Api(port);
            assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
            Api.Response readiness = api.get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.text()).isEqualTo(503);
            assertThat(readiness.text()).contains("\"DOWN\"");
            assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
        }
    }
}
