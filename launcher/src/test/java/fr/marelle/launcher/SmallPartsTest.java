package fr.marelle.launcher;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parsers the launcher relies on: database URLs, health documents, /proc lines. */
class SmallPartsTest {

    @Test
    void a_database_url_keeps_server_and_parameters_and_changes_the_database() {
        PostgresServer server = new PostgresServer("jdbc:postgresql://db1:5432,db2:5432/postgres?sslmode=require",
                "u", "p", "test", () -> { });
        assertThat(server.urlOf("marelle_wallet"))
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5432/marelle_wallet?sslmode=require");
        assertThat(new PostgresServer("jdbc:postgresql://localhost", "u", "p", "t", () -> { }).urlOf("x"))
                .isEqualTo("jdbc:postgresql://localhost/x");
        assertThatThrownBy(() -> new PostgresServer("jdbc:mysql://localhost/x", "u", "p", "t", () -> { }))
                .isInstanceOf(LauncherException.class);
    }

    @Test
    void an_app_is_up_only_when_its_overall_status_is() {
        assertThat(HealthProbe.isUp("{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}")).isTrue();
        assertThat(HealthProbe.isUp("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"UP\"}}}")).isFalse();
        assertThat(HealthProbe.isUp("{\"status\":\"OUT_OF_SERVICE\"}")).isFalse();
    }

    @Test
    void the_cold_start_counts_from_the_scripts_hand_over_after_its_build_else_from_the_process_start() {
        Instant processStart = Instant.parse("2026-11-27T22:00:00Z");
        assertThat(Launcher.launchedAt(Map.of("MARELLE_LAUNCHED_AT_MS", "1795824030000"), Optional.of(processStart)))
                .isEqualTo(Instant.ofEpochMilli(1_795_824_030_000L));
        assertThat(Launcher.launchedAt(Map.of(), Optional.of(processStart))).isEqualTo(processStart);
        assertThat(Launcher.launchedAt(Map.of("MARELLE_LAUNCHED_AT_MS", "%3N"), Optional.of(processStart)))
                .as("a date(1) without milliseconds").isEqualTo(processStart);
    }

    @Test
    void resident_memory_comes_from_proc() {
        assertThat(ResidentMemory.parseKibibytes("VmRSS:\t  123456 kB")).isEqualTo(123456);
        assertThat(ResidentMemory.of(ProcessHandle.current().pid()).orElseThrow()).isPositive();
        assertThat(ResidentMemory.of(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void memory_and_durations_are_printed_the_french_way() {
        assertThat(Console.memory(2 * 1024 * 1024 + 400 * 1024)).isEqualTo("2,39 Gio");
        assertThat(Console.memory(300 * 1024)).isEqualTo("300 Mio");
        assertThat(Console.seconds(java.time.Duration.ofMillis(42_160))).isEqualTo("42,2 s");
    }
}
