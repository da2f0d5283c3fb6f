package fr.marelle.launcher;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
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
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The local SMTP server and the page that shows what it received, both real, on free ports. */
class MailPageTest {

    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private LocalMail mail;
    private MailPage page;
    private int pagePort;

    @BeforeEach
    void start() throws IOException {
        mail = LocalMail.start(freePort());
        pagePort = freePort();
        page = MailPage.start(pagePort, mail.port(), () -> mail.messages().stream().map(ReceivedMail::of).toList());
    }

    @AfterEach
    void stop() {
        page.close();
        mail.close();
    }

    @Test
    void lists_received_mails_newest_first_with_their_text_escaped_and_links_clickable() throws Exception {
        send("Bienvenue <script>alert(1)</script>", "Confirmez votre adresse : http://localhost:8080/confirmation?jeton=abc");
        send("Second message", "Rien à signaler.");

        HttpResponse<String> response = get("/", "localhost:" + pagePort);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).startsWith("default-src 'none'"));
        String html = response.body();
        assertThat(html)
                .contains("2 courriels")
                .contains("Bienvenue &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>")
                .contains("<a href=\"http://localhost:8080/confirmation?jeton=abc\" rel=\"noreferrer\">")
                .contains("famille@example.org", "ne-pas-repondre@vincey.example", "Rien à signaler.");
        assertThat(html.indexOf("Second message")).isLessThan(html.indexOf("Bienvenue"));
    }

    @Test
    void shows_the_text_part_of_a_multipart_mail_or_else_its_html_without_tags() throws Exception {
        MimeMessage message = message("Alternatives");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Version <b>HTML</b></p>", "text/html; charset=utf-8");
        alternatives.addBodyPart(html);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Version texte", "utf-8");
        alternatives.addBodyPart(text);
        message.setContent(alternatives);
        Transport.send(message);

        assertThat(ReceivedMail.of(mail.messages().get(0)).body()).isEqualTo("Version texte");
        assertThat(ReceivedMail.htmlToText("<p>Bonjour</p><p><a href=\"http://x.example/\">ici</a></p>"))
                .isEqualTo("Bonjour\nici (http://x.example/)");
    }

    @Test
    void serves_the_same_as_json() throws Exception {
        send("Objet \"cité\"", "Corps");

        HttpResponse<String> response = get("/messages.json", "127.0.0.1:" + pagePort);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"subject\":\"Objet \\\"cité\\\"\"", "\"body\":\"Corps\"");
    }

    @Test
    void answers_only_to_its_own_host_names_and_only_reads() throws Exception {
        // what a page on another site would send after rebinding its name to 127.0.0.1
        assertThat(status("GET", "/", "attacker.example:" + pagePort)).isEqualTo(421);
        assertThat(status("POST", "/", "localhost:" + pagePort)).isEqualTo(405);
        assertThat(status("GET", "/autre", "localhost:" + pagePort)).isEqualTo(404);
        assertThat(status("GET", "/", "[::1]:" + pagePort)).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String host) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** By hand: the JDK's HTTP client does not let a caller choose the Host header. */
    private int status(String method, String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", pagePort)) {
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().findFirst().orElseThrow();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private void send(String subject, String body) throws Exception {
        MimeMessage message = message(subject);
        message.setText(body, "utf-8");
        Transport.send(message);
    }

    private MimeMessage message(String subject) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(mail.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("ne-pas-repondre@vincey.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("famille@example.org"));
        message.setSubject(subject, "utf-8");
        return message;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
