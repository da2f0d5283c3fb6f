package fr.marelle.launcher;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the mail page shows of a message: its envelope and a readable text body (the text part, else the HTML part
 * with its tags removed).
 */
record ReceivedMail(String from, String to, String subject, Optional<Instant> date, String body) {

    static ReceivedMail of(MimeMessage message) {
        try {
            return new ReceivedMail(
                    addresses(message.getFrom()),
                    addresses(message.getAllRecipients()),
                    Optional.ofNullable(message.getSubject()).orElse(""),
                    Optional.ofNullable(message.getSentDate()).map(Date::toInstant),
                    text(message).orElse(""));
        } catch (MessagingException | IOException e) {
            return new ReceivedMail("", "", "(message illisible : " + e.getMessage() + ")", Optional.empty(), "");
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static Optional<String> text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            Optional<String> html = Optional.empty();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    continue;
                }
                if (child.isMimeType("text/html")) {
                    html = html.or(() -> Optional.of(htmlToText(content(child))));
                    continue;
                }
                Optional<String> text = text(child);
                if (text.isPresent()) {
                    return text;
                }
            }
            return html;
        }
        if (part.isMimeType("text/html")) {
            return Optional.of(htmlToText(content(part)));
        }
        return Optional.empty();
    }

    private static String content(Part part) {
        try {
            return String.valueOf(part.getContent());
        } catch (MessagingException | IOException e) {
            return "";
        }
    }

    /** Good enough to read a notification and find its links; the page escapes the result anyway. */
    static String htmlToText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", "$2 ($1)")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</h[1-6]>|</tr>", "\n")
                .replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
