package fr.marelle.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the launcher can be told, from its arguments and the environment. Defaults give the documented local
 * set-up; the variables exist for the cases the defaults cannot guess (another PostgreSQL, a second data directory
 * as the offline check uses).
 */
record Settings(
        Path root,
        Path runDirectory,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        String databasePrefix,
        Duration startTimeout,
        List<String> appJvmOptions,
        String adminEmail,
        Optional<String> adminPassword,
        String townName,
        boolean demo) {

    static final String DEFAULT_ADMIN_EMAIL = "admin@marelle.local";
    static final String DEFAULT_TOWN = "Ville de Vincey";
    /**
     * Sized so that the whole portal stays under 3 GiB even if every heap filled up: 7 × (192 MiB of heap + about
     * 130 MiB of metaspace, code and threads) + the launcher's 256 MiB heap; at rest it is far below (figures in
     * launcher/README.md). The serial collector and C1 alone start fastest on two cores and keep the footprint
     * small; a portal on one's own machine never needs C2's peak performance.
     */
    static final List<String> DEFAULT_APP_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xms64m", "-Xmx192m",
            "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m",
            "-XX:-UsePerfData", "-Dfile.encoding=UTF-8", "-Daxoniq.update-checker.disabled=true");
    private static final Pattern DATABASE_PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    static Settings from(String[] args, Map<String, String> env, Path workingDirectory) {
        boolean demo = false;
        for (String arg : args) {
            switch (arg) {
                case "--demo" -> demo = true;
                case "run" -> { /* the default and only command; accepted for symmetry with ./marelle run */ }
                default -> throw new LauncherException("Option inconnue : " + arg + ". Usage : launcher [--demo]");
            }
        }
        Path root = Optional.ofNullable(blankToNull(env.get("MARELLE_ROOT"))).map(Path::of).orElse(workingDirectory)
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("launcher"))) {
            throw new LauncherException("Lancez Marelle depuis la racine du dépôt (" + root + " n'en est pas une), "
                    + "ou fixez MARELLE_ROOT.");
        }
        Path runDirectory = Optional.ofNullable(blankToNull(env.get("MARELLE_RUN_DIR"))).map(Path::of)
                .orElse(root.resolve(".run")).toAbsolutePath().normalize();
        String prefix = Optional.ofNullable(blankToNull(env.get("MARELLE_DB_PREFIX"))).orElse("marelle_");
        if (!DATABASE_PREFIX.matcher(prefix).matches()) {
            throw new LauncherException("MARELLE_DB_PREFIX doit être en minuscules, chiffres et _ : " + prefix);
        }
        return new Settings(
                root,
                runDirectory,
                Optional.ofNullable(blankToNull(env.get("MARELLE_DB_URL"))),
                Optional.ofNullable(blankToNull(env.get("MARELLE_DB_USER"))).orElse("postgres"),
                Optional.ofNullable(env.get("MARELLE_DB_PASSWORD")).orElse(""),
                prefix,
                Duration.ofSeconds(positive(env, "MARELLE_START_TIMEOUT_SECONDS", 240)),
                Optional.ofNullable(blankToNull(env.get("MARELLE_APP_JAVA_OPTS")))
                        .map(options -> List.of(options.trim().split("\\s+")))
                        .orElse(DEFAULT_APP_JVM_OPTIONS),
                Optional.ofNullable(blankToNull(env.get("MARELLE_ADMIN_EMAIL"))).orElse(DEFAULT_ADMIN_EMAIL),
                Optional.ofNullable(blankToNull(env.get("MARELLE_ADMIN_PASSWORD"))),
                Optional.ofNullable(blankToNull(env.get("MARELLE_TOWN_NAME"))).orElse(DEFAULT_TOWN),
                demo);
    }

    Path logs() {
        return runDirectory.resolve("logs");
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new LauncherException(name + " doit être un nombre de secondes positif : " + value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
