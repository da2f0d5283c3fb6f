package fr.marelle.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.marelle.platform.test.TcpProxy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An SMS gateway in the test JVM, speaking the contract of {@code HttpSmsProvider} (a JSON POST per SMS with an
 * {@code api-key} header), behind a {@link TcpProxy} that tests cut to take it off the network. It records what it
 * takes, honours the {@code Idempotency-Key} (a retried SMS is taken once), and answers as a test told it to for a
 * number: refused for good (400), unavailable (503). Every test context of the module sends its SMS here
 * ({@code META-INF/spring.factories}).
 */
public final class TestSmsGateway {

    public static final String API_KEY = "test-sms-key";
    public static final String SENDER = "VINCEY";

    /** What the gateway answers for a number, until told otherwise. */
    public enum Answer { TAKE, REFUSE, UNAVAILABLE }

    /** An SMS the gateway took. */
    public record Sms(String recipient, String content, String sender, boolean unicode, String tag,
                      String idempotencyKey, String reference, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Sms> TAKEN = new CopyOnWriteArrayList<>();
    private static final Map<String, String> BY_KEY = new ConcurrentHashMap<>();
    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static HttpServer server;
    private static TcpProxy proxy;

    private TestSmsGateway() {
    }

    static synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v3/transactionalSMS/sms", TestSmsGateway::take);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "test-sms-gateway");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        proxy = new TcpProxy(TcpProxy.freePort(), "127.0.0.1", server.getAddress().getPort()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            server.stop(0);
        }, "stop-test-sms-gateway"));
    }

    public static synchronized TcpProxy proxy() {
        start();
        return proxy;
    }

    public static synchronized String url() {
        start();
        return "http://127.0.0.1:" + proxy.port() + "/v3/transactionalSMS/sms";
    }

    /** The SMS taken for this number, oldest first. */
    public static List<Sms> receivedBy(String recipient) {
        return TAKEN.stream().filter(sms -> sms.recipient().equals(recipient)).toList();
    }

    public static void answer(String recipient, Answer answer) {
        ANSWERS.put(recipient, answer);
    }

    public static void recover(String recipient) {
        ANSWERS.remove(recipient);
    }

    private static void take(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("method_not_allowed", "POST only"));
                return;
            }
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("api-key"))) {
                send(exchange, 401, error("unauthorized", "Key not found"));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String recipient = body.path("recipient").asText("");
            if (!recipient.matches("\\+[1-9][0-9]{6,14}") || body.path("content").asText("").isBlank()) {
                send(exchange, 400, error("invalid_parameter", "recipient or content is invalid"));
                return;
            }
            Answer answer = ANSWERS.getOrDefault(recipient, Answer.TAKE);
            if (answer == Answer.REFUSE) {
                send(exchange, 400, error("invalid_parameter", "Invalid phone number"));
                return;
            }
            if (answer == Answer.UNAVAILABLE) {
                send(exchange, 503, error("unavailable", "Service temporarily unavailable"));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String reference;
            synchronized (TestSmsGateway.class) {
                reference = key == null ? null : BY_KEY.get(key);
                if (reference == null) {
                    reference = "test-" + UUID.randomUUID();
                    if (key != null) {
                        BY_KEY.put(key, reference);
                    }
                    TAKEN.add(new Sms(recipient, body.path("content").asText(), body.path("sender").asText(),
                            body.path("unicodeEnabled").asBoolean(), body.path("tag").asText(null), key, reference,
                            Instant.now()));
                }
            }
            ObjectNode taken = JSON.createObjectNode().put("reference", reference).put("smsCount", 1);
            send(exchange, 201, JSON.writeValueAsBytes(taken));
        }
    }

    private static byte[] error(String code, String message) throws IOException {
        return JSON.writeValueAsBytes(JSON.createObjectNode().put("code", code).put("message", message));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("marelle.sms.http.url", url());
        properties.put("marelle.sms.http.api-key", API_KEY);
        properties.put("marelle.sms.http.connect-timeout", "1s");
        properties.put("marelle.sms.http.timeout", "2s");
        properties.put("marelle.sms.sender", SENDER);
        return properties;
    }

    /** Points every test context of the module at this gateway (the same for all: contexts stay shared). */
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
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-sms-gateway",
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
