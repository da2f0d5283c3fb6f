package fr.marelle.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The local SMS gateway: notification-service's real HTTP adapter sends to it (so the local run uses the same path as
 * production), and it keeps what it takes, in memory, until the launcher stops. It speaks the adapter's contract (a
 * JSON POST per SMS with an {@code api-key} header, in the shape of Brevo's transactional SMS API), honours the
 * {@code Idempotency-Key} (a retried SMS is taken once), and shows the SMS on a read-only page and as JSON, like the
 * mail page. Nothing leaves the machine.
 */
final class SmsSandbox implements AutoCloseable {

    static final int PORT = 8026;
    static final String API_PATH = "/v3/transactionalSMS/sms";
    private static final Logger log = LoggerFactory.getLogger(SmsSandbox.class);
    private static final int SHOWN = 200;
    private static final int KEPT = 10_000;
    private static final int MAX_BODY = 16 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Paris"));
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern STRING_FIELD = Pattern.compile(
            "\"(sender|recipient|content|tag|type)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern UNICODE_FIELD = Pattern.compile("\"unicodeEnabled\"\\s*:\\s*(true|false)");

    /** One SMS the sandbox took. */
    record Sms(String reference, String sender, String recipient, String content, boolean unicode, String tag,
               Instant receivedAt) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiKey;
    private final Clock clock;
    private final List<Sms> taken = new ArrayList<>();
    private final Map<String, String> referenceByKey = new HashMap<>();

    private SmsSandbox(HttpServer server, ExecutorService executor, String apiKey, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /**
     * The key of this run: the sandbox checks it, notification-service gets it as {@code MARELLE_SMS_API_KEY}. A new
     * one at every start of the launcher, which starts both.
     */
    static final String RUN_KEY = newApiKey();

    static String newApiKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static SmsSandbox start(int port, String apiKey, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        Set<String> hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "sms-sandbox");
            thread.setDaemon(true);
            return thread;
        });
        SmsSandbox sandbox = new SmsSandbox(server, executor, apiKey, clock);
        server.createContext("/", exchange -> sandbox.handle(exchange, hosts));
        server.setExecutor(executor);
        server.start();
        return sandbox;
    }

    static String url(int port) {
        return "http://localhost:" + port + "/";
    }

    /** Where notification-service sends its SMS. */
    static String apiUrl(int port) {
        return "http://127.0.0.1:" + port + API_PATH;
    }

    /** The SMS taken so far, oldest first. */
    synchronized List<Sms> messages() {
        return List.copyOf(taken);
    }

    private void handle(HttpExchange exchange, Set<String> hosts) {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase())) {
                send(exchange, 421, "text/plain", "Hôte non reconnu.");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(API_PATH)) {
                if (!method.equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    send(exchange, 405, "application/json", error("method_not_allowed", "POST only"));
                    return;
                }
                take(exchange);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "Page en lecture seule.");
                return;
            }
            List<Sms> newestFirst = new ArrayList<>(messages());
            Collections.reverse(newestFirst);
            switch (path) {
                case "/" -> send(exchange, 200, "text/html", html(newestFirst));
                case "/messages.json" -> send(exchange, 200, "application/json", json(newestFirst));
                default -> send(exchange, 404, "text/plain", "Page introuvable.");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("SMS sandbox request failed", e);
        }
    }

    /** The gateway's side of the contract: check, take once per idempotency key, answer a reference. */
    private void take(HttpExchange exchange) throws IOException {
        if (!apiKey.equals(exchange.getRequestHeaders().getFirst("api-key"))) {
            send(exchange, 401, "application/json", error("unauthorized", "Key not found"));
            return;
        }
        byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            send(exchange, 413, "application/json", error("too_large", "Request too large"));
            return;
        }
        Map<String, String> fields = fields(new String(raw, StandardCharsets.UTF_8));
        String recipient = fields.getOrDefault("recipient", "");
        String content = fields.getOrDefault("content", "");
        if (!E164.matcher(recipient).matches()) {
            send(exchange, 400, "application/json", error("invalid_parameter",
                    "recipient must be a number in E.164 (+33612345678)"));
            return;
        }
        if (content.isBlank()) {
            send(exchange, 400, "application/json", error("invalid_parameter", "content is empty"));
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String reference;
        synchronized (this) {
            reference = key == null ? null : referenceByKey.get(key);
            if (reference == null) {
                reference = "sandbox-" + UUID.randomUUID();
                if (key != null) {
                    referenceByKey.put(key, reference);
                }
                taken.add(new Sms(reference, fields.getOrDefault("sender", ""), recipient, content,
                        Boolean.parseBoolean(fields.getOrDefault("unicodeEnabled", "false")),
                        fields.get("tag"), clock.instant()));
                if (taken.size() > KEPT) {
                    taken.remove(0);
                }
            }
        }
        send(exchange, 201, "application/json", "{\"reference\":" + Html.jsonString(reference)
                + ",\"smsCount\":1}");
    }

    /** The flat JSON object of the contract (strings and one boolean); nothing else is read. */
    static Map<String, String> fields(String json) {
        Map<String, String> fields = new HashMap<>();
        Matcher strings = STRING_FIELD.matcher(json);
        while (strings.find()) {
            fields.putIfAbsent(strings.group(1), unescape(strings.group(2)));
        }
        Matcher unicode = UNICODE_FIELD.matcher(json);
        if (unicode.find()) {
            fields.put("unicodeEnabled", unicode.group(1));
        }
        return fields;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < text.length()) {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    static String html(List<Sms> messages) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>SMS reçus – Marelle en local</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.5;color:#1b1b1b}
                article{border:1px solid #767676;border-radius:.4rem;padding:0 1rem 1rem;margin:1rem 0}
                dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}
                dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
                p.sms{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f4;padding:.75rem;font-size:1rem}
                a{color:#0b5394}
                </style>
                </head>
                <body>
                <main>
                <h1>SMS reçus</h1>
                """);
        page.append("<p>").append(messages.isEmpty() ? "Aucun SMS pour l'instant."
                        : messages.size() == 1 ? "1 SMS, le plus récent en premier."
                        : messages.size() + " SMS, les plus récents en premier.")
                .append(" Cette passerelle SMS locale garde les messages jusqu'à l'arrêt de Marelle ; rien n'est ")
                .append("envoyé à un téléphone. <a href=\"/\">Actualiser</a> · <a href=\"/messages.json\">JSON</a></p>\n");
        for (Sms sms : messages.subList(0, Math.min(SHOWN, messages.size()))) {
            page.append("<article>\n<h2>").append(Html.escape(sms.recipient())).append("</h2>\n<dl>")
                    .append("<dt>Expéditeur</dt><dd>").append(Html.escape(sms.sender())).append("</dd>")
                    .append("<dt>Date</dt><dd>").append(DATE.format(sms.receivedAt())).append("</dd>")
                    .append("<dt>Type</dt><dd>").append(sms.tag() == null ? "—" : Html.escape(sms.tag())).append("</dd>")
                    .append("<dt>Longueur</dt><dd>").append(sms.content().length()).append(" caractères")
                    .append(sms.unicode() ? " (Unicode)" : " (GSM 7 bits)").append("</dd>")
                    .append("<dt>Référence</dt><dd>").append(Html.escape(sms.reference())).append("</dd>")
                    .append("</dl>\n<p class=\"sms\">").append(Html.escapeWithLinks(sms.content()))
                    .append("</p>\n</article>\n");
        }
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    static String json(List<Sms> messages) {
        return messages.stream().map(sms -> "{\"reference\":" + Html.jsonString(sms.reference())
                        + ",\"sender\":" + Html.jsonString(sms.sender())
                        + ",\"to\":" + Html.jsonString(sms.recipient())
                        + ",\"text\":" + Html.jsonString(sms.content())
                        + ",\"unicode\":" + sms.unicode()
                        + ",\"tag\":" + (sms.tag() == null ? "null" : Html.jsonString(sms.tag()))
                        + ",\"date\":" + Html.jsonString(sms.receivedAt().toString()) + "}")
                .collect(Collectors.joining(",\n", "[", "]\n"));
    }

    private static String error(String code, String message) {
        return "{\"code\":" + Html.jsonString(code) + ",\"message\":" + Html.jsonString(message) + "}";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type + "; charset=utf-8");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
