package fr.marelle.systemtests;

import fr.marelle.systemtests.offline.CallOutProbe;
import fr.marelle.systemtests.offline.OfflineCheck;
import fr.marelle.systemtests.offline.OfflineCheck.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The requirement: "start every service with the network cut and show nothing tries to call out". The whole
 * portal runs in a network namespace that has only loopback, under strace, through {@code scripts/offline-check.sh};
 * the cheaper tests first show that the same harness does catch a program that calls out, so a pass means something.
 *
 * <p>Needs Linux and root (or CAP_SYS_ADMIN) for {@code unshare -n}: skipped with the reason elsewhere. CI runs as
 * root, where it runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfflineStartupIT {

    private static OfflineCheck check;

    @BeforeAll
    static void harnessCanRunHere() {
        check = OfflineCheck.fromModuleDirectory();
        Result preflight = check.run("preflight", Duration.ofMinutes(3), "--preflight");
        assumeFalse(preflight.cannotRunHere(), () -> "the offline harness cannot run here: " + preflight.output());
        assertThat(preflight.exitCode()).as(preflight.describe()).isZero();
    }

    @Test
    @Order(1)
    void the_parser_accepts_only_local_destinations(@TempDir Path directory) throws IOException {
        Path trace = directory.resolve("connect.trace");
        // lines as strace 6 writes them (-f, -e trace=connect), including a call split across two lines
        Files.writeString(trace, """
                100 connect(5, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
                101 connect(6, {sa_family=AF_INET6, sin6_port=htons(9092), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::ffff:127.0.0.1", &sin6_addr), sin6_scope_id=0}, 28) = -1 EINPROGRESS (Operation now in progress)
                102 connect(7, {sa_family=AF_INET6, sin6_port=htons(8080), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0
                103 connect(8, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)
                104 connect(9, {sa_family=AF_UNSPEC, sa_data="\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0"}, 16) = 0
                105 connect(10, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("140.82.112.3")}, 16 <unfinished ...>
                105 <... connect resumed>) = -1 ENETUNREACH (Network is unreachable)
                106 connect(11, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 0
                107 connect(12, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::6810:84e5", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (Network is unreachable)
                108 connect(13, 0x7ffd5e1c, 16) = -1 EFAULT (Bad address)
                """);

        Result result = check.run("parser", Duration.ofMinutes(1), "--parse", trace.toString());

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.output())
                .contains("9 appels connect() examinés")
                .contains("140.82.112.3:443", "127.0.0.53:53(DNS)", "2606:4700::6810:84e5:443", "adresse-illisible")
                .contains("127.0.0.1:5432", "::ffff:127.0.0.1:9092", "::1:8080", "AF_UNIX", "AF_UNSPEC");
        String verdict = result.output().substring(result.output().indexOf("ÉCHEC"));
        assertThat(verdict).doesNotContain("127.0.0.1:5432", "::1:8080", "AF_UNIX");
    }

    @Test
    @Order(2)
    void a_program_that_calls_out_is_caught_even_though_the_network_is_cut() throws URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(CallOutProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();

        Result result = check.run("call-out-probe", Duration.ofMinutes(2),
                "--command", "--", java, "-cp", classes, CallOutProbe.class.getName());

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.output())
                .contains("could not connect to " + CallOutProbe.OUTSIDE_ADDRESS)
                .contains(CallOutProbe.OUTSIDE_ADDRESS + ":" + CallOutProbe.OUTSIDE_PORT)
                // the name lookup is a connect() to a name server on port 53, wherever resolv.conf points
                .contains(":53(DNS)");
    }

    @Test
    @Order(3)
    void loopback_and_the_bridged_database_socket_pass() {
        Result result = check.run("loopback-probe", Duration.ofMinutes(2),
                "--command", "--", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/5432 && echo connected to the database");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.output())
                .contains("connected to the database")
                .contains("127.0.0.1:5432")
                .contains("Aucune connexion hors de la boucle locale");
    }

    @Test
    @Order(4)
    void the_whole_portal_starts_with_the_network_cut_and_nothing_calls_out() {
        // building the jars may come first when they are stale; the portal itself takes one to two minutes
        Result result = check.run("portal", Duration.ofMinutes(15));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.output())
                .contains("Marelle est prêt")
                .contains("accounts", "children", "planning", "billing", "wallet", "notification", "gateway")
                .contains("Marelle est arrêté")
                .contains("Aucune connexion hors de la boucle locale");
        for (String app : new String[]{"accounts", "children", "planning", "billing", "wallet", "notification", "gateway"}) {
            assertThat(result.output()).containsPattern("✓ " + app + " +prêt en");
        }
    }
}
