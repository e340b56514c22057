package org.cybernorms.compliance.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.cybernorms.compliance.runtime.metrics.BoundedMetricRegistry;
import org.cybernorms.compliance.runtime.metrics.WindowedCapacityMonitor;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Liveness, readiness with the event store and the processors, and Prometheus metrics for ADMIN tokens. */
class ObservabilityHttpTest extends EmbeddedStoreTest {

    /** One on the embedded store, two under the postgres profile. */
    @org.springframework.beans.factory.annotation.Value("${compliance.processors.segments}")
    int segments;

    @Autowired
    GlobalMetricRegistry axonMetrics;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void livenessAndReadinessArePublicAndUp() {
        Api anonymous = new Api(port);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        Api.Response readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().has("components")).as("details only for ADMIN").isFalse();
    }

    @Test
    void readinessCoversTheEventStoreAndEveryProcessor() {
        JsonNode readiness = new Api(port, ADMIN).get("/actuator/health/readiness").json();

        JsonNode components = readiness.get("components");
        assertThat(components.get("readinessState").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("eventStore").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("eventStore").get("details").get("head").asLong()).isPositive();
        assertThat(components.get("readYourWrites").get("status").asText()).isEqualTo("UP");
        JsonNode processors = components.get("eventProcessors");
        assertThat(processors.get("status").asText()).isEqualTo("UP");
        for (String name : new String[] {"instruments", "scorecards"}) {
            JsonNode processor = processors.get("details").get(name);
            assertThat(processor.get("running").asBoolean()).isTrue();
            assertThat(processor.get("claimedSegments").size()).as("one node holds every segment")
                    .isEqualTo(segments);
        }
    }

    @Test
    void prometheusMetricsNeedAnAdminAndHoldAxonsMeters() throws InterruptedException {
        assertThat(new Api(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(new Api(port, MONITOR).get("/actuator/prometheus").status()).isEqualTo(403);

        api.create("/api/states/NOR/pledges", "{\"instrument\":\"un-gge-2015\",\"norm\":\"13c\","
                + "\"pledgedOn\":\"2021-01-01\",\"statement\":\"metrics\"}", "pledgeId");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text;
        do {
            Api.Response metrics = new Api(port, ADMIN).get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            text = metrics.text();
            if (text.contains("compliance_processor_lag")) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);

        // command count and latency, per command type (dimensional meters)
        assertThat(text).containsPattern("(?m)^commandBus_ingestedCounter_total\\{.*\\} [1-9]")
                .containsPattern("(?m)^commandBus_allTimer_seconds_count\\{.*payloadType=\"[^\"]*PledgeNorm\".*\\} [1-9]")
                .containsPattern("(?m)^commandBus_allTimer_seconds_sum\\{.*\\} ")
                // processor lag: Axon's in time, ours in events
                .containsPattern("(?m)^eventProcessor_latency.*processorName=\"scorecards\"")
                .containsPattern("(?m)^eventProcessor_capacity\\{.*processorName=\"scorecards\".*\\} ")
                .containsPattern("(?m)^commandBus_capacity\\{.*payloadType=\"[^\"]*PledgeNorm\".*\\} ")
                .containsPattern("(?m)^compliance_processor_lag\\{.*processor=\"scorecards\".*\\} ")
                .containsPattern("(?m)^compliance_processor_segments_claimed\\{.*processor=\"instruments\".*\\} " + segments);
    }

    /**
     * Axon's own capacity monitor held every handling time of the last ten minutes, per processor and per command
     * type: hundreds of megabytes under a sustained load. Every processor and the command bus get the
     * bounded one, and after events it still holds at most one sum per slot of its window.
     */
    @Test
    void capacityGaugesOfEveryProcessorAndTheCommandBusHoldBoundedMemory() {
        for (int i = 0; i < 20; i++) {
            api.create("/api/states/NRU/pledges", "{\"instrument\":\"un-gge-2015\",\"norm\":\"13d\","
                    + "\"pledgedOn\":\"2021-02-0" + (1 + i % 9) + "\",\"statement\":\"capacity " + i + "\"}", "pledgeId");
        }

        assertThat(axonMetrics).isInstanceOf(BoundedMetricRegistry.class);
        Map<String, WindowedCapacityMonitor> monitors = ((BoundedMetricRegistry) axonMetrics).capacityMonitors();
        assertThat(monitors).containsKeys(processing.eventProcessors().keySet().toArray(String[]::new))
                .containsKey("commandBus");
        for (var monitor : monitors.entrySet()) {
            assertThat(monitor.getValue().window()).as(monitor.getKey()).isEqualTo(Duration.ofMinutes(10));
            // one gauge per payload type, each at most one sum per slot; Axon's held one entry per message
            assertThat(monitor.getValue().retainedMeasurements()).as(monitor.getKey())
                    .isLessThanOrEqualTo(WindowedCapacityMonitor.SLOTS * 64);
        }
        assertThat(monitors.get("commandBus").retainedMeasurements()).as("the pledges were measured").isPositive();
    }
}
