package fr.marelle.children.child.web;

import fr.marelle.platform.errors.FieldViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A child as a form sends it (screens 12 and 15). The birth date is typed {@code jj/mm/aaaa} (ISO dates are
 * accepted too); the school and class are ids from the lists offered.
 */
record ChildRequest(
        String familyId,
        @NotBlank(message = "Le prénom est obligatoire.") @Size(max = 60, message = "60 caractères au plus.")
        String firstName,
        @NotBlank(message = "Le nom est obligatoire.") @Size(max = 60, message = "60 caractères au plus.")
        String lastName,
        @NotBlank(message = "La date de naissance est obligatoire.") String birthDate,
        @NotBlank(message = "L'école est obligatoire.") String schoolId,
        String classId,
        @Size(max = 500, message = "500 caractères au plus.") String dietComment,
        @Size(max = 500, message = "500 caractères au plus.") String allergies) {

    private static final Pattern FRENCH_DATE = Pattern.compile("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The birth date, or the reason it is not one (added to {@code violations}). */
    static LocalDate date(String field, String text, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip();
        boolean french = FRENCH_DATE.matcher(typed).matches();
        if (!french && !ISO_DATE.matcher(typed).matches()) {
            violations.add(new FieldViolation(field, "DATE_FORMAT",
                    "La date s'écrit jj/mm/aaaa, par exemple 14/03/2020."));
            return null;
        }
        try {
            return french ? LocalDate.parse(typed, FRENCH) : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "DATE_IMPOSSIBLE", "Cette date n'existe pas."));
            return null;
        }
    }

    static UUID id(String field, String text, String message, List<FieldViolation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, "NOT_FOUND", message));
            return null;
        }
    }
}
