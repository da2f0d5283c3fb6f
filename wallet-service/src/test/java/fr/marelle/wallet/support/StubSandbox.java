package fr.marelle.wallet.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sandbox's merchant API as wallet-service sees it (payment-sandbox is a separate application, tested on its
 * own and with the wallet in the browser journey): payments opened with our API key, their status asked. The test
 * plays the payer (it settles a payment here) and the provider's notifier (it signs and posts notifications itself).
 */
public final class StubSandbox {

    public static final String API_KEY = "sk_test_" + UUID.randomUUID();
    public static final String SIGNING_SECRET = "whsec_" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StubSandbox shared;

    private final HttpServer server;
    private final Map<String, ObjectNode> payments = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();

    private StubSandbox(HttpServer server) {
        this.server = server;
    }

    public static synchronized StubSandbox shared() {
        if (shared == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                shared = new StubSandbox(server);
                server.createContext("/api/payments", shared::handle);
                server.start();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** While down, every call answers 503. */
    public void down(boolean isDown) {
        down.set(isDown);
    }

    /** The sandbox's view of the payment our reference names. */
    public ObjectNode byMerchantReference(String paymentId) {
        return payments.values().stream().filter(p -> p.path("merchantReference").asText().equals(paymentId))
                .findFirst().orElseThrow(() -> new AssertionError("no sandbox payment for " + paymentId));
    }

    /** The payer's choice on the card page: SUCCEEDED, DECLINED, CANCELLED. */
    public ObjectNode settle(String paymentId, String status) {
        ObjectNode payment = byMerchantReference(paymentId);
        payment.put("status", status);
        payment.put("completedAt", Instant.now().toString());
        return payment;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down.get()) {
                respond(exchange, 503, JSON.createObjectNode().put("error", "down"));
                return;
            }
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, JSON.createObjectNode().put("error", "unauthorized"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals("/api/payments")) {
                JsonNode request = JSON.readTree(exchange.getRequestBody());
                String id = "sbx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
                ObjectNode payment = JSON.createObjectNode()
                        .put("id", id)
                        .put("merchantReference", request.path("merchantReference").asText())
                        .put("amountCents", request.path("amountCents").asLong())
                        .put("currency", "EUR")
                        .put("status", "PENDING")
                        .put("returnUrl", request.path("returnUrl").asText())
                        .put("notificationUrl", request.path("notificationUrl").asText())
                        .put("createdAt", Instant.now().toString())
                        .put("expiresAt", Instant.now().plusSeconds(900).toString())
                        .put("redirectUrl", url() + "/paiement/" + id);
                payment.putNull("completedAt");
                payments.put(id, payment);
                respond(exchange, 201, payment);
            } else if (exchange.getRequestMethod().equals("GET") && path.equals("/api/payments")) {
                String reference = exchange.getRequestURI().getQuery().replace("merchantReference=", "");
                ObjectNode list = JSON.createObjectNode();
                payments.values().stream().filter(p -> p.path("merchantReference").asText().equals(reference))
                        .forEach(list.putArray("payments")::add);
                respond(exchange, 200, list);
            } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/api/payments/")) {
                ObjectNode payment = payments.get(path.substring("/api/payments/".length()));
                respond(exchange, payment == null ? 404 : 200, payment == null
                        ? JSON.createObjectNode().put("error", "not found") : payment);
            } else {
                respond(exchange, 404, JSON.createObjectNode().put("error", "not found"));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
