package fr.marelle.benchmarks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * An SMS gateway for the benchmark, speaking notification-service's HTTP adapter contract (a JSON POST with an
 * {@code api-key}), which notes the moment each SMS arrives — the SMS is then handed to the provider — and answers
 * 201 with a reference at once.
 */
final class SmsGatewaySink implements AutoCloseable {

    static final String PATH = "/v3/transactionalSMS/sms";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    /** @param received called with each recipient number and the {@link System#nanoTime()} its SMS arrived */
    SmsGatewaySink(String apiKey, BiConsumer<String, Long> received) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext(PATH, exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long at = System.nanoTime();
                if (!apiKey.equals(exchange.getRequestHeaders().getFirst("api-key"))) {
                    send(exchange, 401, "{\"code\":\"unauthorized\",\"message\":\"Key not found\"}");
                    return;
                }
                JsonNode sms = JSON.readTree(body);
                received.accept(sms.path("recipient").asText(), at);
                send(exchange, 201, "{\"reference\":\"bench-" + UUID.randomUUID() + "\",\"smsCount\":1}");
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "sms-sink");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
