package fr.marelle.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fr.marelle.platform.test.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox as a merchant and a payer use it: the merchant API with its key, the card page (accept, decline,
 * cancel, mistakes said next to their field), and notifications that behave like a real provider's — signed, retried
 * with a growing back-off until a 2xx, delivered twice, and out of order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SandboxTest.Initializer.class)
class SandboxTest {

    static final String API_KEY = "sk_test_" + UUID.randomUUID();
    static final String SECRET = "whsec_" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Merchant MERCHANT = new Merchant();

    /** Its own database, the merchant's credentials, and fast notifications, each delivered twice. */
    static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sandbox-test", Map.of(
                    "spring.datasource.url", TestDatabases.create("sandbox"),
                    "spring.datasource.username", TestDatabases.user(),
                    "spring.datasource.password", TestDatabases.password(),
                    "sandbox.api-key", API_KEY,
                    "sandbox.signing-secret", SECRET,
                    "sandbox.notifications.poll-interval", "100ms",
                    "sandbox.notifications.max-first-delay", "1s",
                    "sandbox.notifications.duplicate-probability", "1.0",
                    "sandbox.notifications.first-retry", "100ms",
                    "sandbox.notifications.max-retry", "400ms")));
        }
    }

    /** The merchant's notification endpoint: checks each signature, refuses on demand. */
    static final class Merchant {
        record Received(String eventId, String paymentId, String status, boolean signatureValid) {
        }

        final List<Received> received = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        final HttpServer server;

        Merchant() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/notifications", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    JsonNode json = JSON.readTree(body);
                    String paymentId = json.path("id").asText();
                    AtomicInteger refuse = refusals.get(paymentId);
                    if (refuse != null && refuse.getAndDecrement() > 0) {
                        exchange.sendResponseHeaders(500, -1);
                        return;
                    }
                    received.add(new Received(json.path("eventId").asText(), paymentId, json.path("status").asText(),
                            valid(exchange.getRequestHeaders().getFirst("Sandbox-Signature"), body)));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/notifications";
        }

        List<Received> of(String paymentId) {
            return received.stream().filter(r -> r.paymentId().equals(paymentId)).toList();
        }

        /** Checked independently of the sandbox's code: HMAC-SHA256 over "t.body". */
        static boolean valid(String header, byte[] body) {
            try {
                String t = header.split(",")[0].substring(2);
                String v1 = header.split(",")[1].substring(3);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(mac.doFinal(body)).equals(v1);
            } catch (Exception e) {
                return false;
            }
        }
    }

    @AfterAll
    static void stopMerchant() {
        MERCHANT.server.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> api(String method, String path, String body, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode open(long cents) {
        String body = "{\"merchantReference\":\"" + UUID.randomUUID() + "\",\"amountCents\":" + cents
                + ",\"currency\":\"EUR\",\"description\":\"Porte-monnaie famille\","
                + "\"returnUrl\":\"https://portail.vincey.test/retour\",\"notificationUrl\":\"" + MERCHANT.url()
                + "\"}";
        HttpResponse<String> response = api("POST", "/api/payments", body, API_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body());
    }

    JsonNode status(String id) {
        return read(api("GET", "/api/payments/" + id, null, API_KEY).body());
    }

    HttpResponse<String> pay(String id, String card) {
        return form("/paiement/" + id, Map.of("action", "pay", "cardNumber", card, "expiry", "12/39", "cvc", "123"));
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class MerchantSide {
        @Test
        void only_the_merchant_s_key_opens_or_reads_payments() {
            assertThat(api("GET", "/api/payments/sbx_x", null, null).statusCode()).isEqualTo(401);
            assertThat(api("GET", "/api/payments/sbx_x", null, "sk_wrong").statusCode()).isEqualTo(401);
            assertThat(api("GET", "/api/payments/sbx_x", null, API_KEY).statusCode()).isEqualTo(404);
        }

        @Test
        void a_payment_opens_with_its_page_and_is_found_by_the_merchant_s_reference() {
            JsonNode payment = open(5_000);
            assertThat(payment.path("status").asText()).isEqualTo("PENDING");
            assertThat(payment.path("redirectUrl").asText())
                    .isEqualTo("http://localhost:8090/paiement/" + payment.path("id").asText());
            JsonNode found = read(api("GET", "/api/payments?merchantReference="
                    + payment.path("merchantReference").asText(), null, API_KEY).body());
            assertThat(found.path("payments").get(0).path("id").asText()).isEqualTo(payment.path("id").asText());
        }

        @Test
        void a_request_without_amount_or_with_a_relative_return_address_is_refused_field_by_field() {
            HttpResponse<String> refused = api("POST", "/api/payments", "{\"merchantReference\":\"x\","
                    + "\"returnUrl\":\"/retour\",\"notificationUrl\":\"" + MERCHANT.url() + "\"}", API_KEY);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(read(refused.body()).path("errors").has("amountCents")).isTrue();
            assertThat(read(refused.body()).path("errors").has("returnUrl")).isTrue();
        }
    }

    @Nested
    class CardSide {
        @Test
        void the_card_page_shows_the_amount_and_a_valid_card_pays_and_sends_the_payer_back() {
            JsonNode payment = open(5_000);
            String id = payment.path("id").asText();
            HttpResponse<String> page = api("GET", "/paiement/" + id, null, null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("50,00 €").contains("Porte-monnaie famille")
                    .contains("<label for=\"cardNumber\">");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("form-action 'self' https://portail.vincey.test");
            HttpResponse<String> paid = pay(id, "4242 4242 4242 4242");
            assertThat(paid.statusCode()).isEqualTo(302);
            assertThat(paid.headers().firstValue("Location")).hasValue("https://portail.vincey.test/retour");
            JsonNode after = status(id);
            assertThat(after.path("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(jdbc.sql("SELECT card_last4 FROM sandbox_payment WHERE id = ?").param(id).query(String.class)
                    .single()).isEqualTo("4242");
            // a page already used says so and changes nothing
            HttpResponse<String> again = pay(id, "4000 0000 0000 0002");
            assertThat(again.body()).contains("a été accepté");
            assertThat(status(id).path("status").asText()).isEqualTo("SUCCEEDED");
        }

        @Test
        void a_refusal_number_is_declined_and_the_payer_may_cancel() {
            String declined = open(2_000).path("id").asText();
            String cancelled = open(2_000).path("id").asText();
            assertThat(pay(declined, "4000000000000002").statusCode()).isEqualTo(302);
            assertThat(form("/paiement/" + cancelled, Map.of("action", "cancel")).statusCode()).isEqualTo(302);
            assertThat(status(declined).path("status").asText()).isEqualTo("DECLINED");
            assertThat(status(cancelled).path("status").asText()).isEqualTo("CANCELLED");
        }

        @Test
        void a_mistyped_card_is_said_next_to_its_field_and_nothing_is_paid() {
            String id = open(2_000).path("id").asText();
            HttpResponse<String> wrong = form("/paiement/" + id, Map.of("action", "pay",
                    "cardNumber", "4242 4242 4242 4241", "expiry", "01/20", "cvc", "12"));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("Numéro de carte invalide").contains("id=\"cardNumber-error\"")
                    .contains("aria-invalid=\"true\"").contains("Date d&#39;expiration invalide ou dépassée")
                    .contains("Le cryptogramme compte 3 chiffres").contains("id=\"erreurs\"");
            assertThat(status(id).path("status").asText()).isEqualTo("PENDING");
        }

        @Test
        void a_page_left_open_too_long_expires_and_the_merchant_is_told() {
            String id = open(2_000).path("id").asText();
            jdbc.sql("UPDATE sandbox_payment SET expires_at = now() - interval '1 second' WHERE id = ?").param(id)
                    .update();
            assertThat(status(id).path("status").asText()).isEqualTo("EXPIRED");
            assertThat(pay(id, "4242424242424242").body()).contains("a expiré");
            await().atMost(Duration.ofSeconds(10)).until(() -> MERCHANT.of(id).stream()
                    .anyMatch(r -> r.status().equals("EXPIRED")));
        }
    }

    @Nested
    class Notifications {
        @Test
        void every_change_is_notified_signed_and_each_notification_comes_twice() {
            String id = open(3_000).path("id").asText();
            pay(id, "4242424242424242");
            await().atMost(Duration.ofSeconds(15)).until(() -> MERCHANT.of(id).size() == 4);
            List<SandboxTest.Merchant.Received> received = MERCHANT.of(id);
            assertThat(received).allMatch(SandboxTest.Merchant.Received::signatureValid);
            assertThat(received).extracting(SandboxTest.Merchant.Received::status)
                    .containsExactlyInAnyOrder("PENDING", "PENDING", "SUCCEEDED", "SUCCEEDED");
            assertThat(received.stream().map(SandboxTest.Merchant.Received::eventId).distinct()).hasSize(2);
        }

        @Test
        void a_merchant_that_fails_is_notified_again_with_a_growing_back_off() {
            String id = open(3_000).path("id").asText();
            MERCHANT.refusals.put(id, new AtomicInteger(3));
            await().atMost(Duration.ofSeconds(20)).until(() -> MERCHANT.of(id).size() == 2);
            JsonNode deliveries = status(id).path("notifications");
            int attempts = 0;
            for (JsonNode d : deliveries) {
                attempts += d.path("attempts").asInt();
                assertThat(d.path("deliveredAt").isNull()).isFalse();
            }
            assertThat(attempts).as("3 refusals, then 2 deliveries").isEqualTo(5);
        }

        @Test
        void notifications_arrive_in_no_particular_order() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String id = open(1_000 + i).path("id").asText();
                pay(id, "4242424242424242");
                ids.add(id);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> MERCHANT.of(id).size()
                    == 4));
            // for at least one payment, its outcome arrived before the notice that it had opened
            assertThat(ids).anySatisfy(id -> assertThat(MERCHANT.of(id).get(0).status()).isEqualTo("SUCCEEDED"));
        }
    }

    @Test
    void signs_with_the_vector_the_wallet_checks() {
        assertThat(Signature.sign("whsec_vector", 1_700_000_000L,
                "{\"id\":\"sbx_1\",\"status\":\"SUCCEEDED\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("t=1700000000,v1=b6e5d77057a31e869f1b828e3df52a0c8c85d3ff6bb9d67144c48b8a6958c04b");
    }

    @Test
    void luhn_and_amounts_in_french() {
        assertThat(CardPage.luhn("4242424242424242")).isTrue();
        assertThat(CardPage.luhn("4242424242424241")).isFalse();
        assertThat(CardPage.euros(123_456)).isEqualTo("1 234,56 €");
        assertThat(CardPage.euros(5_000)).isEqualTo("50,00 €");
    }
}
