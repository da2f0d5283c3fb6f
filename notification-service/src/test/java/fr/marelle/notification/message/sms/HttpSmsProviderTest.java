package fr.marelle.notification.message.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fr.marelle.notification.message.DeliveryFailureCode;
import fr.marelle.notification.message.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP adapter against a real HTTP server: what it sends, and what each answer means for the message. */
class HttpSmsProviderTest {

    record Received(String path, Map<String, String> headers, JsonNode body) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    final List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer server;
    volatile int status = 201;
    volatile String answer = "{\"reference\":\"ref-42\",\"messageId\":1511882900176220,\"smsCount\":1}";
    volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestURI().getPath(), Map.of(
                        "api-key", String.valueOf(exchange.getRequestHeaders().getFirst("api-key")),
                        "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                        "idempotency-key", String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")),
                        "content-type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))),
                        JSON.readTree(exchange.getRequestBody())));
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpSmsProvider provider(String keyHeader, SmsProperties.RecipientFormat format) {
        return new HttpSmsProvider(new SmsProperties.Http(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v3/transactionalSMS/sms"),
                "secret-key", keyHeader, format, Duration.ofMillis(500), Duration.ofMillis(800)), "VINCEY", JSON);
    }

    HttpSmsProvider provider() {
        return provider("api-key", SmsProperties.RecipientFormat.E164);
    }

    static SmsRequest sms(String text) {
        return new SmsRequest(new MessageId(UUID.fromString("0d5f3c1a-8b7e-3c2d-9f4e-5a6b7c8d9e0f")), "+33612345678",
                SmsText.fit(text, 2), "WALLET_BALANCE_LOW");
    }

    @Test
    void posts_one_json_sms_with_the_key_the_sender_and_the_message_id_as_idempotency_key() throws Exception {
        SmsReceipt receipt = provider().send(sms("Ville de Vincey : solde bas, 14,10 €."));

        assertThat(receipt.reference()).isEqualTo("ref-42");
        assertThat(receipt.reply()).isEqualTo("HTTP 201, 1 SMS");
        Received call = received.get(0);
        assertThat(call.path()).isEqualTo("/v3/transactionalSMS/sms");
        assertThat(call.headers()).containsEntry("api-key", "secret-key")
                .containsEntry("idempotency-key", "0d5f3c1a-8b7e-3c2d-9f4e-5a6b7c8d9e0f")
                .containsEntry("content-type", "application/json");
        assertThat(call.body()).isEqualTo(JSON.readTree("""
                {"sender":"VINCEY","recipient":"+33612345678","content":"Ville de Vincey : solde bas, 14,10 €.",
                 "type":"transactional","tag":"WALLET_BALANCE_LOW","unicodeEnabled":false}"""));
    }

    @Test
    void a_ucs_2_text_is_flagged_unicode_and_a_gateway_that_wants_digits_gets_the_number_without_its_plus()
            throws Exception {
        provider("api-key", SmsProperties.RecipientFormat.DIGITS).send(sms("Fête de l'école \uD83D\uDE00"));

        assertThat(received.get(0).body().path("unicodeEnabled").asBoolean()).isTrue();
        assertThat(received.get(0).body().path("recipient").asText()).isEqualTo("33612345678");
    }

    @Test
    void the_key_goes_as_a_bearer_token_when_the_header_is_authorization() throws Exception {
        provider("Authorization", SmsProperties.RecipientFormat.E164).send(sms("Bonjour"));

        assertThat(received.get(0).headers()).containsEntry("authorization", "Bearer secret-key")
                .containsEntry("api-key", "null");
    }

    @Test
    void a_reference_given_as_message_id_is_kept() throws Exception {
        answer = "{\"messageId\":1511882900176220}";

        assertThat(provider().send(sms("Bonjour")).reference()).isEqualTo("1511882900176220");
    }

    @ParameterizedTest(name = "HTTP {0} → {1}, permanent {2}")
    @CsvSource({
            "400, SMS_REJECTED, true",
            "422, SMS_REJECTED, true",
            "404, SMS_REJECTED, true",
            "401, SMS_REJECTED, false",
            "403, SMS_REJECTED, false",
            "402, SMS_REJECTED, false",
            "408, SMS_UNAVAILABLE, false",
            "429, SMS_UNAVAILABLE, false",
            "500, SMS_UNAVAILABLE, false",
            "503, SMS_UNAVAILABLE, false"})
    void each_refusal_says_why_and_whether_a_retry_can_help(int code, DeliveryFailureCode expected,
                                                             boolean permanent) {
        status = code;
        answer = "{\"code\":\"invalid_parameter\",\"message\":\"Invalid phone number\"}";

        assertThatThrownBy(() -> provider().send(sms("Bonjour")))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> {
                    assertThat(e.code()).isEqualTo(expected);
                    assertThat(e.permanent()).isEqualTo(permanent);
                    assertThat(e.getMessage()).contains("HTTP " + code, "Invalid phone number")
                            .doesNotContain("secret-key");
                });
    }

    @Test
    void a_gateway_that_does_not_answer_in_time_is_unavailable() {
        delayMillis = 2_000;

        assertThatThrownBy(() -> provider().send(sms("Bonjour")))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> {
                    assertThat(e.code()).isEqualTo(DeliveryFailureCode.SMS_UNAVAILABLE);
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).startsWith("Pas de réponse de la passerelle SMS");
                });
    }

    @Test
    void a_gateway_that_cannot_be_reached_is_unavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpSmsProvider nowhere = new HttpSmsProvider(new SmsProperties.Http(
                URI.create("http://127.0.0.1:" + closed + "/sms"), "k", "api-key", SmsProperties.RecipientFormat.E164,
                Duration.ofMillis(500), Duration.ofMillis(500)), "VINCEY", JSON);

        assertThatThrownBy(() -> nowhere.send(sms("Bonjour")))
                .isInstanceOfSatisfying(SmsDeliveryException.class, e -> {
                    assertThat(e.code()).isEqualTo(DeliveryFailureCode.SMS_UNAVAILABLE);
                    assertThat(e.getMessage()).startsWith("Passerelle SMS injoignable");
                });
    }

    @Test
    void a_call_always_ends_within_its_timeouts_which_a_lease_must_outlast() {
        assertThat(provider().longestCall()).isEqualTo(Duration.ofMillis(1_300));
    }
}
