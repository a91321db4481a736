package concord.server.deploy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files under {@code deploy/} agree with the application: environment variables and configuration
 * keys exist, ports match {@code micronaut.server.port}, the jar is the build's, health paths are served,
 * and the README documents every key. Each rule is also shown to fail on a broken copy.
 */
class DeploymentFilesTest {
    private static final Path ROOT = repositoryRoot();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final ConfigurationKeys KEYS = ConfigurationKeys.ofApplication();

    @Test
    void deploymentFilesUseOnlyRealPortsKeysAndVariables() throws IOException {
        DeploymentRules rules = checkAll(read("Dockerfile"), read("compose.yaml"), read("kubernetes/deployment.yaml"),
                read("kubernetes/secret.example.yaml"));
        assertEquals(List.of(), rules.problems());
        assertEquals(Set.of("/health/liveness", "/health/readiness"), rules.healthPaths());
    }

    @Test
    void healthPathsProbedByTheFilesAreServed() throws Exception {
        DeploymentRules rules = checkAll(read("Dockerfile"), read("compose.yaml"), read("kubernetes/deployment.yaml"),
                read("kubernetes/secret.example.yaml"));
        Set<String> paths = new LinkedHashSet<>(rules.healthPaths());
        paths.add("/healthz"); // not served: proves the request below can tell
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.url", "jdbc:h2:mem:deploy-health;DB_CLOSE_DELAY=-1");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            HttpClient http = HttpClient.newHttpClient();
            Map<String, Integer> status = new LinkedHashMap<>();
            for (String path : paths) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                status.put(path, response.statusCode());
            }
            Map<String, Integer> expected = new LinkedHashMap<>();
            rules.healthPaths().forEach(p -> expected.put(p, 200));
            expected.put("/healthz", 404);
            assertEquals(expected, status);
        }
    }

    @Test
    void readmeDocumentsEveryConfigurationKeyWithItsVariable() throws IOException {
        String readme = read("README.md");
        for (String key : KEYS.keys().keySet()) {
            if (!key.startsWith("concord.")) {
                continue;
            }
            String shown = key.replace("*", "<id>");
            assertTrue(readme.contains("`" + shown + "`"),
                    "deploy/README.md must document " + shown + ": add a row to its configuration reference");
            String variable = shown.toUpperCase().replace('.', '_').replace('-', '_');
            assertTrue(readme.contains("`" + variable + "`"),
                    "deploy/README.md must give " + variable + ", the environment variable of " + shown);
        }
        for (String placeholder : KEYS.placeholders().keySet()) {
            assertTrue(readme.contains("`" + placeholder + "`"), "deploy/README.md must document " + placeholder);
        }
    }

    @Test
    void aMisspelledVariableIsReported() throws IOException {
        String compose = read("compose.yaml").replace("CONCORD_DB_USER: concord", "CONCORD_DB_USERNAME: concord");
        DeploymentRules rules = checkAll(read("Dockerfile"), compose, read("kubernetes/deployment.yaml"),
                read("kubernetes/secret.example.yaml"));
        assertEquals(1, rules.problems().size(), rules.problems()::toString);
        assertTrue(rules.problems().get(0).contains("CONCORD_DB_USERNAME sets no configuration key"), rules.problems()::toString);
    }

    @Test
    void aVariableOfAnUnconfiguredProjectIsReported() throws IOException {
        String secret = read("kubernetes/secret.example.yaml")
                .replace("CONCORD_PROJECTS_CLBPOQ_TOKEN", "CONCORD_PROJECTS_CLBP_TOKEN");
        DeploymentRules rules = checkAll(read("Dockerfile"), read("compose.yaml"), read("kubernetes/deployment.yaml"), secret);
        assertEquals(1, rules.problems().size(), rules.problems()::toString);
        assertTrue(rules.problems().get(0).contains("CONCORD_PROJECTS_CLBP_TOKEN belongs to project 'clbp'"),
                rules.problems()::toString);
    }

    @Test
    void anUnknownConfigurationKeyIsReported() {
        DeploymentRules rules = new DeploymentRules(KEYS);
        rules.configuration("concord.yml", new Yaml().load("concord:\n  runs:\n    leese: 2m\n    lease: 2m\n"
                + "  projects:\n    demo:\n      publish:\n        formats: html\n        fromats: pdf\n"));
        assertEquals(List.of(
                "concord.yml: configuration key concord.projects.demo.publish.fromats is not read by Concord; check the spelling against deploy/README.md.",
                "concord.yml: configuration key concord.runs.leese is not read by Concord; check the spelling against deploy/README.md."),
                rules.problems());
    }

    @Test
    void aWrongPortJarOrUserInTheImageIsReported() throws IOException {
        String dockerfile = read("Dockerfile").replace("EXPOSE 8080", "EXPOSE 8081")
                .replace("server/target/concord.jar", "server/target/concord-server-0.1.0.jar")
                .replace("USER 10001:10001", "USER root");
        DeploymentRules rules = new DeploymentRules(KEYS);
        rules.dockerfile("Dockerfile", Dockerfile.parse(dockerfile), builtJar());
        assertEquals(3, rules.problems().size(), rules.problems()::toString);
        assertContains(rules.problems(), "EXPOSE [8081] but the server listens on 8080");
        assertContains(rules.problems(), "copies server/target/concord-server-0.1.0.jar but the build produces server/target/concord.jar");
        assertContains(rules.problems(), "non-root USER");
    }

    @Test
    void aProbeOnAnotherPortAndACommittedSecretAreReported() throws IOException {
        String deployment = read("kubernetes/deployment.yaml").replace("containerPort: 8080", "containerPort: 9090");
        String secret = read("kubernetes/secret.example.yaml").replace("\"<PostgreSQL password>\"", "hunter2");
        DeploymentRules rules = checkAll(read("Dockerfile"), read("compose.yaml"), deployment, secret);
        assertContains(rules.problems(), "kubernetes Secret: CONCORD_DB_PASSWORD carries a value");
        assertContains(rules.problems(), "kubernetes: containerPort 9090 but Concord listens on 8080.");
        assertContains(rules.problems(), "kubernetes: livenessProbe probes port http, not Concord's port 8080.");
    }

    @Test
    void dockerfileParserJoinsContinuationsAndSkipsComments() {
        Dockerfile file = Dockerfile.parse("# c\nFROM x\nENV A=1 \\\n    B=\"two words\"\n\nEXPOSE 80/tcp\n"
                + "RUN a \\\n# inner comment\n && b\nENTRYPOINT [\"java\", \"-jar\", \"/a.jar\"]\n");
        assertEquals(List.of("FROM", "ENV", "EXPOSE", "RUN", "ENTRYPOINT"),
                file.instructions().stream().map(Dockerfile.Instruction::keyword).toList());
        assertEquals(Map.of("A", "1", "B", "two words"), file.environment());
        assertEquals(List.of(80), file.exposedPorts());
        assertEquals("a  && b", file.all("RUN").get(0).arguments());
        assertEquals(List.of("java", "-jar", "/a.jar"), Dockerfile.execForm(file.all("ENTRYPOINT").get(0).arguments()));
    }

    @Test
    void environmentNamesFollowMicronautsRule() {
        assertEquals(Optional.of("concord.runs.worker-id"), KEYS.keyForEnvironment("CONCORD_RUNS_WORKER_ID"));
        assertEquals(Optional.of("concord.projects.*.det-secret"), KEYS.keyForEnvironment("CONCORD_PROJECTS_ALPHA_DET_SECRET"));
        assertEquals(Optional.of("micronaut.server.port"), KEYS.keyForEnvironment("CONCORD_PORT"));
        assertEquals(Optional.empty(), KEYS.keyForEnvironment("CONCORD_RUN_LEASE"));
    }

    @Test
    void theLogVariablesAreReadByTheShippedLogbackConfiguration() throws IOException {
        try (var in = DeploymentFilesTest.class.getClassLoader().getResourceAsStream("logback.xml")) {
            assertTrue(in != null, "server/src/main/resources/logback.xml is on the classpath");
            String logback = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(logback.contains("${CONCORD_LOG_LEVEL"),
                    "logback.xml reads CONCORD_LOG_LEVEL, which DeploymentRules accepts as a runtime variable");
            assertTrue(logback.contains(concord.server.logging.LogFormat.class.getName()),
                    "logback.xml reads CONCORD_LOG_FORMAT through LogFormat, which DeploymentRules accepts as a runtime variable");
        }
    }

    private static DeploymentRules checkAll(String dockerfileText, String compose, String deployment, String secret)
            throws IOException {
        DeploymentRules rules = new DeploymentRules(KEYS);
        Dockerfile dockerfile = Dockerfile.parse(dockerfileText);
        rules.dockerfile("Dockerfile", dockerfile, builtJar());
        int imagePort = rules.portWith(dockerfile.environment());
        Map<String, String> deployFiles = Map.of("concord.yml", read("concord.yml"));
        rules.compose("compose.yaml", compose, dotenvNames(), deployFiles, imagePort);
        Yaml yaml = new Yaml();
        rules.kubernetes("kubernetes", yaml.load(deployment), yaml.load(read("kubernetes/configmap.yaml")),
                yaml.load(secret), yaml.load(read("kubernetes/service.yaml")), imagePort);
        return rules;
    }

    private static void assertContains(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> "expected a problem containing '"
                + expected + "' among " + problems);
    }

    private static Set<String> dotenvNames() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : read(".env.example").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.substring(0, line.indexOf('=')).trim());
            }
        }
        return names;
    }

    /** The jar the server build produces: server/target/{finalName}.jar. */
    static String builtJar() throws IOException {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(
                Files.readString(ROOT.resolve("server/pom.xml")));
        assertTrue(finalName.find(), "server/pom.xml declares a finalName");
        return "server/target/" + finalName.group(1) + ".jar";
    }

    private static String read(String name) throws IOException {
        return Files.readString(DEPLOY.resolve(name));
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("server/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the tests inside the Concord repository: no deploy/ and server/pom.xml above "
                + Path.of("").toAbsolutePath());
    }
}
