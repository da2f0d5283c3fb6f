package fr.marelle.systemtests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The production deployment files ({@code docker-compose.yml}, {@code docker/}), checked by reading them: no Docker
 * engine runs where the tests run, so the images are not built and the stack is not started here. What is checked is
 * what would otherwise only show at deployment time: every application is there, built from its own jar, listens
 * where its health check and the gateway look, uses its own database which the init script creates, waits for
 * PostgreSQL and Kafka, never calls Axon's vendor, and carries no secret; Axon Server stays an opt-in profile.
 * When a {@code docker compose} that works is on the path, the files are also given to {@code docker compose config}.
 */
class DockerComposeFileTest {

    /** An application: its compose service and Maven module (same name), its HTTP port and its database. */
    record App(String name, int port, String database, boolean eventSourced) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<App> APPS = List.of(
            new App("accounts-service", 8081, "marelle_accounts", true),
            new App("children-service", 8082, "marelle_children", true),
            new App("planning-service", 8083, "marelle_planning", true),
            new App("billing-service", 8084, "marelle_billing", true),
            new App("wallet-service", 8085, "marelle_wallet", true),
            new App("notification-service", 8086, "marelle_notification", true),
            new App("gateway", 8080, "marelle_gateway", false));

    static final String AXON_SERVER_PROFILE = "axon-server";
    static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?])?([^}]*)}");
    static final Pattern HEALTH_URL = Pattern.compile("https?://(?:localhost|127\\.0\\.0\\.1):(\\d+)(/actuator/health[^\\s\"']*)");
    static final Pattern INIT_SCRIPT_DATABASE = Pattern.compile("(?m)^create_service_database\\s+(\\S+)\\s+(\\S+)\\s*$");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|PRIVATE_?KEY|SECRET).*");

    static Path root;
    static Path composeFile;
    static String composeText;
    static Map<String, Object> compose;
    static Map<String, Object> services;
    static Map<String, Object> axonServerOverride;
    static String dockerfile;

    @BeforeAll
    static void readFiles() throws IOException {
        root = repositoryRoot();
        composeFile = root.resolve("docker-compose.yml");
        assertThat(composeFile).as("the production compose file at the repository root").isRegularFile();
        composeText = Files.readString(composeFile);
        compose = yaml(composeFile);
        services = map(compose.get("services"), "services");
        axonServerOverride = yaml(root.resolve("docker/docker-compose.axon-server.yml"));
        dockerfile = Files.readString(root.resolve("docker/Dockerfile"));
    }

    static Stream<App> apps() {
        return APPS.stream();
    }

    static Stream<App> eventSourcedApps() {
        return APPS.stream().filter(App::eventSourced);
    }

    // ------------------------------------------------------------------ the applications

    @Test
    void everyApplicationAndTheInfrastructureAreServices() {
        assertThat(services.keySet())
                .as("services of docker-compose.yml")
                .containsAll(APPS.stream().map(App::name).toList())
                .contains("postgres", "kafka", "axonserver");
    }

    @ParameterizedTest
    @MethodSource("apps")
    void applicationIsBuiltFromItsOwnJarWithItsPort(App app) throws IOException {
        Map<String, Object> service = service(app.name());
        Map<String, Object> build = map(service.get("build"), app + ".build");
        assertThat(root.resolve(String.valueOf(build.get("context"))).normalize()).as(app + " build context").isEqualTo(root);
        Path dockerfilePath = root.resolve(String.valueOf(build.get("dockerfile")));
        assertThat(dockerfilePath).as(app + " Dockerfile").isRegularFile();
        Map<String, Object> args = map(build.get("args"), app + ".build.args");
        assertThat(string(args.get("MODULE"))).as(app + " MODULE build arg").isEqualTo(app.name());
        assertThat(string(args.get("PORT"))).as(app + " PORT build arg").isEqualTo(String.valueOf(app.port()));

        // The Dockerfile copies <module>/target/<module>.jar: the module must build a jar of that name.
        Path pom = root.resolve(app.name()).resolve("pom.xml");
        assertThat(pom).as("Maven module of " + app).isRegularFile();
        Matcher finalName = Pattern.compile("<finalName>\\s*([^<\\s]+)\\s*</finalName>").matcher(Files.readString(pom));
        assertThat(finalName.find()).as(pom + " declares a finalName").isTrue();
        assertThat(finalName.group(1)).as("jar name of " + app).isEqualTo(app.name());
        assertThat(Files.readString(root.resolve("docker/Dockerfile.dockerignore")))
                .as("docker/Dockerfile.dockerignore lets the jar of " + app + " into the build context")
                .contains("!" + app.name() + "/target/" + app.name() + ".jar");

        assertThat(string(service.get("image"))).as(app + " image").contains("/" + app.name() + ":");
        assertThat(service).as(app + " can be scaled: no fixed container name").doesNotContainKey("container_name");
        assertThat(string(service.get("restart"))).as(app + " restart policy").isIn("unless-stopped", "always");
        assertThat(service).as(app + " runs by default, not under a profile").doesNotContainKey("profiles");
        if (Boolean.TRUE.equals(service.get("read_only"))) {
            assertThat(list(service.get("tmpfs"), app + ".tmpfs")).as(app + " has a read-only root but a writable /tmp")
                    .anyMatch(mount -> mount.equals("/tmp") || mount.startsWith("/tmp:"));
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void healthCheckAsksTheApplicationOnItsServerPort(App app) {
        Map<String, Object> service = service(app.name());
        Map<String, Object> env = environment(service);
        assertThat(string(env.get("SERVER_PORT"))).as(app + " SERVER_PORT").isEqualTo(String.valueOf(app.port()));

        Map<String, Object> healthcheck = map(service.get("healthcheck"), app + ".healthcheck");
        List<String> test = list(healthcheck.get("test"), app + ".healthcheck.test");
        assertThat(test.get(0)).as(app + " health check form").isIn("CMD", "CMD-SHELL");
        Matcher url = HEALTH_URL.matcher(String.join(" ", test));
        assertThat(url.find()).as(app + " health check calls /actuator/health on the container: " + test).isTrue();
        assertThat(url.group(1)).as(app + " health check port = SERVER_PORT").isEqualTo(string(env.get("SERVER_PORT")));
        assertThat(url.group(2)).as(app + " health endpoint").isIn(
                "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness");
        assertThat(healthcheck).as(app + " health check timing").containsKeys("interval", "timeout", "retries", "start_period");
        if (test.contains("curl") || test.stream().anyMatch(part -> part.startsWith("curl "))) {
            // curl is in eclipse-temurin's Ubuntu images, not in distroless or every Alpine image.
            assertThat(dockerfileArg("JAVA_IMAGE")).as("base image of docker/Dockerfile, which must provide curl")
                    .startsWith("eclipse-temurin:").doesNotContain("alpine");
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void applicationUsesItsOwnDatabaseOnThePostgresService(App app) {
        Map<String, Object> env = environment(service(app.name()));
        URI url = URI.create(string(env.get("SPRING_DATASOURCE_URL")).substring("jdbc:".length()));
        assertThat(url.getScheme()).as(app + " datasource").isEqualTo("postgresql");
        assertThat(url.getHost()).as(app + " database host").isEqualTo("postgres");
        assertThat(url.getPort()).as(app + " database port").isIn(-1, 5432);
        assertThat(url.getPath()).as(app + " database").isEqualTo("/" + app.database());
        // Role name = database name: the init script grants each role its own database only.
        assertThat(string(env.get("SPRING_DATASOURCE_USERNAME"))).as(app + " database user").isEqualTo(app.database());
        assertThat(string(env.get("SPRING_DATASOURCE_PASSWORD"))).as(app + " database password").matches(INTERPOLATION.pattern());
    }

    @Test
    void noTwoApplicationsShareADatabaseOrARole() {
        Map<String, List<String>> byDatabase = new HashMap<>();
        Map<String, List<String>> byUser = new HashMap<>();
        services.forEach((name, service) -> {
            Map<String, Object> env = environment(map(service, name));
            if (env.containsKey("SPRING_DATASOURCE_URL")) {
                byDatabase.computeIfAbsent(string(env.get("SPRING_DATASOURCE_URL")), k -> new ArrayList<>()).add(name);
                byUser.computeIfAbsent(string(env.get("SPRING_DATASOURCE_USERNAME")), k -> new ArrayList<>()).add(name);
            }
        });
        assertThat(byDatabase).as("applications by database").hasSize(APPS.size());
        assertThat(byDatabase.values()).as("applications by database").allMatch(names -> names.size() == 1);
        assertThat(byUser.values()).as("applications by database user").allMatch(names -> names.size() == 1);
    }

    @Test
    void initScriptCreatesEveryDatabaseWithThePasswordItsApplicationUses() throws IOException {
        Map<String, Object> postgres = service("postgres");
        List<String> volumes = list(postgres.get("volumes"), "postgres.volumes");
        String initMount = volumes.stream().filter(v -> v.contains(":/docker-entrypoint-initdb.d")).findFirst()
                .orElseGet(() -> fail("postgres mounts no /docker-entrypoint-initdb.d: " + volumes));
        Path initDir = root.resolve(initMount.substring(0, initMount.indexOf(':'))).normalize();
        assertThat(initDir).as("init scripts of postgres").isDirectory();

        Map<String, String> passwordVariableByDatabase = new LinkedHashMap<>();
        try (Stream<Path> scripts = Files.list(initDir)) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).sorted().toList()) {
                assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
                Matcher m = INIT_SCRIPT_DATABASE.matcher(Files.readString(script));
                while (m.find()) {
                    passwordVariableByDatabase.put(m.group(1), m.group(2));
                }
            }
        }
        Set<String> referenced = APPS.stream().map(App::database).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(passwordVariableByDatabase.keySet())).as("databases created by the init script")
                .isEqualTo(referenced);

        Map<String, Object> postgresEnv = environment(postgres);
        for (App app : APPS) {
            String variable = passwordVariableByDatabase.get(app.database());
            Matcher password = INTERPOLATION.matcher(string(environment(service(app.name())).get("SPRING_DATASOURCE_PASSWORD")));
            assertThat(password.matches()).isTrue();
            assertThat(password.group(1)).as(app + " uses the password the init script gives its role").isEqualTo(variable);
            assertThat(string(postgresEnv.get(variable))).as("postgres gets " + variable + " for the init script")
                    .startsWith("${" + variable + ":?");
        }
    }

    @ParameterizedTest
    @MethodSource("apps")
    void applicationWaitsForHealthyPostgresAndKafka(App app) {
        Map<String, Object> env = environment(service(app.name()));
        Map<String, Object> dependsOn = map(service(app.name()).get("depends_on"), app + ".depends_on");
        for (String infrastructure : List.of("postgres", "kafka")) {
            assertThat(string(map(dependsOn.get(infrastructure), app + ".depends_on." + infrastructure).get("condition")))
                    .as(app + " waits for " + infrastructure).isEqualTo("service_healthy");
        }
        Map<String, Object> kafkaEnv = environment(service("kafka"));
        assertThat("PLAINTEXT://" + string(env.get("MARELLE_KAFKA_BOOTSTRAP")))
                .as(app + " Kafka bootstrap = the broker's advertised listener")
                .isEqualTo(string(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")));
    }

    @Test
    void gatewayWaitsForTheServicesAndCallsThemOnTheirPorts() {
        Map<String, Object> gateway = service("gateway");
        Map<String, Object> dependsOn = map(gateway.get("depends_on"), "gateway.depends_on");
        Map<String, Object> env = environment(gateway);
        for (App app : APPS.stream().filter(App::eventSourced).toList()) {
            assertThat(string(map(dependsOn.get(app.name()), "gateway.depends_on." + app).get("condition")))
                    .as("gateway waits for " + app).isEqualTo("service_healthy");
            String key = "MARELLE_SERVICES_" + app.name().replace("-service", "").toUpperCase() + "_URL";
            assertThat(string(env.get(key))).as("gateway " + key).isEqualTo("http://" + app.name() + ":" + app.port());
        }
        for (String required : List.of("MARELLE_SERVICETOKEN_PRIVATEKEY", "MARELLE_TOWN_NAME")) {
            assertThat(string(env.get(required))).as("gateway " + required).startsWith("${" + required + ":?");
        }
        // the first administrator is accounts-service's business: the gateway holds no credentials
        assertThat(env).doesNotContainKeys("MARELLE_ADMIN_EMAIL", "MARELLE_ADMIN_PASSWORD");
        Map<String, Object> accounts = environment(service("accounts-service"));
        for (String required : List.of("MARELLE_ADMIN_EMAIL", "MARELLE_ADMIN_PASSWORD", "MARELLE_ACCOUNTS_SECRETKEY")) {
            assertThat(string(accounts.get(required))).as("accounts-service " + required)
                    .startsWith("${" + required + ":?");
        }
    }

    @Test
    void onlyTheGatewayIsPublishedAndOnThePortItListensOn() {
        for (App app : APPS) {
            Map<String, Object> service = service(app.name());
            if (app.name().equals("gateway")) {
                List<String> ports = list(service.get("ports"), "gateway.ports");
                assertThat(ports).hasSize(1);
                String port = ports.get(0);
                assertThat(port.substring(port.lastIndexOf(':') + 1)).as("gateway container port")
                        .isEqualTo(string(environment(service).get("SERVER_PORT")));
            } else {
                assertThat(service).as(app + " is reached through the gateway only").doesNotContainKey("ports");
            }
        }
        assertThat(service("postgres")).doesNotContainKey("ports");
        assertThat(service("kafka")).doesNotContainKey("ports");
    }

    @Test
    void dockerfileRunsTheLayeredJarAsAnUnprivilegedUserOnItsPort() {
        assertThat(dockerfile)
                .as("docker/Dockerfile")
                .containsPattern("(?m)^ARG MODULE\\s*$")
                .containsPattern("(?m)^ARG PORT(=\\d+)?\\s*$")
                .contains("COPY ${MODULE}/target/${MODULE}.jar")
                .containsPattern("(?m)^EXPOSE \\$\\{PORT}\\s*$")
                .contains("SERVER_PORT=${PORT}")
                .contains("-Djarmode=tools")
                .contains("MaxRAMPercentage")
                .contains("-Daxoniq.update-checker.disabled=true")
                .containsPattern("(?m)^HEALTHCHECK .*\\n?.*/actuator/health")
                .contains("org.springframework.boot.loader.launch.JarLauncher");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$").matcher(dockerfile);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        assertThat(lastUser).as("user the application runs as").isNotNull()
                .doesNotMatch("(root|0)(:.*)?");
    }

    // ------------------------------------------------------------------ no call out, no secret

    @Test
    void axonUpdateCheckerIsOffEverywhere() {
        for (App app : APPS) {
            assertThat(string(environment(service(app.name())).get("AXONIQ_UPDATE_CHECKER_DISABLED")))
                    .as(app + " AXONIQ_UPDATE_CHECKER_DISABLED").isEqualTo("true");
        }
        assertThat(string(environment(service("axonserver")).get("AXONIQ_UPDATE_CHECKER_DISABLED")))
                .as("axonserver AXONIQ_UPDATE_CHECKER_DISABLED").isEqualTo("true");
    }

    @Test
    void noSecretIsWrittenInTheComposeFiles() throws IOException {
        for (Map<String, Object> file : List.of(compose, axonServerOverride)) {
            map(file.get("services"), "services").forEach((name, service) ->
                    environment(map(service, name)).forEach((key, value) -> {
                        if (SECRET_NAME.matcher(key).matches() || key.endsWith("PUBLICKEY")) {
                            Matcher m = INTERPOLATION.matcher(string(value));
                            assertThat(m.matches()).as(name + " " + key + " comes from the environment, not the file: " + value)
                                    .isTrue();
                            // required (:?), or optional with an empty default (:-), never a default value
                            boolean required = ":?".equals(m.group(2));
                            boolean emptyDefault = (":-".equals(m.group(2)) || "-".equals(m.group(2))) && m.group(3).isEmpty();
                            assertThat(required || emptyDefault).as(name + " " + key + " has no default: " + value).isTrue();
                        }
                    }));
        }
        for (String required : List.of("POSTGRES_PASSWORD")) {
            assertThat(string(environment(service("postgres")).get(required))).startsWith("${" + required + ":?");
        }
        assertThat(composeText).as("docker-compose.yml").doesNotContain("-----BEGIN");

        // The example env file documents the variables but ships no secret value.
        Path example = root.resolve("docker/marelle.env.example");
        for (String line : Files.readAllLines(example)) {
            int eq = line.indexOf('=');
            if (line.isBlank() || line.startsWith("#") || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim();
            if (SECRET_NAME.matcher(key).matches()) {
                assertThat(line.substring(eq + 1).trim()).as(example + ": " + key + " ships empty").isEmpty();
            }
        }
        // Every variable compose requires is documented in the example.
        String exampleText = Files.readString(example);
        for (String variable : requiredVariables()) {
            assertThat(exampleText).as(example + " documents " + variable).containsPattern("(?m)^" + variable + "=");
        }
    }

    // ------------------------------------------------------------------ infrastructure

    @Test
    void postgresIsCheckedOverTcpAndKeepsItsData() {
        Map<String, Object> postgres = service("postgres");
        assertThat(string(postgres.get("image"))).as("postgres image").matches("postgres:1[5-7](\\.\\d+)*(-[a-z]+)?");
        List<String> test = list(map(postgres.get("healthcheck"), "postgres.healthcheck").get("test"), "postgres.healthcheck.test");
        assertThat(String.join(" ", test)).as("postgres health check").contains("pg_isready").contains("-h");
        assertThat(list(postgres.get("volumes"), "postgres.volumes"))
                .as("postgres data volume").anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
        assertThat(postgres).doesNotContainKey("profiles");
    }

    @Test
    void kafkaIsASingleKraftNodeCheckedByItsOwnTool() {
        Map<String, Object> kafka = service("kafka");
        Map<String, Object> env = environment(kafka);
        assertThat(string(kafka.get("image"))).as("kafka image").matches("apache/kafka:\\d+\\.\\d+\\.\\d+");
        assertThat(string(env.get("KAFKA_PROCESS_ROLES"))).as("KRaft roles").contains("broker").contains("controller");
        assertThat(env).as("no ZooKeeper").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(string(env.get("CLUSTER_ID"))).as("KRaft cluster id").isNotBlank();
        String logDirs = string(env.get("KAFKA_LOG_DIRS"));
        assertThat(list(kafka.get("volumes"), "kafka.volumes"))
                .as("Kafka keeps its log dirs in a volume").anyMatch(v -> v.endsWith(":" + logDirs));
        List<String> test = list(map(kafka.get("healthcheck"), "kafka.healthcheck").get("test"), "kafka.healthcheck.test");
        assertThat(String.join(" ", test)).as("kafka health check").containsPattern("kafka-(broker-api-versions|topics)\\.sh")
                .contains(":9092");
        assertThat(kafka).doesNotContainKey("profiles");
    }

    @Test
    void infrastructureLivesOnAnInternalNetwork() {
        Map<String, Object> networks = map(compose.get("networks"), "networks");
        for (String name : List.of("postgres", "kafka", "axonserver")) {
            List<String> serviceNetworks = list(service(name).get("networks"), name + ".networks");
            assertThat(serviceNetworks).as(name + " networks").isNotEmpty();
            for (String network : serviceNetworks) {
                assertThat(map(networks.get(network), "networks." + network).get("internal"))
                        .as(name + " is only on internal networks (no way out)").isEqualTo(true);
            }
        }
    }

    // ------------------------------------------------------------------ Axon Server, opt-in

    @Test
    void axonServerRunsOnlyUnderItsProfile() {
        Map<String, Object> axonserver = service("axonserver");
        assertThat(list(axonserver.get("profiles"), "axonserver.profiles")).containsExactly(AXON_SERVER_PROFILE);
        assertThat(string(axonserver.get("image"))).as("a pinned 2024/2025 Axon Server")
                .matches("(docker\\.axoniq\\.io/)?axoniq/axonserver:202[45]\\.\\d+\\.\\d+.*");
        assertThat(map(axonserver.get("healthcheck"), "axonserver.healthcheck")).containsKey("test");

        services.forEach((name, service) -> {
            if (!name.equals("axonserver")) {
                assertThat(map(service, name).get("profiles")).as(name + " runs without a profile").isNull();
                Object dependsOn = map(service, name).get("depends_on");
                if (dependsOn != null) {
                    assertThat(map(dependsOn, name + ".depends_on")).as(name + " starts without Axon Server")
                            .doesNotContainKey("axonserver");
                }
            }
        });
        for (App app : APPS) {
            Object enabled = environment(service(app.name())).get("AXON_AXONSERVER_ENABLED");
            assertThat(enabled == null ? "false" : string(enabled)).as(app + " uses the JDBC event store by default")
                    .isEqualTo("false");
        }
    }

    @ParameterizedTest
    @MethodSource("eventSourcedApps")
    void axonServerOverrideSwitchesEachEventSourcedService(App app) {
        Map<String, Object> overrides = map(axonServerOverride.get("services"), "override services");
        assertThat(services.keySet()).as("services the override changes exist").containsAll(overrides.keySet());
        assertThat(overrides).as("the gateway has no event store").doesNotContainKey("gateway");
        Map<String, Object> service = map(overrides.get(app.name()), "override of " + app);
        Map<String, Object> env = environment(service);
        assertThat(string(env.get("AXON_AXONSERVER_ENABLED"))).as(app + " with Axon Server").isEqualTo("true");
        assertThat(string(env.get("AXON_AXONSERVER_SERVERS"))).as(app + " Axon Server address").isEqualTo("axonserver:8124");
        assertThat(string(map(map(service.get("depends_on"), app + ".depends_on").get("axonserver"), "axonserver")
                .get("condition"))).as(app + " waits for Axon Server").isEqualTo("service_healthy");
    }

    // ------------------------------------------------------------------ docker compose itself, when it is there

    @Test
    void dockerComposeAcceptsTheFiles(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(succeeds(root, List.of("docker", "compose", "version")),
                "no working `docker compose` on this machine: the files are checked by reading them only");
        Path envFile = temp.resolve("test.env");
        Files.writeString(envFile, requiredVariables().stream().map(v -> v + "=test-value\n").collect(Collectors.joining()));
        assertThat(succeeds(root, List.of("docker", "compose", "-f", "docker-compose.yml", "--env-file", envFile.toString(),
                "config", "--quiet"))).as("docker compose config").isTrue();
        assertThat(succeeds(root, List.of("docker", "compose", "-f", "docker-compose.yml", "-f",
                "docker/docker-compose.axon-server.yml", "--profile", AXON_SERVER_PROFILE, "--env-file", envFile.toString(),
                "config", "--quiet"))).as("docker compose config with Axon Server").isTrue();
    }

    // ------------------------------------------------------------------ helpers

    /** Variables compose refuses to start without, from the values of the file (not its comments). */
    static Set<String> requiredVariables() {
        Set<String> required = new LinkedHashSet<>();
        collectRequired(compose, required);
        return required;
    }

    static void collectRequired(Object node, Set<String> required) {
        if (node instanceof Map<?, ?> mapping) {
            mapping.values().forEach(value -> collectRequired(value, required));
        } else if (node instanceof List<?> sequence) {
            sequence.forEach(value -> collectRequired(value, required));
        } else if (node instanceof String text) {
            Matcher m = INTERPOLATION.matcher(text);
            while (m.find()) {
                if (":?".equals(m.group(2)) || "?".equals(m.group(2))) {
                    required.add(m.group(1));
                }
            }
        }
    }

    static boolean succeeds(Path directory, List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("system-tests"))
                    && Files.isDirectory(dir.resolve("platform"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        assertThat(file).isRegularFile();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // SafeConstructor: plain maps and lists, and YAML merge keys (<<: *anchor) resolved.
            return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader), file.toString());
        }
    }

    String dockerfileArg(String name) {
        Matcher m = Pattern.compile("(?m)^ARG " + name + "=(\\S+)").matcher(dockerfile);
        assertThat(m.find()).as("docker/Dockerfile declares ARG " + name + " with a default").isTrue();
        return m.group(1);
    }

    static Map<String, Object> service(String name) {
        return map(services.get(name), "service " + name);
    }

    static Map<String, Object> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        if (environment == null) {
            return Map.of();
        }
        if (environment instanceof List<?> entries) { // the KEY=value list form
            Map<String, Object> env = new LinkedHashMap<>();
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
            return env;
        }
        return map(environment, "environment");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what + " is a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    static List<String> list(Object value, String what) {
        assertThat(value).as(what + " is a list").isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
