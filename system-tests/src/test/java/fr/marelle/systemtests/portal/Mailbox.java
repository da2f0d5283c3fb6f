package fr.marelle.systemtests.portal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** The mails the portal sent, as the local SMTP server received them. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+jeton=[A-Za-z0-9_-]+");

    private Mailbox() {
    }

    /** The newest mail to a recipient whose subject contains the text, waiting for it to arrive. */
    public static JsonNode awaitMail(String recipient, String subjectPart) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            find(recipient, subjectPart).ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    public static Optional<JsonNode> find(String recipient, String subjectPart) {
        for (JsonNode mail : Portal.mails()) {
            if (mail.path("to").toString().contains(recipient)
                    && mail.path("subject").asText().contains(subjectPart)) {
                return Optional.of(mail);
            }
        }
        return Optional.empty();
    }

    /** The single-use link a mail carries. */
    public static String linkIn(JsonNode mail) {
        Matcher matcher = LINK.matcher(mail.path("body").asText());
        if (!matcher.find()) {
            throw new AssertionError("No link in the mail: " + mail.path("body").asText());
        }
        return matcher.group();
    }
}
