package fr.marelle.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

class AppProcessTest {

    @TempDir
    Path directory;

    @Test
    void the_tail_of_a_failed_app_log_keeps_the_messages_and_drops_the_stack_frames() throws IOException {
        Path log = directory.resolve("wallet.log");
        Files.writeString(log, """
                INFO Starting WalletApplication
                ERROR Application run failed
                org.springframework.beans.factory.BeanCreationException: Error creating bean 'flyway'
                \tat org.springframework.beans.factory.support.AbstractBeanFactory.getBean(AbstractBeanFactory.java:202)
                \tat org.springframework.boot.loader.launch.JarLauncher.main(JarLauncher.java:40)
                Caused by: org.postgresql.util.PSQLException: FATAL: database "marelle_wallet" does not exist
                \tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)
                \t... 42 common frames omitted
                """);
        AppProcess app = new AppProcess(AppSpec.ALL.get(4), directory.resolve("wallet.jar"), List.of(), Map.of(), log);

        assertThat(app.logTail(3)).containsExactly(
                "ERROR Application run failed",
                "org.springframework.beans.factory.BeanCreationException: Error creating bean 'flyway'",
                "Caused by: org.postgresql.util.PSQLException: FATAL: database \"marelle_wallet\" does not exist");
    }

    @Test
    void runs_the_jar_with_the_given_environment_and_stops_it_with_sigterm() throws Exception {
        Path jar = sleeperJar(directory);
        Path log = directory.resolve("sleeper.log");
        AppProcess app = new AppProcess(AppSpec.ALL.get(0), jar, List.of("-Xmx32m"), Map.of("MARELLE_TEST", "ok"), log);
        app.start(directory);

        for (int i = 0; i < 100 && !Files.readString(log).contains("hello"); i++) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(log)).contains("hello ok");
        assertThat(app.isAlive()).isTrue();

        app.requestStop();

        assertThat(app.awaitExit(Duration.ofSeconds(30))).isTrue();
        assertThat(app.exitCode()).hasValue(143);
    }

    /** A runnable jar whose main prints an environment variable and sleeps a minute. */
    static Path sleeperJar(Path directory) throws IOException {
        Path source = directory.resolve("Sleeper.java");
        Files.writeString(source, """
                public class Sleeper {
                    public static void main(String[] args) throws Exception {
                        System.out.println("hello " + System.getenv("MARELLE_TEST"));
                        Thread.sleep(60_000);
                    }
                }
                """);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-d", directory.toString(), source.toString())).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Sleeper");
        Path jar = directory.resolve("sleeper.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("Sleeper.class"));
            out.write(Files.readAllBytes(directory.resolve("Sleeper.class")));
            out.closeEntry();
        }
        return jar;
    }
}
