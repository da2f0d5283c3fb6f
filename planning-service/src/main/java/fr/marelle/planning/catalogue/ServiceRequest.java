package fr.marelle.planning.catalogue;

import fr.marelle.planning.calendar.DayKind;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A service as staff describe it in the console (and the API), checked field by field with French messages. */
public record ServiceRequest(String code, String name, String description, List<String> runsOn, Integer capacity,
                             Map<String, Integer> schoolCapacities, Deadline bookingDeadline,
                             Deadline cancellationDeadline, List<String> requirements, String cesuClass, String unit,
                             BigDecimal hoursPerUnit) {

    /** @param time {@code HH:MM}, Europe/Paris */
    public record Deadline(String kind, Integer days, String weekday, Integer dayOfMonth, String time,
                           boolean workingDaysOnly) {
    }

    /** The definition, or every field at fault (400). */
    public ServiceDefinition toDefinition() {
        List<FieldViolation> errors = new ArrayList<>();
        if (code == null || !CareServiceRules.CODE.matcher(code.strip()).matches()) {
            errors.add(new FieldViolation("code", "FORMAT",
                    "Le code s'écrit en majuscules, chiffres et _ (2 à 30 caractères), par exemple GARDERIE_MATIN."));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FieldViolation("name", "REQUIRED", "Le nom du service est obligatoire."));
        } else if (name.strip().length() > 100) {
            errors.add(new FieldViolation("name", "LENGTH", "100 caractères au plus."));
        }
        if (description != null && description.length() > 500) {
            errors.add(new FieldViolation("description", "LENGTH", "500 caractères au plus."));
        }
        Set<DayKind> days = new HashSet<>();
        if (runsOn == null || runsOn.isEmpty()) {
            errors.add(new FieldViolation("runsOn", "REQUIRED",
                    "Choisissez les jours du service : jours d'école, mercredis et/ou vacances."));
        } else {
            for (String kind : runsOn) {
                try {
                    DayKind k = DayKind.valueOf(kind);
                    if (!CareServiceRules.BOOKABLE_KINDS.contains(k)) {
                        throw new IllegalArgumentException();
                    }
                    days.add(k);
                } catch (RuntimeException e) {
                    errors.add(new FieldViolation("runsOn", "INVALID", "Jours inconnus : " + kind + "."));
                }
            }
        }
        if (capacity == null || capacity < 1 || capacity > CareServiceRules.MAX_CAPACITY) {
            errors.add(new FieldViolation("capacity", "RANGE", "La capacité va de 1 à "
                    + CareServiceRules.MAX_CAPACITY + " places par jour."));
        }
        Map<String, Integer> perSchool = new LinkedHashMap<>();
        if (schoolCapacities != null) {
            schoolCapacities.forEach((school, places) -> {
                if (places == null || places < 1 || places > CareServiceRules.MAX_CAPACITY) {
                    errors.add(new FieldViolation("schoolCapacities", "RANGE",
                            "Chaque capacité par école va de 1 à " + CareServiceRules.MAX_CAPACITY + "."));
                } else {
                    perSchool.put(school, places);
                }
            });
        }
        DeadlineRule booking = deadline("bookingDeadline", bookingDeadline, errors);
        DeadlineRule cancellation = deadline("cancellationDeadline", cancellationDeadline, errors);
        Set<String> required = new HashSet<>();
        if (requirements != null) {
            for (String r : requirements) {
                if (r == null || !CareServiceRules.REQUIREMENT.matcher(r).matches()) {
                    errors.add(new FieldViolation("requirements", "INVALID", "Pièce exigée inconnue : " + r + "."));
                } else {
                    required.add(r);
                }
            }
        }
        if (cesuClass == null || !CareServiceRules.CESU_CLASSES.contains(cesuClass)) {
            errors.add(new FieldViolation("cesuClass", "INVALID",
                    "Choisissez ce que le CESU peut payer : garderie, centre de loisirs ou rien."));
        }
        if (unit == null || !CareServiceRules.UNITS.contains(unit)) {
            errors.add(new FieldViolation("unit", "INVALID", "L'unité est la journée ou la séance."));
        }
        if (hoursPerUnit == null || hoursPerUnit.signum() <= 0 || hoursPerUnit.compareTo(BigDecimal.valueOf(12)) > 0
                || hoursPerUnit.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldViolation("hoursPerUnit", "RANGE",
                    "Les heures comptées par unité vont de 0,01 à 12 (deux décimales au plus)."));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.", errors);
        }
        return new ServiceDefinition(code.strip(), name.strip(), description == null || description.isBlank() ? null
                : description.strip(), days, capacity, perSchool, booking, cancellation, required, cesuClass, unit,
                hoursPerUnit.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    private static DeadlineRule deadline(String field, Deadline d, List<FieldViolation> errors) {
        if (d == null || d.kind() == null) {
            errors.add(new FieldViolation(field + ".kind", "REQUIRED", "Choisissez la forme du délai."));
            return null;
        }
        LocalTime time = null;
        try {
            time = d.time() == null ? null : LocalTime.parse(d.time().strip());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (time == null) {
            errors.add(new FieldViolation(field + ".time", "FORMAT", "L'heure s'écrit HH:MM, par exemple 10:00."));
        }
        try {
            DeadlineRule.Kind kind = DeadlineRule.Kind.valueOf(d.kind());
            switch (kind) {
                case DAYS_BEFORE -> {
                    if (d.days() == null || d.days() < 0 || d.days() > CareServiceRules.MAX_DEADLINE_DAYS) {
                        errors.add(new FieldViolation(field + ".days", "RANGE", "De 0 à "
                                + CareServiceRules.MAX_DEADLINE_DAYS + " jours avant."));
                        return null;
                    }
                    return time == null ? null : DeadlineRule.daysBefore(d.days(), time, d.workingDaysOnly());
                }
                case WEEKDAY_OF_PREVIOUS_WEEK -> {
                    DayOfWeek weekday;
                    try {
                        weekday = DayOfWeek.valueOf(d.weekday());
                    } catch (RuntimeException e) {
                        errors.add(new FieldViolation(field + ".weekday", "REQUIRED", "Choisissez le jour."));
                        return null;
                    }
                    return time == null ? null
                            : DeadlineRule.weekdayOfPreviousWeek(weekday, time, d.workingDaysOnly());
                }
                default -> {
                    if (d.dayOfMonth() == null || d.dayOfMonth() < 1 || d.dayOfMonth() > 31) {
                        errors.add(new FieldViolation(field + ".dayOfMonth", "RANGE", "Du 1er au 31 du mois."));
                        return null;
                    }
                    return time == null ? null
                            : DeadlineRule.dayOfPreviousMonth(d.dayOfMonth(), time, d.workingDaysOnly());
                }
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation(field + ".kind", "INVALID", "Forme de délai inconnue."));
            return null;
        }
    }

    /** A definition as staff see it in the form. */
    public static ServiceRequest of(ServiceDefinition d) {
        return new ServiceRequest(d.code(), d.name(), d.description(), d.runsOn().stream().map(Enum::name).sorted()
                .toList(), d.capacity(), d.schoolCapacities(), deadline(d.bookingDeadline()),
                deadline(d.cancellationDeadline()), d.requirements().stream().sorted().toList(), d.cesuClass(),
                d.unit(), d.hoursPerUnit());
    }

    private static Deadline deadline(DeadlineRule r) {
        return new Deadline(r.kind().name(), r.days(), r.weekday() == null ? null : r.weekday().name(),
                r.dayOfMonth(), r.time().toString(), r.workingDaysOnly());
    }
}
