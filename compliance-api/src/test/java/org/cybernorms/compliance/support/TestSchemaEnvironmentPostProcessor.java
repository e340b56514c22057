package org.cybernorms.compliance.support;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Arrays;
import java.util.Map;

/**
 * Tests only: every application started on PostgreSQL (profile {@code postgres}) that does not name its schema gets a
 * fresh one ({@link TestStore#freshSchema()}), dropped when its context closes. An application that names its schema
 * ({@code --compliance.db.schema=...}: restarts, several nodes, the crash test) shares it on purpose and drops it
 * itself; so does the benchmark harness with its {@code bench_...} schemas. Nothing here can touch the schema
 * {@code public}.
 */
public class TestSchemaEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("postgres")) {
            return;
        }
        String named = environment.getProperty("compliance.db.schema");
        if (named != null && (named.startsWith(TestStore.SCHEMA_PREFIX) || named.startsWith("bench_"))) {
            return;
        }
        String schema = TestStore.freshSchema();
        environment.getPropertySources().addFirst(new MapPropertySource("test-schema",
                Map.of("compliance.db.schema", schema)));
        application.addInitializers(context -> {
            if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
                // Registered first, so destroyed last: after the processors stopped and the pool closed.
                factory.registerDisposableBean("testSchemaDropper", (DisposableBean) () -> TestStore.dropSchema(schema));
            }
        });
    }
}
