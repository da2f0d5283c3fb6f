package fr.marelle.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The local SMS gateway, real, on a free port: the adapter's contract, idempotency, the read-only page and JSON. */
class SmsSandboxTest {

    static final String KEY = "cle-de-test";
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private SmsSandbox sandbox;
    private int port;

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        sandbox = SmsSandbox.start(port, KEY, Clock.fixed(Instant.parse("2026-09-01T14:31:04Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    HttpResponse<String> post(String body, String key, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SmsSandbox.apiUrl(port)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("api-key", key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sms(String recipient, String content) {
        return """
                {"sender":"VINCEY","recipient":"%s","content":"%s","type":"transactional",
                 "tag":"WALLET_BALANCE_LOW","unicodeEnabled":false}""".formatted(recipient, content);
    }

    /** The host in the URL is the Host header (localhost and 127.0.0.1 both reach the loopback). */
    HttpResponse<String> get(String path, String host) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** By hand: the JDK's HTTP client does not let a caller choose the Host header. */
    int status(String method, String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().findFirst().orElseThrow();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void takes_an_sms_with_the_right_key_and_answers_its_reference() throws Exception {
        HttpResponse<String> response = post(sms("+33612345678",
                "Ville de Vincey : solde du porte-monnaie 14,10 \\u20ac. \\\"Rechargez\\\""), KEY, "m-1");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).startsWith("{\"reference\":\"sandbox-").endsWith(",\"smsCount\":1}");
        assertThat(sandbox.messages()).singleElement().satisfies(sms -> {
            assertThat(sms.recipient()).isEqualTo("+33612345678");
            assertThat(sms.sender()).isEqualTo("VINCEY");
            assertThat(sms.content()).isEqualTo("Ville de Vincey : solde du porte-monnaie 14,10 €. \"Rechargez\"");
            assertThat(sms.tag()).isEqualTo("WALLET_BALANCE_LOW");
            assertThat(sms.unicode()).isFalse();
            assertThat(response.body()).contains(sms.reference());
        });
    }

    @Test
    void the_same_idempotency_key_twice_is_one_sms_with_one_reference() throws Exception {
        HttpResponse<String> first = post(sms("+33612345678", "Bonjour"), KEY, "m-2");
        HttpResponse<String> retried = post(sms("+33612345678", "Bonjour"), KEY, "m-2");

        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(sandbox.messages()).hasSize(1);
        post(sms("+33612345678", "Bonjour"), KEY, "m-3");
        assertThat(sandbox.messages()).hasSize(2);
    }

    @Test
    void refuses_a_wrong_key_a_number_not_in_e164_and_an_empty_text_as_a_real_gateway_would() throws Exception {
        assertThat(post(sms("+33612345678", "Bonjour"), "autre", "m-4").statusCode()).isEqualTo(401);
        assertThat(post(sms("+33612345678", "Bonjour"), null, "m-4").statusCode()).isEqualTo(401);
        HttpResponse<String> national = post(sms("0612345678", "Bonjour"), KEY, "m-5");
        assertThat(national.statusCode()).isEqualTo(400);
        assertThat(national.body()).contains("invalid_parameter", "E.164");
        assertThat(post(sms("+33612345678", " "), KEY, "m-6").statusCode()).isEqualTo(400);
        assertThat(sandbox.messages()).isEmpty();
    }

    @Test
    void shows_the_sms_newest_first_escaped_on_a_read_only_page_and_as_json() throws Exception {
        post(sms("+33612345678", "Premier <script>alert(1)</script> http://localhost:8080/porte-monnaie"), KEY, "a");
        post(sms("+33698765432", "Second"), KEY, "b");

        HttpResponse<String> page = get("/", "localhost:" + port);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).startsWith("default-src 'none'"));
        assertThat(page.body()).contains("2 SMS, les plus récents en premier", "&lt;script&gt;", "+33698765432",
                        "01/09/2026 16:31:04", "<a href=\"http://localhost:8080/porte-monnaie\" rel=\"noreferrer\">")
                .doesNotContain("<script>");
        assertThat(page.body().indexOf("Second")).isLessThan(page.body().indexOf("Premier"));

        HttpResponse<String> json = get("/messages.json", "127.0.0.1:" + port);
        assertThat(json.body()).startsWith("[{\"reference\":\"sandbox-").contains("\"to\":\"+33698765432\"",
                "\"text\":\"Second\"", "\"date\":\"2026-09-01T14:31:04Z\"", "\\u003cscript\\u003e");
    }

    @Test
    void answers_only_its_own_host_names_and_keeps_the_page_read_only() throws Exception {
        assertThat(status("GET", "/", "evil.example:" + port)).isEqualTo(421);
        assertThat(status("POST", SmsSandbox.API_PATH, "evil.example:" + port)).isEqualTo(421);
        assertThat(status("POST", "/", "localhost:" + port)).isEqualTo(405);
        assertThat(status("GET", SmsSandbox.API_PATH, "localhost:" + port)).isEqualTo(405);
        assertThat(status("GET", "/autre", "localhost:" + port)).isEqualTo(404);
        assertThat(status("GET", "/", "[::1]:" + port)).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
