package org.cybernorms.compliance.deployment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/compose.yaml and docker/Dockerfile agree with the application's configuration: the environment variables
 * the tracker service sets are ones the application reads, the ports are the ones it listens on and connects to, the
 * database URL names the PostgreSQL service, and every image is pinned. No Docker engine runs here: this reads the
 * files (with SnakeYAML), it does not build or start them.
 */
@Tag("store-independent")
class DockerComposeFileTest {

    private static Map<String, Object> services;
    private static Map<String, Object> tracker;
    private static Map<String, String> trackerEnv;
    private static Set<String> variablesTheApplicationReads;
    private static Path dockerDir;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        dockerDir = findDockerDirectory();
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(dockerDir.resolve("compose.yaml"))) {
            compose = new Yaml().load(in);
        }
        services = (Map<String, Object>) compose.get("services");
        tracker = (Map<String, Object>) services.get("tracker");
        trackerEnv = ((Map<String, Object>) tracker.get("environment")).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
        variablesTheApplicationReads = placeholdersInApplicationConfiguration();
    }

    @Test
    void hasTheThreeServicesEachWithAHealthCheck() {
        assertThat(services).containsOnlyKeys("axonserver", "postgres", "tracker");
        services.forEach((name, service) ->
                assertThat(service(name)).as(name).containsKey("healthcheck"));
        assertThat(service("tracker").get("depends_on")).isEqualTo(Map.of(
                "axonserver", Map.of("condition", "service_healthy"),
                "postgres", Map.of("condition", "service_healthy")));
    }

    @Test
    void pinsEveryImage() {
        services.forEach((name, service) -> {
            String image = String.valueOf(service(name).get("image"));
            assertThat(image).as(name).matches("[a-z0-9./-]+:[0-9][A-Za-z0-9._-]*").doesNotContain("latest");
        });
        assertThat(String.valueOf(service("axonserver").get("image"))).startsWith("axoniq/axonserver:");
        assertThat(String.valueOf(service("postgres").get("image"))).startsWith("postgres:15.");
    }

    @Test
    void setsOnlyVariablesTheApplicationReads() {
        Set<String> unknown = new TreeSet<>(trackerEnv.keySet());
        unknown.removeAll(variablesTheApplicationReads);
        unknown.remove("SPRING_PROFILES_ACTIVE"); // read by Spring Boot itself
        assertThat(unknown).as("variables the application does not read").isEmpty();
        assertThat(trackerEnv).containsKeys("AXON_SERVER_ADDRESS", "AXON_SERVER_CONTEXT", "AXON_SERVER_TOKEN",
                "COMPLIANCE_DB_URL", "COMPLIANCE_DB_USER", "COMPLIANCE_DB_PASSWORD");
    }

    @Test
    void activatesProfilesThatExist() {
        List<String> profiles = List.of(trackerEnv.get("SPRING_PROFILES_ACTIVE").split(","));
        assertThat(profiles).contains("axonserver", "postgres");
        for (String profile : profiles) {
            assertThat(getClass().getResource("/application-" + profile.trim() + ".yml")).as(profile).isNotNull();
        }
    }

    @Test
    void connectsToAxonServersGrpcPortOnItsService() {
        assertThat(trackerEnv.get("AXON_SERVER_ADDRESS")).isEqualTo("axonserver:8124");
        assertThat(ports("axonserver")).anyMatch(p -> p.endsWith(":8124:8124"))
                .anyMatch(p -> p.endsWith(":8024:8024"));
        Map<String, Object> environment = env("axonserver");
        assertThat(environment).containsEntry("AXONIQ_AXONSERVER_STANDALONE", "true");
        assertThat(String.valueOf(service("axonserver").get("volumes")))
                .contains(":/axonserver/data").contains(":/axonserver/events");
    }

    @Test
    void connectsToThePostgresServiceWithItsDatabaseAndUser() {
        Map<String, Object> postgres = env("postgres");
        assertThat(trackerEnv.get("COMPLIANCE_DB_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(trackerEnv.get("COMPLIANCE_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(trackerEnv.get("COMPLIANCE_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"))
                .as("no default password").startsWith("${COMPLIANCE_DB_PASSWORD:?");
    }

    @Test
    void publishesTheHttpPortTheApplicationListensOn() {
        String port = trackerEnv.get("PORT");
        assertThat(port).isEqualTo("8080");
        assertThat(ports("tracker")).contains(port + ":" + port);
        assertThat(String.valueOf(service("tracker").get("healthcheck")))
                .contains("/dev/tcp/127.0.0.1/" + port).contains("/actuator/health/readiness");
    }

    @Test
    void buildsTheApplicationWithAMultiStageNonRootDockerfile() throws IOException {
        Map<?, ?> build = (Map<?, ?>) tracker.get("build");
        assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");
        List<String> lines = Files.readAllLines(dockerDir.resolve("Dockerfile"));
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(l -> l.matches("FROM [a-z0-9./-]+:[0-9][A-Za-z0-9._-]*( AS \\w+)?"));
        assertThat(lines).anyMatch(l -> l.matches("USER [1-9][0-9]*(:[1-9][0-9]*)?"))
                .anyMatch(l -> l.startsWith("HEALTHCHECK"))
                .anyMatch(l -> l.startsWith("EXPOSE 8080"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(String name) {
        return ((List<Object>) service(name).get("ports")).stream().map(String::valueOf).toList();
    }

    /** Every ${NAME...} of upper-case environment variables in application*.yml. */
    private static Set<String> placeholdersInApplicationConfiguration() throws IOException {
        Path resources = dockerDir.getParent().resolve("compliance-api/src/main/resources");
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.yml")).toList()) {
                Matcher matcher = placeholder.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1));
                }
            }
        }
        assertThat(names).contains("PORT", "COMPLIANCE_DB_URL", "AXON_SERVER_ADDRESS");
        return names;
    }

    private static Path findDockerDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker/compose.yaml"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docker/compose.yaml above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("docker");
    }
}
