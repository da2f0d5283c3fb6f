package fr.marelle.notification.message.rendering;

import java.util.List;
import java.util.Optional;

/**
 * The subject and text of a newsletter, as staff sent it: a newsletter email carries only the newsletter's id, and
 * its words are read when it is written (they are frozen once the newsletter is sent).
 */
@FunctionalInterface
public interface NewsletterContents {

    /** A sent newsletter's words; empty for one unknown, or not sent. */
    Optional<NewsletterContent> contentOf(String newsletterId);

    /** The words of a newsletter; {@code body} is plain text, paragraphs separated by a blank line. */
    record NewsletterContent(String subject, String body) {

        public List<String> paragraphs() {
            return body == null ? List.of() : java.util.Arrays.stream(body.strip().split("\\R\\s*\\R"))
                    .map(String::strip).filter(p -> !p.isEmpty()).toList();
        }
    }
}
