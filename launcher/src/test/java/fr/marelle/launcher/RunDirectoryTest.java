package fr.marelle.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunDirectoryTest {

    @TempDir
    Path root;

    @Test
    void belongs_to_one_launcher_at_a_time_and_keeps_itself_out_of_git() throws Exception {
        Path path = root.resolve(".run");
        try (RunDirectory directory = RunDirectory.open(path)) {
            assertThat(path.resolve(".gitignore")).hasContent("*");
            assertThat(path.resolve("launcher.pid")).hasContent(Long.toString(ProcessHandle.current().pid()));
            assertThatThrownBy(() -> RunDirectory.open(path))
                    .isInstanceOf(LauncherException.class).hasMessageContaining("tourne déjà");

            directory.markReady(List.of("url=http://localhost:8080"));
            assertThat(path.resolve("ready")).hasContent("url=http://localhost:8080");
        }
        assertThat(path.resolve("ready")).doesNotExist();
        RunDirectory.open(path).close();
    }

    @Test
    void stops_the_apps_a_killed_launcher_left_and_nothing_else() throws Exception {
        Path path = root.resolve(".run");
        AppSpec accounts = AppSpec.ALL.get(0);
        Path jar = accounts.jar(root);
        Files.createDirectories(jar.getParent());
        Files.copy(AppProcessTest.sleeperJar(root), jar);
        AppProcess leftover = new AppProcess(accounts, jar, List.of("-Xmx32m"), Map.of(), root.resolve("accounts.log"));
        leftover.start(root);
        // as a killed launcher leaves it; the second line is this test's JVM, which does not run that jar
        Files.createDirectories(path);
        Files.writeString(path.resolve("apps.pids"), leftover.pid() + " accounts " + jar + "\n"
                + ProcessHandle.current().pid() + " children " + AppSpec.ALL.get(1).jar(root) + "\n");

        try (RunDirectory next = RunDirectory.open(path)) {
            next.stopLeftovers(Duration.ofSeconds(20));
        }

        assertThat(leftover.awaitExit(Duration.ofSeconds(5))).isTrue();
        assertThat(path.resolve("apps.pids")).doesNotExist();
    }
}
