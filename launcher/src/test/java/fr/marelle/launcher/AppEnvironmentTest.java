package fr.marelle.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AppEnvironmentTest {

    private final Settings settings = new Settings(Path.of("/repo"), Path.of("/repo/.run"), Optional.empty(),
            "postgres", "", "marelle_", java.time.Duration.ofSeconds(60), Settings.DEFAULT_APP_JVM_OPTIONS,
            "admin@marelle.local", Optional.empty(), "Ville de Vincey", true);
    private final LocalSecrets secrets = new LocalSecrets("PUBLIC", "PRIVATE", "motdepasse", "AESKEY",
            "NOTIF-PUBLIC", "NOTIF-PRIVATE", "SANDBOX-KEY", "SANDBOX-SECRET");
    private final PostgresServer postgres = new PostgresServer("jdbc:postgresql://127.0.0.1:5432/postgres?ssl=false",
            "postgres", "secret", "test", () -> { });

    @Test
    void a_service_gets_its_port_database_broker_and_only_the_public_key() {
        Map<String, String> env = environmentOf("wallet");

        assertThat(env).containsEntry("SERVER_PORT", "8085")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/marelle_wallet?ssl=false")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "postgres")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "secret")
                .containsEntry("MARELLE_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("AXONIQ_UPDATE_CHECKER_DISABLED", "true")
                .containsEntry("MARELLE_SERVICETOKEN_PUBLICKEY", "PUBLIC")
                .containsEntry("MARELLE_DEMO_DATA", "true")
                .containsEntry("MARELLE_TOWN_NAME", "Ville de Vincey")
                .containsEntry("MARELLE_PORTAL_URL", "http://localhost:8080")
                .doesNotContainKeys("MARELLE_SERVICETOKEN_PRIVATEKEY", "MARELLE_ADMIN_PASSWORD", "SPRING_MAIL_HOST",
                        "MARELLE_ACCOUNTS_SECRETKEY");
    }

    @Test
    void the_wallet_and_the_payment_sandbox_share_the_merchant_key_and_the_notification_secret() {
        assertThat(environmentOf("sandbox"))
                .containsEntry("SERVER_PORT", "8090")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/marelle_sandbox?ssl=false")
                .containsEntry("SANDBOX_APIKEY", "SANDBOX-KEY")
                .containsEntry("SANDBOX_SIGNINGSECRET", "SANDBOX-SECRET")
                .containsEntry("SANDBOX_PUBLICURL", "http://localhost:8090")
                .doesNotContainKey("MARELLE_SERVICETOKEN_PRIVATEKEY");
        assertThat(environmentOf("wallet"))
                .containsEntry("MARELLE_WALLET_PAYMENTS_PROVIDER", "sandbox")
                .containsEntry("MARELLE_WALLET_PAYMENTS_SANDBOX_URL", "http://127.0.0.1:8090")
                .containsEntry("MARELLE_WALLET_PAYMENTS_SANDBOX_APIKEY", "SANDBOX-KEY")
                .containsEntry("MARELLE_WALLET_PAYMENTS_SANDBOX_SIGNINGSECRET", "SANDBOX-SECRET")
                .containsEntry("MARELLE_WALLET_PAYMENTS_NOTIFICATIONBASEURL", "http://127.0.0.1:8085");
        assertThat(environmentOf("gateway")).doesNotContainKey("MARELLE_SERVICES_SANDBOX_URL");
    }

    @Test
    void accounts_service_gets_its_encryption_key_and_the_first_administrator() {
        assertThat(environmentOf("accounts"))
                .containsEntry("MARELLE_ACCOUNTS_SECRETKEY", "AESKEY")
                .containsEntry("MARELLE_ADMIN_EMAIL", "admin@marelle.local")
                .containsEntry("MARELLE_ADMIN_PASSWORD", "motdepasse")
                .containsEntry("MARELLE_SERVICETOKEN_PEERS_NOTIFICATION", "NOTIF-PUBLIC")
                .doesNotContainKey("MARELLE_SERVICETOKEN_PRIVATEKEY");
    }

    @Test
    void notification_service_gets_the_local_smtp_server_and_where_its_links_lead() {
        assertThat(environmentOf("notification"))
                .containsEntry("SPRING_MAIL_HOST", "127.0.0.1")
                .containsEntry("SPRING_MAIL_PORT", "2525")
                .containsEntry("MARELLE_PORTAL_URL", "http://localhost:8080")
                .containsEntry("MARELLE_SERVICETOKEN_PRIVATEKEY", "NOTIF-PRIVATE")
                .containsEntry("MARELLE_SERVICETOKEN_KEYID", "notification")
                .containsEntry("MARELLE_SERVICES_ACCOUNTS_URL", "http://127.0.0.1:8081");
    }

    @Test
    void notification_service_sends_its_sms_through_its_http_adapter_to_the_local_sms_sandbox_with_its_key() {
        assertThat(environmentOf("notification"))
                .containsEntry("MARELLE_SMS_URL", "http://127.0.0.1:8026/v3/transactionalSMS/sms")
                .containsEntry("MARELLE_SMS_API_KEY", SmsSandbox.RUN_KEY);
        assertThat(SmsSandbox.RUN_KEY).hasSizeGreaterThanOrEqualTo(32);
        assertThat(environmentOf("wallet")).doesNotContainKeys("MARELLE_SMS_URL", "MARELLE_SMS_API_KEY");
    }

    @Test
    void the_gateway_gets_the_private_key_the_services_and_the_administrator() {
        assertThat(environmentOf("gateway"))
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/marelle_gateway?ssl=false")
                .containsEntry("MARELLE_SERVICETOKEN_PRIVATEKEY", "PRIVATE")
                .containsEntry("MARELLE_SERVICES_ACCOUNTS_URL", "http://127.0.0.1:8081")
                .containsEntry("MARELLE_SERVICES_CHILDREN_URL", "http://127.0.0.1:8082")
                .containsEntry("MARELLE_SERVICES_PLANNING_URL", "http://127.0.0.1:8083")
                .containsEntry("MARELLE_SERVICES_BILLING_URL", "http://127.0.0.1:8084")
                .containsEntry("MARELLE_SERVICES_WALLET_URL", "http://127.0.0.1:8085")
                .containsEntry("MARELLE_SERVICES_NOTIFICATION_URL", "http://127.0.0.1:8086")
                .doesNotContainKeys("MARELLE_ADMIN_EMAIL", "MARELLE_ADMIN_PASSWORD")
                .doesNotContainKey("MARELLE_ACCOUNTS_SECRETKEY");
    }

    private Map<String, String> environmentOf(String name) {
        AppSpec app = AppSpec.ALL.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
        return AppEnvironment.of(app, AppSpec.ALL, settings, secrets, postgres, "127.0.0.1:9092", "127.0.0.1:2525");
    }
}
