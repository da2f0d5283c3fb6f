package fr.marelle.children.school;

import fr.marelle.platform.errors.DomainException;

import java.util.Collection;
import java.util.Locale;

/** The rules of a school and its classes, named. */
final class SchoolRules {

    static final int MAX_NAME = 120;
    static final int MAX_CLASS_NAME = 60;
    static final int MAX_AGE = 18;

    private SchoolRules() {
    }

    static void nameIsGiven(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw DomainException.rule("SCHOOL_NAME_INVALID",
                    "Le nom de l'école est obligatoire (" + MAX_NAME + " caractères au plus).");
        }
    }

    static void kindIsGiven(SchoolKind kind) {
        if (kind == null) {
            throw DomainException.rule("SCHOOL_KIND_INVALID", "Le type d'école est maternelle ou élémentaire.");
        }
    }

    /** Ages are school ages (reached during the year the school year starts): at least min, less than max. */
    static void ageRangeIsSensible(int minAge, int maxAge) {
        if (minAge < 0 || maxAge > MAX_AGE || minAge >= maxAge) {
            throw DomainException.rule("SCHOOL_AGE_RANGE_INVALID",
                    "La tranche d'âge va d'un âge minimal à un âge maximal plus grand, entre 0 et " + MAX_AGE + " ans.");
        }
    }

    static void classNameIsGiven(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_CLASS_NAME) {
            throw DomainException.rule("CLASS_NAME_INVALID",
                    "Le nom de la classe est obligatoire (" + MAX_CLASS_NAME + " caractères au plus).");
        }
    }

    /** A class's level is one of the school's: PS to GS in a maternelle, CP to CM2 in an élémentaire. */
    static void levelFitsTheSchool(SchoolKind kind, String level) {
        if (level == null || !kind.levels().contains(level)) {
            throw DomainException.rule("CLASS_LEVEL_INVALID",
                    "Le niveau de la classe doit être l'un de ceux de l'école : " + String.join(", ", kind.levels())
                            + ".");
        }
    }

    static void classNameIsUniqueInItsYear(Collection<String> namesOfTheYear, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (namesOfTheYear.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted))) {
            throw DomainException.conflict("CLASS_NAME_TAKEN",
                    "Une classe de cette école porte déjà ce nom pour cette année scolaire.");
        }
    }

    static void classExists(boolean exists) {
        if (!exists) {
            throw DomainException.notFound("CLASS_NOT_FOUND", "Classe introuvable.");
        }
    }
}
