package fr.marelle.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.PemKeys;
import fr.marelle.platform.security.ServiceSecurityAutoConfiguration;
import fr.marelle.platform.security.ServiceTokenClaims;
import fr.marelle.platform.security.ServiceTokenProperties;
import fr.marelle.platform.test.TcpProxy;
import fr.marelle.platform.test.TestServiceTokens;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * accounts-service's link API as notification-service sees it, in the test JVM: {@code POST /api/account-links}
 * verifies the bearer token with the platform's own decoder (the gateway's key and notification's peer key, as
 * accounts-service configures it) and accepts only {@code system:notification}; it mints a fresh link per call, or
 * answers as a test told it to for a request id (refused for good, unavailable, slow). It sits behind a
 * {@link TcpProxy} that tests cut to take accounts-service off the network.
 *
 * <p>notification-service signs with a key pair made here: the private half goes to every test context
 * ({@code marelle.service-token.private-key}), the public half is the stub's {@code peers.notification}.
 */
public final class StubAccounts {

    /** What the stub answers for a request id, until told otherwise. */
    public enum Answer { LINK, REFUSED, UNAVAILABLE, SLOW }

    /** A call the stub received: the request id asked for, the verified caller, and the link handed out if any. */
    public record Call(String requestId, String caller, int status, String url) {
    }

    public static final String KEY_ID = "notification";
    private static final String[] NOTIFICATION_KEYS = PemKeys.generate();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static volatile Duration slowness = Duration.ofSeconds(3);
    private static HttpServer server;
    private static TcpProxy proxy;
    private static JwtDecoder decoder;

    private StubAccounts() {
    }

    static synchronized void start() {
        if (server != null) {
            return;
        }
        ServiceTokenProperties trusted = new ServiceTokenProperties();
        trusted.setPublicKey(TestServiceTokens.publicKey());
        trusted.setPeers(Map.of(KEY_ID, NOTIFICATION_KEYS[0]));
        decoder = new ServiceSecurityAutoConfiguration().serviceTokenDecoder(trusted);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/account-links", StubAccounts::mint);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "stub-accounts");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        proxy = new TcpProxy(TcpProxy.freePort(), "127.0.0.1", server.getAddress().getPort()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            server.stop(0);
        }, "stop-stub-accounts"));
    }

    /** accounts-service's URL, through the proxy. */
    public static synchronized String url() {
        start();
        return "http://127.0.0.1:" + proxy.port();
    }

    public static synchronized TcpProxy proxy() {
        start();
        return proxy;
    }

    /** notification-service's private key (PKCS#8 PEM), which the stub trusts as the peer {@code notification}. */
    public static String notificationPrivateKey() {
        return NOTIFICATION_KEYS[1];
    }

    public static void answer(String requestId, Answer answer) {
        ANSWERS.put(requestId, answer);
    }

    public static void recover(String requestId) {
        ANSWERS.remove(requestId);
    }

    /** How long a {@link Answer#SLOW} answer takes. */
    public static void slowness(Duration duration) {
        slowness = duration;
    }

    public static List<Call> callsFor(String requestId) {
        return CALLS.stream().filter(call -> requestId.equals(call.requestId())).toList();
    }

    /** Every link handed out so far (tests look for them where they must never be). */
    public static List<String> issued() {
        return CALLS.stream().map(Call::url).filter(url -> url != null).toList();
    }

    private static void mint(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())) {
                problem(exchange, null, null, 405, "METHOD_NOT_ALLOWED");
                return;
            }
            String caller = caller(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String requestId = body.path("requestId").asText(null);
            if (caller == null) {
                problem(exchange, requestId, null, 401, "UNAUTHENTICATED");
                return;
            }
            if (!caller.equals("system:" + KEY_ID)) {
                problem(exchange, requestId, caller, 403, "FORBIDDEN_CALLER");
                return;
            }
            if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
                problem(exchange, requestId, caller, 400, "INVALID_REQUEST");
                return;
            }
            Answer answer = ANSWERS.getOrDefault(requestId, Answer.LINK);
            switch (answer) {
                case REFUSED -> problem(exchange, requestId, caller, 422, "LINK_EXPIRED_OR_USED");
                case UNAVAILABLE -> problem(exchange, requestId, caller, 503, "SERVICE_UNAVAILABLE");
                case SLOW, LINK -> {
                    if (answer == Answer.SLOW) {
                        sleep(slowness);
                    }
                    byte[] token = new byte[32];
                    RANDOM.nextBytes(token);
                    String url = "https://famille.vincey.test/compte/valider?jeton="
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
                    ObjectNode link = JSON.createObjectNode()
                            .put("url", url)
                            .put("expiresAt", Instant.now().plus(2, ChronoUnit.DAYS)
                                    .truncatedTo(ChronoUnit.MINUTES).toString());
                    CALLS.add(new Call(requestId, caller, 200, url));
                    send(exchange, 200, "application/json", JSON.writeValueAsBytes(link));
                }
            }
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", e.toString().getBytes(StandardCharsets.UTF_8));
        } finally {
            exchange.close();
        }
    }

    /** The caller a token names, as accounts-service would see it; {@code null} when the token is not valid. */
    private static String caller(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            Jwt jwt = decoder.decode(authorization.substring("Bearer ".length()));
            return Role.SYSTEM.name().equals(jwt.getClaimAsString(ServiceTokenClaims.ROLE)) ? jwt.getSubject()
                    : "not-a-system:" + jwt.getSubject();
        } catch (JwtException e) {
            return null;
        }
    }

    private static void problem(HttpExchange exchange, String requestId, String caller, int status, String code)
            throws IOException {
        CALLS.add(new Call(requestId, caller, status, null));
        ObjectNode problem = JSON.createObjectNode().put("type", "urn:marelle:problem:" + code.toLowerCase())
                .put("status", status).put("code", code).put("detail", "Réponse du bouchon d'accounts-service");
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("marelle.services.accounts.url", url());
        properties.put("marelle.services.accounts.connect-timeout", "500ms");
        properties.put("marelle.services.accounts.timeout", "1s");
        properties.put("marelle.service-token.private-key", notificationPrivateKey());
        return properties;
    }

    /** Points every test context of the module at the stub, with notification's key (contexts stay shared). */
    public static class CustomizerFactory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stub-accounts",
                    properties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
