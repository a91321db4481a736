package concord.server.deploy;

import org.yaml.snakeyaml.Yaml;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks deployment files against the application: every environment variable sets a real
 * configuration key (or is one of the few runtime variables), every key in a configuration file exists,
 * ports agree with {@code micronaut.server.port}, the jar is the one the build produces, and no secret
 * value is committed. Collects problems (each naming the file and the fix) instead of failing at the
 * first, and the health paths the files probe, which the test then requests from a running server.
 */
final class DeploymentRules {
    /**
     * Variables read by the JVM, Micronaut's bootstrap or logback.xml rather than bound as configuration
     * keys.
     */
    static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "MICRONAUT_CONFIG_FILES",
            "MICRONAUT_ENVIRONMENTS", "CONCORD_LOG_LEVEL", "CONCORD_LOG_FORMAT");
    private static final Pattern PROJECT_VARIABLE = Pattern.compile("CONCORD_PROJECTS_([A-Z0-9]+)_.+");
    private static final Pattern COMPOSE_INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(TOKEN|SECRET|PASSWORD).*");

    private final ConfigurationKeys keys;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> healthPaths = new TreeSet<>();

    DeploymentRules(ConfigurationKeys keys) {
        this.keys = keys;
    }

    List<String> problems() {
        return problems;
    }

    Set<String> healthPaths() {
        return healthPaths;
    }

    int applicationPort() {
        return Integer.parseInt(keys.defaultOf("micronaut.server.port").orElseThrow());
    }

    /** The port the server listens on when started with this environment on top of the image's. */
    int portWith(Map<String, String> environment) {
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (keys.keyForEnvironment(e.getKey()).filter("micronaut.server.port"::equals).isPresent()) {
                return Integer.parseInt(e.getValue());
            }
        }
        return applicationPort();
    }

    /** Every variable must set a configuration key; project variables must name a configured project. */
    void environment(String where, Map<String, String> environment, Set<String> configuredProjects) {
        for (String name : environment.keySet()) {
            if (RUNTIME_VARIABLES.contains(name)) {
                continue;
            }
            Optional<String> key = keys.keyForEnvironment(name);
            if (key.isEmpty()) {
                problems.add(where + ": environment variable " + name + " sets no configuration key of Concord; "
                        + "known variables are the application.yml placeholders " + keys.placeholders().keySet()
                        + " and the upper-cased keys (see deploy/README.md).");
                continue;
            }
            Matcher project = PROJECT_VARIABLE.matcher(name);
            if (project.matches() && !configuredProjects.contains(project.group(1).toLowerCase(Locale.ROOT))) {
                problems.add(where + ": " + name + " belongs to project '" + project.group(1).toLowerCase(Locale.ROOT)
                        + "', which the configuration does not define (configured: " + configuredProjects
                        + "); it would create a half-configured project. Rename it or add the project.");
            }
        }
    }

    /** Every key of a Concord configuration file must be one the application reads. */
    void configuration(String where, Map<String, Object> tree) {
        for (String key : ConfigurationKeys.flatten(tree).keySet()) {
            if (!keys.isKnownKey(key)) {
                problems.add(where + ": configuration key " + key + " is not read by Concord; check the spelling "
                        + "against deploy/README.md.");
            }
        }
    }

    static Set<String> projects(Map<String, Object> tree) {
        Object concord = tree == null ? null : tree.get("concord");
        Object projects = concord instanceof Map<?, ?> c ? c.get("projects") : null;
        Set<String> out = new TreeSet<>();
        if (projects instanceof Map<?, ?> p) {
            p.keySet().forEach(k -> out.add(String.valueOf(k)));
        }
        return out;
    }

    /** The image: the jar the build produces, a non-root user, the server port, and its health check. */
    void dockerfile(String where, Dockerfile file, String builtJar) {
        List<Dockerfile.Instruction> copies = file.all("COPY");
        String jarInImage = null;
        for (Dockerfile.Instruction copy : copies) {
            List<String> paths = Dockerfile.paths(copy.arguments());
            if (paths.size() == 2 && paths.get(0).endsWith(".jar")) {
                if (!paths.get(0).equals(builtJar)) {
                    problems.add(where + " line " + copy.line() + ": copies " + paths.get(0) + " but the build produces "
                            + builtJar + " (server/pom.xml finalName).");
                }
                jarInImage = paths.get(1);
            }
        }
        if (jarInImage == null) {
            problems.add(where + ": no COPY of " + builtJar + " into the image.");
        }
        List<Dockerfile.Instruction> entrypoints = file.all("ENTRYPOINT");
        if (entrypoints.isEmpty()) {
            problems.add(where + ": no ENTRYPOINT.");
        } else {
            List<String> command = Dockerfile.execForm(entrypoints.get(entrypoints.size() - 1).arguments());
            int jarFlag = command.indexOf("-jar");
            if (jarFlag < 0 || jarFlag + 1 >= command.size() || !command.get(jarFlag + 1).equals(jarInImage)) {
                problems.add(where + ": ENTRYPOINT " + command + " does not run the copied jar " + jarInImage + ".");
            }
        }
        List<Dockerfile.Instruction> users = file.all("USER");
        if (users.isEmpty() || users.get(users.size() - 1).arguments().matches("(root|0)(:.*)?")) {
            problems.add(where + ": the image must switch to a non-root USER.");
        }
        Map<String, String> env = file.environment();
        environment(where, env, Set.of());
        int port = portWith(env);
        if (!file.exposedPorts().equals(List.of(port))) {
            problems.add(where + ": EXPOSE " + file.exposedPorts() + " but the server listens on " + port
                    + " (micronaut.server.port).");
        }
        List<Dockerfile.Instruction> checks = file.all("HEALTHCHECK");
        if (checks.isEmpty()) {
            problems.add(where + ": no HEALTHCHECK.");
        }
        for (Dockerfile.Instruction check : checks) {
            Matcher url = Pattern.compile("https?://[^\\s'\"]+").matcher(check.arguments());
            if (!url.find()) {
                problems.add(where + " line " + check.line() + ": HEALTHCHECK names no URL.");
                continue;
            }
            URI uri = URI.create(url.group());
            healthPaths.add(uri.getPath());
            if (uri.getPort() != port) {
                problems.add(where + " line " + check.line() + ": HEALTHCHECK asks port " + uri.getPort()
                        + " but the server listens on " + port + ".");
            }
        }
    }

    /** Compose: the concord service's environment, published port, mounted configuration and .env names. */
    @SuppressWarnings("unchecked")
    void compose(String where, String composeText, Set<String> dotenvNames, Map<String, String> deployFiles,
                 int imagePort) {
        Map<String, Object> tree = new Yaml().load(composeText);
        Map<String, Object> services = (Map<String, Object>) tree.get("services");
        Map<String, Object> concord = services == null ? null : (Map<String, Object>) services.get("concord");
        if (concord == null) {
            problems.add(where + ": no service 'concord'.");
            return;
        }
        Matcher interpolation = COMPOSE_INTERPOLATION.matcher(composeText);
        Set<String> interpolated = new LinkedHashSet<>();
        while (interpolation.find()) {
            interpolated.add(interpolation.group(1));
        }
        for (String name : interpolated) {
            if (!dotenvNames.contains(name)) {
                problems.add(where + ": ${" + name + "} is not listed in .env.example.");
            }
        }
        Map<String, String> env = stringMap(concord.get("environment"));
        Map<String, Object> config = mountedConfiguration(where, env, (List<Object>) concord.get("volumes"), deployFiles);
        environment(where + " (service concord)", env, projects(config));
        int port = env.containsKey("CONCORD_PORT") || env.containsKey("MICRONAUT_SERVER_PORT") ? portWith(env) : imagePort;
        for (Object mapping : (List<Object>) concord.getOrDefault("ports", List.of())) {
            String[] parts = String.valueOf(mapping).split(":");
            int container = Integer.parseInt(parts[parts.length - 1].replaceAll("/(tcp|udp)$", ""));
            if (container != port) {
                problems.add(where + ": publishes container port " + container + " but Concord listens on " + port + ".");
            }
        }
        Object dependsOn = concord.get("depends_on");
        if (!(dependsOn instanceof Map<?, ?> deps) || !(deps.get("postgres") instanceof Map<?, ?> pg)
                || !"service_healthy".equals(pg.get("condition"))) {
            problems.add(where + ": concord must depend on postgres with condition service_healthy.");
        }
    }

    /** The file MICRONAUT_CONFIG_FILES names, found through the bind mounts, checked and returned. */
    private Map<String, Object> mountedConfiguration(String where, Map<String, String> env, List<Object> volumes,
                                                     Map<String, String> deployFiles) {
        String target = env.get("MICRONAUT_CONFIG_FILES");
        if (target == null) {
            return Map.of();
        }
        for (Object volume : volumes == null ? List.of() : volumes) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].equals(target)) {
                String source = parts[0].replaceFirst("^\\./", "");
                String text = deployFiles.get(source);
                if (text == null) {
                    problems.add(where + ": mounts " + parts[0] + " as " + target + " but deploy/" + source + " does not exist.");
                    return Map.of();
                }
                Map<String, Object> config = new Yaml().load(text);
                configuration("deploy/" + source, config);
                return config;
            }
        }
        problems.add(where + ": MICRONAUT_CONFIG_FILES=" + target + " but no volume is mounted there.");
        return Map.of();
    }

    /** Kubernetes: the Deployment's env (with the Secret's keys), probes, ports, and the ConfigMap's file. */
    @SuppressWarnings("unchecked")
    void kubernetes(String where, Map<String, Object> deployment, Map<String, Object> configMap,
                    Map<String, Object> secret, Map<String, Object> service, int imagePort) {
        Map<String, Object> podSpec = (Map<String, Object>) path(deployment, "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
            env.put(String.valueOf(e.get("name")), e.get("value") == null ? "<from " + e.keySet() + ">" : String.valueOf(e.get("value")));
        }
        Map<String, String> secretData = stringMap(secret.get("stringData"));
        secretData.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches() && !value.matches("<[^>]+>")) {
                problems.add(where + " Secret: " + name + " carries a value; the template must hold only <placeholders>.");
            }
        });
        env.putAll(secretData);

        Map<String, Object> config = Map.of();
        String configFile = env.get("MICRONAUT_CONFIG_FILES");
        if (configFile != null) {
            Map<String, String> data = stringMap(configMap.get("data"));
            String fileName = configFile.substring(configFile.lastIndexOf('/') + 1);
            if (!data.containsKey(fileName)) {
                problems.add(where + ": MICRONAUT_CONFIG_FILES=" + configFile + " but the ConfigMap has no key " + fileName + ".");
            } else {
                config = new Yaml().load(data.get(fileName));
                configuration(where + " ConfigMap " + fileName, config);
            }
        }
        environment(where + " Deployment", env, projects(config));

        int port = env.containsKey("CONCORD_PORT") ? portWith(env) : imagePort;
        Map<String, Integer> named = new LinkedHashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) container.getOrDefault("ports", List.of())) {
            named.put(String.valueOf(p.get("name")), (Integer) p.get("containerPort"));
            if (!Integer.valueOf(port).equals(p.get("containerPort"))) {
                problems.add(where + ": containerPort " + p.get("containerPort") + " but Concord listens on " + port + ".");
            }
        }
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Object get = path(container, probe, "httpGet");
            if (!(get instanceof Map<?, ?> http)) {
                if (!probe.equals("startupProbe")) {
                    problems.add(where + ": " + probe + " must be an httpGet on a health endpoint.");
                }
                continue;
            }
            healthPaths.add(String.valueOf(http.get("path")));
            Object p = http.get("port");
            Integer resolved = p instanceof Integer i ? i : named.get(String.valueOf(p));
            if (resolved == null || resolved != port) {
                problems.add(where + ": " + probe + " probes port " + p + ", not Concord's port " + port + ".");
            }
        }
        Object target = ((List<Map<String, Object>>) path(service, "spec", "ports")).get(0).get("targetPort");
        Integer targetPort = target instanceof Integer i ? i : named.get(String.valueOf(target));
        if (targetPort == null || targetPort != port) {
            problems.add(where + ": Service targetPort " + target + " does not reach Concord's port " + port + ".");
        }
    }

    private static Object path(Map<String, Object> node, String... names) {
        Object current = node;
        for (String name : names) {
            current = current instanceof Map<?, ?> m ? m.get(name) : null;
        }
        return current;
    }

    private static Map<String, String> stringMap(Object node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (node instanceof List<?> list) { // compose's "- NAME=value" form
            for (Object item : list) {
                String[] kv = String.valueOf(item).split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return out;
    }
}
