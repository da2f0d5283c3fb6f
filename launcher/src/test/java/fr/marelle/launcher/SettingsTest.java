package fr.marelle.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @TempDir
    Path root;

    @Test
    void defaults_give_the_documented_local_setup() throws IOException {
        Settings settings = Settings.from(new String[0], Map.of(), repository());

        assertThat(settings.runDirectory()).isEqualTo(root.resolve(".run"));
        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.databasePrefix()).isEqualTo("marelle_");
        assertThat(settings.adminEmail()).isEqualTo("admin@marelle.local");
        assertThat(settings.adminPassword()).isEmpty();
        assertThat(settings.townName()).isEqualTo("Ville de Vincey");
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(240));
        assertThat(settings.appJvmOptions()).contains("-XX:+UseSerialGC", "-Xmx192m");
        assertThat(settings.demo()).isFalse();
    }

    @Test
    void the_environment_and_demo_flag_override_them() throws IOException {
        Settings settings = Settings.from(new String[]{"run", "--demo"}, Map.of(
                "MARELLE_DB_URL", "jdbc:postgresql://db:5432/postgres",
                "MARELLE_DB_PREFIX", "essai_",
                "MARELLE_RUN_DIR", root.resolve("ailleurs").toString(),
                "MARELLE_APP_JAVA_OPTS", " -Xmx128m  -XX:+UseSerialGC ",
                "MARELLE_TOWN_NAME", "Ville de Rambervillers"), repository());

        assertThat(settings.demo()).isTrue();
        assertThat(settings.databaseUrl()).contains("jdbc:postgresql://db:5432/postgres");
        assertThat(settings.databasePrefix()).isEqualTo("essai_");
        assertThat(settings.runDirectory()).isEqualTo(root.resolve("ailleurs"));
        assertThat(settings.appJvmOptions()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
        assertThat(settings.townName()).isEqualTo("Ville de Rambervillers");
    }

    @Test
    void refuses_what_it_cannot_use() throws IOException {
        Path repository = repository();
        assertThatThrownBy(() -> Settings.from(new String[]{"--verbose"}, Map.of(), repository))
                .isInstanceOf(LauncherException.class).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> Settings.from(new String[0], Map.of("MARELLE_DB_PREFIX", "x\"; DROP"), repository))
                .isInstanceOf(LauncherException.class).hasMessageContaining("MARELLE_DB_PREFIX");
        assertThatThrownBy(() -> Settings.from(new String[0], Map.of("MARELLE_START_TIMEOUT_SECONDS", "-1"), repository))
                .isInstanceOf(LauncherException.class).hasMessageContaining("MARELLE_START_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> Settings.from(new String[0], Map.of(), root.resolve("nulle-part")))
                .isInstanceOf(LauncherException.class).hasMessageContaining("racine du dépôt");
    }

    private Path repository() throws IOException {
        Files.createDirectories(root.resolve("launcher"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        return root;
    }
}
