package fr.marelle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service as the gateway sees it over HTTP: canned answers per method and path, and a record of what it was sent
 * (headers and body included), to test the gateway's side of the API contract.
 */
final class StubService implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, String body) {
    }

    record Received(String method, String path, String query, String authorization, String correlationId,
                    String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The claims of the service token the call carried (its payload, decoded). */
        JsonNode token() {
            String jwt = authorization.substring("Bearer ".length());
            try {
                return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    StubService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id"), body));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                    new Answer(404, "application/problem+json",
                            "{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"Introuvable.\"}"));
            if (answer.status() == 204 || answer.body().isEmpty()) {
                exchange.sendResponseHeaders(answer.status(), -1);
                exchange.close();
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status,
                status >= 400 ? "application/problem+json" : "application/json", json));
    }

    void answer(String method, String path, int status) {
        answers.put(method + " " + path, new Answer(status, "application/json", ""));
    }

    void reset() {
        answers.clear();
        received.clear();
    }

    List<Received> calls(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    Received last(String method, String path) {
        List<Received> calls = calls(method, path);
        if (calls.isEmpty()) {
            throw new AssertionError("No " + method + " " + path + " received; got " + received.stream()
                    .map(r -> r.method() + " " + r.path()).toList());
        }
        return calls.get(calls.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
