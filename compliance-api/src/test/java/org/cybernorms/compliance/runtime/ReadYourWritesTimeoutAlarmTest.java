package org.cybernorms.compliance.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.cybernorms.compliance.participation.api.ParticipationEvents.NormPledged;
import org.cybernorms.compliance.support.Api;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write whose wait for the read models runs out is not silent: it is counted in
 * {@code compliance_read_your_writes_timeouts_total}, and readiness is down until the read models cover that write,
 * then up again. A read model that cannot keep up is made here by a processor of the test's own (a tracking
 * processor like the read models') whose handler holds the pledges it meets until the test lets them go.
 */
@Tag("store-independent")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReadYourWritesTimeoutAlarmTest {

    private static final String MONITOR = "alarm-monitor";
    private static final String ADMIN = "alarm-admin";

    @TempDir
    Path dataDir;

    @Test
    void aWaitThatRunsOutIsCountedAndKeepsReadinessDownUntilTheReadModelsHaveTheWrite() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                ComplianceTrackerApplication.class, SlowReadModel.class)
                .run("--server.port=0", "--compliance.data-dir=" + dataDir,
                        "--compliance.auth.tokens=" + MONITOR + "=MONITOR," + ADMIN + "=ADMIN",
                        "--axon.eventhandling.processors." + SlowReadModel.GROUP + ".mode=tracking",
                        "--compliance.read-your-writes.timeout=1s")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Api admin = new Api(port, ADMIN);
            assertThat(admin.get("/actuator/health/readiness").status()).isEqualTo(200);
            SlowReadModel slow = context.getBean(SlowReadModel.class);

            Api.Response write = new Api(port, MONITOR).post("/api/states/FRA/pledges", """
                    {"instrument":"un-gge-2015","norm":"13a","pledgedOn":"2023-03-01","statement":"Held up"}""");
            assertThat(write.status()).as("answered once the wait ran out").isEqualTo(201);
            assertThat(slow.held.await(30, TimeUnit.SECONDS)).as("the slow read model met the pledge").isTrue();

            assertThat(admin.get("/actuator/prometheus").text())
                    .containsPattern("(?m)^compliance_read_your_writes_timeouts_total\\{[^}]*} 1\\.0$");
            Api.Response down = admin.get("/actuator/health/readiness");
            assertThat(down.status()).isEqualTo(503);
            JsonNode readYourWrites = down.json().get("components").get("readYourWrites");
            assertThat(readYourWrites.get("status").asText()).isEqualTo("DOWN");
            assertThat(readYourWrites.get("details").get("timeouts").asLong()).isEqualTo(1);
            assertThat(readYourWrites.get("details").has("waitingFor")).isTrue();

            slow.release.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Api.Response ready;
            while ((ready = admin.get("/actuator/health/readiness")).status() != 200
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ready.status()).as("ready once the read models have the write: %s", ready.text())
                    .isEqualTo(200);
            JsonNode up = ready.json().get("components").get("readYourWrites");
            assertThat(up.get("status").asText()).isEqualTo("UP");
            assertThat(up.get("details").get("timeouts").asLong()).isEqualTo(1);
            assertThat(up.get("details").has("lastTimeout")).isTrue();
        }
    }

    /** A read model that holds the first pledge it meets until {@link #release} opens. */
    @Configuration(proxyBeanMethods = false)
    static class SlowReadModel {

        static final String GROUP = "slow-read-model";

        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Bean
        Handler slowReadModelHandler() {
            return new Handler(this);
        }

        @ProcessingGroup(GROUP)
        record Handler(SlowReadModel model) {
            @EventHandler
            void on(NormPledged pledge) throws InterruptedException {
                model.held.countDown();
                model.release.await(2, TimeUnit.MINUTES);
            }
        }
    }
}
