package fr.marelle.accounts.credentials;

import fr.marelle.platform.errors.FieldViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The password policy, after the CNIL's 2022 recommendation (délibération 2022-100) for passwords with no other
 * protection, whose examples we apply literally: at least 12 characters from the four classes (upper case, lower
 * case, digits, special), or at least 14 from three of them, or a passphrase of at least 20 characters. No forced
 * renewal. A password that contains the account's address or names, or starts like one of the most common ones, is
 * refused whatever its length. Login throttling is the other protection the CNIL asks for.
 */
public final class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("motdepasse", "password", "azerty", "qwerty", "123456",
            "soleil", "bonjour", "marelle", "vincey", "doudou", "chouchou", "loulou", "coucou", "iloveyou");

    private PasswordPolicy() {
    }

    /** The violation of a candidate password, with a French message, or nothing when it is acceptable. */
    public static Optional<FieldViolation> check(String field, String password, String... personalWords) {
        if (password == null || password.isEmpty()) {
            return Optional.of(new FieldViolation(field, "REQUIRED", "Le mot de passe est obligatoire."));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new FieldViolation(field, "PASSWORD_TOO_LONG",
                    "Le mot de passe compte au plus " + MAX_LENGTH + " caractères."));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String word : personalWords) {
            if (word != null && word.length() >= 3 && lower.contains(word.toLowerCase(Locale.ROOT))) {
                return Optional.of(new FieldViolation(field, "PASSWORD_PERSONAL",
                        "Le mot de passe ne doit contenir ni votre nom ni votre adresse e-mail."));
            }
        }
        for (String common : COMMON) {
            if (lower.replaceAll("[^a-z0-9]", "").startsWith(common) && password.length() < 20) {
                return Optional.of(new FieldViolation(field, "PASSWORD_COMMON",
                        "Ce mot de passe est trop courant."));
            }
        }
        if (!strongEnough(password)) {
            return Optional.of(new FieldViolation(field, "PASSWORD_TOO_WEAK",
                    "Le mot de passe doit compter au moins 12 caractères mêlant majuscules, minuscules, chiffres "
                            + "et caractères spéciaux (ou 14 caractères de trois de ces sortes, "
                            + "ou une phrase de passe d'au moins 20 caractères)."));
        }
        return Optional.empty();
    }

    static boolean strongEnough(String password) {
        int length = password.codePointCount(0, password.length());
        int classes = classes(password);
        return (length >= 12 && classes == 4) || (length >= 14 && classes >= 3) || length >= 20;
    }

    static int classes(String password) {
        int classes = 0;
        if (password.chars().anyMatch(Character::isLowerCase)) {
            classes++;
        }
        if (password.chars().anyMatch(Character::isUpperCase)) {
            classes++;
        }
        if (password.chars().anyMatch(Character::isDigit)) {
            classes++;
        }
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) {
            classes++;
        }
        return classes;
    }

    static List<FieldViolation> violations(String field, String password, String... personalWords) {
        List<FieldViolation> violations = new ArrayList<>();
        check(field, password, personalWords).ifPresent(violations::add);
        return violations;
    }
}
