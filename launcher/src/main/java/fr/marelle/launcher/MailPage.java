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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A read-only page listing the mails the local SMTP server received, newest first, on 127.0.0.1 only; and the same
 * as JSON for scripts and system tests. GreenMail's standalone web UI is not used: it loads its script from a CDN,
 * and Marelle runs offline.
 */
final class MailPage implements AutoCloseable {

    static final int PORT = 8025;
    private static final Logger log = LoggerFactory.getLogger(MailPage.class);
    private static final int SHOWN = 200;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Paris"));
    /** No script, no external resource, no framing: the page only shows text. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final HttpServer server;
    private final ExecutorService executor;

    private MailPage(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** @param smtpPort only to tell the reader where the mails come from */
    static MailPage start(int port, int smtpPort, Supplier<List<ReceivedMail>> mails) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        Set<String> hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        server.createContext("/", exchange -> handle(exchange, hosts, smtpPort, mails));
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-page");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new MailPage(server, executor);
    }

    static String url(int port) {
        return "http://localhost:" + port + "/";
    }

    private static void handle(HttpExchange exchange, Set<String> hosts, int smtpPort,
                               Supplier<List<ReceivedMail>> mails) {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            // a page on another site must not read these mails through DNS rebinding
            if (host == null || !hosts.contains(host.toLowerCase())) {
                send(exchange, 421, "text/plain", "Hôte non reconnu.");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "Page en lecture seule.");
                return;
            }
            List<ReceivedMail> newestFirst = new ArrayList<>(mails.get());
            Collections.reverse(newestFirst);
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> send(exchange, 200, "text/html", html(newestFirst, smtpPort));
                case "/messages.json" -> send(exchange, 200, "application/json", json(newestFirst));
                default -> send(exchange, 404, "text/plain", "Page introuvable.");
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Mail page request failed", e);
        }
    }

    static String html(List<ReceivedMail> mails, int smtpPort) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Courriels reçus – Marelle en local</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.5;color:#1b1b1b}
                article{border:1px solid #767676;border-radius:.4rem;padding:0 1rem 1rem;margin:1rem 0}
                dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}
                dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
                pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f4;padding:.75rem;font-size:.95rem}
                a{color:#0b5394}
                </style>
                </head>
                <body>
                <main>
                <h1>Courriels reçus</h1>
                """);
        page.append("<p>").append(mails.size() == 0 ? "Aucun courriel pour l'instant."
                        : mails.size() == 1 ? "1 courriel, le plus récent en premier."
                        : mails.size() + " courriels, les plus récents en premier.")
                .append(" Le serveur SMTP local (127.0.0.1:").append(smtpPort)
                .append(") garde les messages jusqu'à l'arrêt de Marelle ; rien n'est envoyé sur Internet. ")
                .append("<a href=\"/\">Actualiser</a> · <a href=\"/messages.json\">JSON</a></p>\n");
        for (ReceivedMail mail : mails.subList(0, Math.min(SHOWN, mails.size()))) {
            page.append("<article>\n<h2>").append(mail.subject().isBlank() ? "(sans objet)" : Html.escape(mail.subject()))
                    .append("</h2>\n<dl>")
                    .append("<dt>De</dt><dd>").append(Html.escape(mail.from())).append("</dd>")
                    .append("<dt>À</dt><dd>").append(Html.escape(mail.to())).append("</dd>")
                    .append("<dt>Date</dt><dd>").append(mail.date().map(DATE::format).orElse("inconnue")).append("</dd>")
                    .append("</dl>\n<pre>").append(Html.escapeWithLinks(mail.body())).append("</pre>\n</article>\n");
        }
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    static String json(List<ReceivedMail> mails) {
        return mails.stream().map(mail -> "{\"from\":" + Html.jsonString(mail.from())
                        + ",\"to\":" + Html.jsonString(mail.to())
                        + ",\"subject\":" + Html.jsonString(mail.subject())
                        + ",\"date\":" + mail.date().map(date -> Html.jsonString(date.toString())).orElse("null")
                        + ",\"body\":" + Html.jsonString(mail.body()) + "}")
                .collect(Collectors.joining(",\n", "[", "]\n"));
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
