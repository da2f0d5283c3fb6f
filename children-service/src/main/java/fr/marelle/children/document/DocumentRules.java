package fr.marelle.children.document;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.platform.errors.FieldViolation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The rules of the document catalogue and of the documents families send, named. */
final class DocumentRules {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 500;
    static final int MAX_MONTHS = 60;
    static final int MIN_REASON = 3;
    static final int MAX_REASON = 500;
    static final int MAX_QUOTIENT_FAMILIAL = 99_999;

    private DocumentRules() {
    }

    static void codeIsWellFormed(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw field("code", "DOCUMENT_KIND_CODE_INVALID",
                    "Le code s'écrit en majuscules, chiffres et _ (2 à 40 caractères), comme HEALTH_SHEET.");
        }
    }

    static void titleIsGiven(String title, String description) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw field("title", "DOCUMENT_KIND_TITLE_INVALID",
                    "Le titre est obligatoire (" + MAX_TITLE + " caractères au plus).");
        }
        if (description != null && description.strip().length() > MAX_DESCRIPTION) {
            throw field("description", "DOCUMENT_KIND_DESCRIPTION_INVALID",
                    MAX_DESCRIPTION + " caractères au plus.");
        }
    }

    static void validityIsComplete(Validity validity, Integer months) {
        if (validity == null) {
            throw field("validity", "DOCUMENT_KIND_VALIDITY_INVALID", "La durée de validité est obligatoire.");
        }
        if (validity == Validity.MONTHS && (months == null || months < 1 || months > MAX_MONTHS)) {
            throw field("validityMonths", "DOCUMENT_KIND_VALIDITY_INVALID",
                    "Une durée de validité en mois va de 1 à " + MAX_MONTHS + " mois.");
        }
    }

    /**
     * What can be said of a kind before it is defined or changed, field by field, so that one answer names every bad
     * field: a code that is given must be well formed; months of validity go with a validity in months.
     */
    static List<FieldViolation> kindViolations(String code, Validity validity, Integer months) {
        List<FieldViolation> violations = new ArrayList<>();
        if (code != null && !code.isBlank()) {
            collect(violations, () -> codeIsWellFormed(code));
        }
        if (validity != null) {
            collect(violations, () -> validityIsComplete(validity, months));
        }
        return violations;
    }

    private static void collect(List<FieldViolation> into, Runnable rule) {
        try {
            rule.run();
        } catch (DomainException e) {
            into.addAll(e.violations());
        }
    }

    /**
     * A code for a kind staff name only by its title: its words in capitals without accents, joined by _ (e.g.
     * "Certificat médical" → CERTIFICAT_MEDICAL), numbered when that code is taken.
     */
    static String codeFromTitle(String title, Predicate<String> taken) {
        String words = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (words.isEmpty() || !Character.isLetter(words.charAt(0)) || words.length() < 2) {
            words = "DOCUMENT" + (words.isEmpty() ? "" : "_" + words);
        }
        String base = words.length() > 36 ? words.substring(0, 36).replaceAll("_+$", "") : words;
        String code = base;
        for (int n = 2; taken.test(code); n++) {
            code = base + "_" + n;
        }
        return code;
    }

    /** Only kinds the town asks for may be sent; a child's document names the child, a family's does not. */
    static void kindAcceptsThisDocument(KindSnapshot kind, UUID childId) {
        if (!kind.requirement().acceptsUploads()) {
            throw DomainException.rule("DOCUMENT_NOT_ASKED", "La ville ne demande pas ce document.");
        }
        if (kind.scope() == DocumentScope.CHILD && childId == null) {
            throw field("childId", "DOCUMENT_NEEDS_A_CHILD", "Ce document se rapporte à un enfant : choisissez-le.");
        }
        if (kind.scope() == DocumentScope.FAMILY && childId != null) {
            throw DomainException.rule("DOCUMENT_IS_FOR_THE_FAMILY", "Ce document se rapporte à la famille, "
                    + "pas à un enfant.");
        }
    }

    static void isAwaitingReview(DocumentStatus status) {
        if (status != DocumentStatus.SUBMITTED) {
            throw DomainException.conflict("DOCUMENT_ALREADY_REVIEWED", "Ce document a déjà été examiné.");
        }
    }

    /** The last day an approved document is valid, unless staff set another. */
    static LocalDate defaultValidUntil(Validity validity, Integer months, SchoolYear schoolYear, LocalDate approvedOn) {
        return switch (validity) {
            case SCHOOL_YEAR -> schoolYear.lastDay();
            case MONTHS -> approvedOn.plusMonths(months).minusDays(1);
            case UNLIMITED -> null;
        };
    }

    static void validUntilIsNotPast(LocalDate validUntil, LocalDate today) {
        if (validUntil != null && validUntil.isBefore(today)) {
            throw field("validUntil", "VALID_UNTIL_IN_PAST", "La date de fin de validité ne peut pas être passée.");
        }
    }

    /** A QF attestation is approved with the quotient familial it shows, which billing will apply. */
    static void quotientFamilialIsRead(String kind, Integer quotientFamilial) {
        if (DocumentKinds.QF_ATTESTATION.equals(kind)
                && (quotientFamilial == null || quotientFamilial < 0 || quotientFamilial > MAX_QUOTIENT_FAMILIAL)) {
            throw field("quotientFamilial", "QUOTIENT_FAMILIAL_REQUIRED",
                    "Indiquez le quotient familial figurant sur l'attestation (un nombre entier positif).");
        }
    }

    static void reasonIsGiven(String reason) {
        if (reason == null || reason.strip().length() < MIN_REASON || reason.strip().length() > MAX_REASON) {
            throw field("reason", "REJECTION_REASON_REQUIRED",
                    "Le motif du refus est obligatoire (" + MAX_REASON + " caractères au plus) : la famille le lira.");
        }
    }

    private static DomainException field(String field, String code, String message) {
        return new DomainException(ErrorKind.INVALID, code, message, List.of(new FieldViolation(field, code,
                message)));
    }
}
