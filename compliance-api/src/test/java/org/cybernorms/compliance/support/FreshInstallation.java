package org.cybernorms.compliance.support;

import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second, independent installation of the tracker: its own application context on a new data directory (so its
 * own embedded store), on a random port, with the same test tokens as {@link EmbeddedStoreTest}. As at any first
 * start, it seeds un-gge-2015.
 */
public final class FreshInstallation implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    public FreshInstallation(String... extraArguments) {
        try {
            dataDir = Files.createTempDirectory("compliance-fresh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] arguments = new String[3 + extraArguments.length];
        boolean portGiven = java.util.Arrays.stream(extraArguments).anyMatch(a -> a.startsWith("--server.port="));
        arguments[0] = portGiven ? "--spring.main.banner-mode=off" : "--server.port=0";
        arguments[1] = "--compliance.data-dir=" + dataDir;
        arguments[2] = "--compliance.auth.tokens=" + String.join(",",
                EmbeddedStoreTest.MONITOR + "=MONITOR", EmbeddedStoreTest.ADMIN + "=ADMIN",
                EmbeddedStoreTest.HISTORIAN + "=HISTORIAN");
        System.arraycopy(extraArguments, 0, arguments, 3, extraArguments.length);
        context = new SpringApplicationBuilder(ComplianceTrackerApplication.class).run(arguments);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A client acting with {@code token}. */
    public Api as(String token) {
        return new Api(port(), token);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
