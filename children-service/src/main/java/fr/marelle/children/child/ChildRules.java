package fr.marelle.children.child;

import fr.marelle.children.calendar.SchoolYear;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.platform.errors.FieldViolation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The rules of a child's record, named. Refusals about one field name it, so that forms show them beside it. */
final class ChildRules {

    static final int MAX_NAME = 60;
    /** Children of the town's services are under 18; a birth date further back is a typing error. */
    static final int MAX_AGE_YEARS = 18;

    private ChildRules() {
    }

    static void namesAreGiven(String firstName, String lastName) {
        if (firstName == null || firstName.isBlank() || firstName.strip().length() > MAX_NAME) {
            throw field(ErrorKind.INVALID, "firstName", "FIRST_NAME_INVALID",
                    "Le prénom est obligatoire (" + MAX_NAME + " caractères au plus).");
        }
        if (lastName == null || lastName.isBlank() || lastName.strip().length() > MAX_NAME) {
            throw field(ErrorKind.INVALID, "lastName", "LAST_NAME_INVALID",
                    "Le nom est obligatoire (" + MAX_NAME + " caractères au plus).");
        }
    }

    static void birthDateIsPlausible(LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            throw field(ErrorKind.INVALID, "birthDate", "BIRTH_DATE_REQUIRED", "La date de naissance est obligatoire.");
        }
        if (birthDate.isAfter(today)) {
            throw field(ErrorKind.RULE_VIOLATED, "birthDate", "BIRTH_DATE_IN_FUTURE",
                    "La date de naissance ne peut pas être dans le futur.");
        }
        if (birthDate.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            throw field(ErrorKind.RULE_VIOLATED, "birthDate", "BIRTH_DATE_TOO_OLD",
                    "Les services de la ville accueillent les enfants de moins de " + MAX_AGE_YEARS + " ans.");
        }
    }

    static void schoolIsOpen(SchoolChoice school) {
        if (!school.active()) {
            throw field(ErrorKind.RULE_VIOLATED, "schoolId", "SCHOOL_CLOSED",
                    "Cette école n'accueille plus d'inscriptions.");
        }
    }

    /**
     * The child's school age fits the school's range, for the current school year or the next one (families enrol
     * ahead of the rentrée): at least the minimum, less than the maximum.
     */
    static void ageFitsTheSchool(LocalDate birthDate, SchoolChoice school) {
        SchoolYear current = school.currentYear();
        if (!fits(current.schoolAgeOf(birthDate), school) && !fits(current.next().schoolAgeOf(birthDate), school)) {
            throw field(ErrorKind.RULE_VIOLATED, "birthDate", "CHILD_AGE_OUTSIDE_SCHOOL_RANGE",
                    "L'âge de l'enfant ne correspond pas à cette école (de " + school.minAge() + " à "
                            + school.maxAge() + " ans).");
        }
    }

    private static boolean fits(int age, SchoolChoice school) {
        return age >= school.minAge() && age < school.maxAge();
    }

    /** Once the current school year has classes, a child's class is mandatory, and is one of those. */
    static void classIsOneOfTheYear(UUID classId, SchoolChoice school) {
        Set<UUID> classes = school.classesOfCurrentYear();
        if (classId == null && !classes.isEmpty()) {
            throw field(ErrorKind.INVALID, "classId", "CLASS_REQUIRED", "La classe est obligatoire.");
        }
        if (classId != null && !classes.contains(classId)) {
            throw field(ErrorKind.RULE_VIOLATED, "classId", "CLASS_NOT_IN_SCHOOL",
                    "Cette classe n'est pas une classe de l'école pour l'année " + school.currentYear() + ".");
        }
    }

    static void isNotArchived(boolean archived) {
        if (archived) {
            throw DomainException.rule("CHILD_ARCHIVED", "Le dossier de cet enfant est archivé.");
        }
    }

    static void keepsOneFamily(Set<UUID> families, UUID leaving) {
        if (families.contains(leaving) && families.size() == 1) {
            throw DomainException.rule("CHILD_NEEDS_A_FAMILY", "Un enfant reste rattaché à au moins une famille.");
        }
    }

    private static DomainException field(ErrorKind kind, String field, String code, String message) {
        return new DomainException(kind, code, message, List.of(new FieldViolation(field, code, message)));
    }
}
