package fr.marelle.notification.message.rendering;

/**
 * A message ready to send: its subject, plain-text and HTML bodies. The bodies may hold a single-use link: they go
 * to the SMTP server and nowhere else (never logged: {@code toString} shows the subject only).
 */
public record RenderedEmail(String subject, String text, String html, String language) {

    @Override
    public String toString() {
        return "RenderedEmail[subject=" + subject + ", language=" + language + "]";
    }
}
