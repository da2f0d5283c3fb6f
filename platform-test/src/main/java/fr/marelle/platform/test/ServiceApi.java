package fr.marelle.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.marelle.platform.audit.Actor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls a service's HTTP API as the gateway would: with a signed service token and a correlation id. */
public final class ServiceApi {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ServiceApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Caller as(Actor actor) {
        return new Caller(TestServiceTokens.tokenFor(actor));
    }

    /** As a peer service (e.g. {@code notification}), acting for itself. */
    public Caller asPeer(String keyId) {
        return new Caller(TestServiceTokens.peerTokenFor(keyId));
    }

    public Caller withToken(String token) {
        return new Caller(token);
    }

    public Caller anonymous() {
        return new Caller(null);
    }

    public record Response(int status, JsonNode body, String contentType, String raw) {
        public String code() {
            return body.path("code").asText(null);
        }
    }

    public final class Caller {
        private final String token;

        private Caller(String token) {
            this.token = token;
        }

        public Response get(String path) {
            return send(request(path).GET());
        }

        public Response delete(String path) {
            return send(request(path).DELETE());
        }

        public Response post(String path, Object body) {
            return send(request(path).header("Content-Type", "application/json").POST(bodyOf(body)));
        }

        public Response put(String path, Object body) {
            return send(request(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-Correlation-Id", "test-" + UUID.randomUUID());
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return builder;
        }

        private HttpRequest.BodyPublisher bodyOf(Object body) {
            try {
                return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private Response send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body = response.body() == null || response.body().isBlank()
                        ? MissingNode.getInstance() : parse(response.body());
                return new Response(response.statusCode(), body,
                        response.headers().firstValue("Content-Type").orElse(""), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
