package fr.marelle.notification.message.rendering;

/**
 * A message ready to send: its subject, plain-text and HTML bodies, and, for a newsletter, the link of its
 * {@code List-Unsubscribe} header. The bodies may hold a link that is a secret: they go to the SMTP server and
 * nowhere else (never logged: {@code toString} shows the subject only).
 */
public record RenderedEmail(String subject, String text, String html, String language, String listUnsubscribe) {

    public RenderedEmail(String subject, String text, String html, String language) {
        this(subject, text, html, language, null);
    }

    @Override
    public String toString() {
        return "RenderedEmail[subject=" + subject + ", language=" + language + "]";
    }
}
