package fr.marelle.notification.newsletter;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;

import java.util.ArrayList;
import java.util.List;

/** The rules of a newsletter, named. */
final class NewsletterRules {

    static final int SUBJECT_MAX = 150;
    static final int BODY_MAX = 20_000;

    private NewsletterRules() {
    }

    /** A newsletter has a subject (150 characters at most, one line) and a text (20 000 characters at most). */
    static void wordsAreComplete(String subject, String body) {
        List<FieldViolation> violations = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            violations.add(new FieldViolation("subject", "NotBlank", "L'objet est obligatoire."));
        } else if (subject.strip().length() > SUBJECT_MAX) {
            violations.add(new FieldViolation("subject", "Size",
                    "L'objet compte au plus " + SUBJECT_MAX + " caractères."));
        } else if (subject.contains("\n") || subject.contains("\r")) {
            violations.add(new FieldViolation("subject", "SingleLine", "L'objet tient sur une ligne."));
        }
        if (body == null || body.isBlank()) {
            violations.add(new FieldViolation("body", "NotBlank", "Le texte est obligatoire."));
        } else if (body.strip().length() > BODY_MAX) {
            violations.add(new FieldViolation("body", "Size",
                    "Le texte compte au plus " + BODY_MAX + " caractères."));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.", violations);
        }
    }

    /** A newsletter sent is final: it is neither changed nor sent again. */
    static void notSentYet(boolean sent) {
        if (sent) {
            throw DomainException.rule("NEWSLETTER_ALREADY_SENT", "Cette lettre d'information a déjà été envoyée.");
        }
    }
}
