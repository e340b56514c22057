package org.cybernorms.plainaxon;

import org.cybernorms.compliance.benchmark.HttpWriteLoad;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The plain Spring Boot and Axon application ({@link PlainAxonConfiguration}), started on a random port on an H2 file
 * in a temporary directory (H2's own settings), in the harness's JVM; closing it stops it and deletes the file.
 * It reads no configuration file (the tracker's application.yml is on the same classpath), Spring Security is left
 * out (the tracker's is on the classpath), and the tracker's {@code META-INF/orm.xml} (its
 * sequence for Axon's global index) is replaced by an empty mapping, so that Axon's JPA entities are mapped as Axon
 * maps them.
 */
public final class PlainAxonApplication implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"reportId\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> STATES = List.of("FRA", "DEU", "USA", "RUS", "CHN", "GBR", "EST", "SGP",
            "KEN", "BRA", "IND", "JPN", "AUS", "NLD", "GHA", "MEX");

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private PlainAxonApplication(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    public static PlainAxonApplication start() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("plain-axon");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("disable-axoniq-console-message", "true");
        // Command-line arguments: they win over everything, and spring.config.name keeps the tracker's
        // application.yml (on the same classpath) out of this application.
        String[] arguments = {
                "--spring.config.name=plain-axon-has-no-config-file",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--spring.application.name=plain-axon",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("plain") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.jpa.hibernate.ddl-auto=update",
                "--spring.jpa.open-in-view=false",
                "--spring.jpa.mapping-resources=plainaxon/orm.xml",
                "--spring.flyway.enabled=false",
                "--spring.jmx.enabled=false",
                "--axon.axonserver.enabled=false",
                "--axoniq.update-checker.disabled=true",
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration,"
                        + "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"};
        try {
            return new PlainAxonApplication(new SpringApplicationBuilder(PlainAxonConfiguration.class)
                    .run(arguments), dataDir);
        } catch (RuntimeException e) {
            deleteTree(dataDir);
            throw e;
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The application's Spring context (its beans and environment). */
    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Events the application's tracking processor has counted. */
    public long eventsCounted() {
        return context.getBean(EventCounter.class).events();
    }

    /**
     * A client's writes: file a report, then add one to three notes to it, four reports open at a time and a random
     * one advanced (about a third of the writes create an aggregate, as in the tracker's mix).
     */
    public HttpWriteLoad.Mix mix(long seed) {
        return new HttpWriteLoad.Mix() {
            private final Random random = new Random(seed);
            private final List<int[]> open = new ArrayList<>(); // {notes left}
            private final List<String> ids = new ArrayList<>();
            private int current = -1;

            @Override
            public HttpWriteLoad.Request next() {
                if (open.size() < 4) {
                    current = -1;
                    String state = STATES.get(random.nextInt(STATES.size()));
                    return new HttpWriteLoad.Request("/reports", "{\"state\":\"" + state + "\",\"norm\":\"13"
                            + (char) ('a' + random.nextInt(11)) + "\",\"summary\":\"Malicious activity against"
                            + " critical infrastructure attributed to " + state + "\"}");
                }
                current = random.nextInt(open.size());
                return new HttpWriteLoad.Request("/reports/" + ids.get(current) + "/notes",
                        "{\"text\":\"We reject the attribution.\"}");
            }

            @Override
            public void answered(HttpWriteLoad.Request request, int status, String body) {
                boolean ok = status >= 200 && status < 300;
                if (current < 0) {
                    Matcher id = ID.matcher(body);
                    if (ok && id.find()) {
                        open.add(new int[] {1 + random.nextInt(3)});
                        ids.add(id.group(1));
                    }
                    return;
                }
                if (--open.get(current)[0] == 0 || !ok) {
                    open.remove(current);
                    ids.remove(current);
                }
            }
        };
    }

    @Override
    public void close() {
        context.close();
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dataDir) {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
