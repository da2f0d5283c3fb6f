package fr.marelle.planning.catalogue;

import fr.marelle.planning.calendar.DayKind;
import fr.marelle.platform.errors.DomainException;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of a service's definition, named. */
final class CareServiceRules {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,29}");
    static final Pattern REQUIREMENT = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final Set<DayKind> BOOKABLE_KINDS = Set.of(DayKind.SCHOOL_DAY, DayKind.WEDNESDAY, DayKind.HOLIDAY);
    static final Set<String> CESU_CLASSES = Set.of("DAYCARE", "LEISURE_CENTRE", "NONE");
    static final Set<String> UNITS = Set.of("DAY", "SESSION");
    static final int MAX_CAPACITY = 10_000;
    static final int MAX_DEADLINE_DAYS = 60;

    private CareServiceRules() {
    }

    static void definitionIsValid(ServiceDefinition d) {
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            throw rule("SERVICE_CODE_INVALID", "Le code s'écrit en majuscules, chiffres et _, 2 à 30 caractères.");
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 100) {
            throw rule("SERVICE_NAME_INVALID", "Le nom du service est obligatoire (100 caractères au plus).");
        }
        runsOnBookableDays(d.runsOn());
        capacityIsPositive(d.capacity());
        d.schoolCapacities().values().forEach(CareServiceRules::capacityIsPositive);
        deadlineIsValid(d.bookingDeadline(), "réservation");
        deadlineIsValid(d.cancellationDeadline(), "annulation");
        if (d.requirements().stream().anyMatch(r -> !REQUIREMENT.matcher(r).matches())) {
            throw rule("SERVICE_REQUIREMENT_INVALID", "Une pièce exigée a un code invalide.");
        }
        if (!CESU_CLASSES.contains(d.cesuClass())) {
            throw rule("SERVICE_CESU_CLASS_INVALID", "La classe CESU est DAYCARE, LEISURE_CENTRE ou NONE.");
        }
        if (!UNITS.contains(d.unit())) {
            throw rule("SERVICE_UNIT_INVALID", "L'unité est DAY ou SESSION.");
        }
        if (d.hoursPerUnit() == null || d.hoursPerUnit().signum() <= 0
                || d.hoursPerUnit().compareTo(BigDecimal.valueOf(12)) > 0 || d.hoursPerUnit().scale() > 2) {
            throw rule("SERVICE_HOURS_INVALID", "Les heures par unité vont de 0,01 à 12.");
        }
    }

    /** A service runs on school days, Wednesdays and/or holidays: never on weekends or public holidays. */
    static void runsOnBookableDays(Set<DayKind> runsOn) {
        if (runsOn.isEmpty() || !BOOKABLE_KINDS.containsAll(runsOn)) {
            throw rule("SERVICE_DAYS_INVALID",
                    "Un service fonctionne les jours d'école, les mercredis et/ou les vacances.");
        }
    }

    static void capacityIsPositive(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw rule("SERVICE_CAPACITY_INVALID", "La capacité va de 1 à " + MAX_CAPACITY + " places par jour.");
        }
    }

    static void deadlineIsValid(DeadlineRule rule, String what) {
        boolean valid = rule != null && rule.kind() != null && rule.time() != null && switch (rule.kind()) {
            case DAYS_BEFORE -> rule.days() != null && rule.days() >= 0 && rule.days() <= MAX_DEADLINE_DAYS;
            case WEEKDAY_OF_PREVIOUS_WEEK -> rule.weekday() != null;
            case DAY_OF_PREVIOUS_MONTH -> rule.dayOfMonth() != null && rule.dayOfMonth() >= 1
                    && rule.dayOfMonth() <= 31;
        };
        if (!valid) {
            throw rule("SERVICE_DEADLINE_INVALID", "Le délai de " + what + " est incomplet ou hors limites.");
        }
    }

    static void idMatchesCode(String serviceId, ServiceDefinition definition) {
        if (!ServiceDefinition.idOf(definition.code()).equals(serviceId)) {
            throw rule("SERVICE_CODE_INVALID", "L'identifiant du service ne correspond pas à son code.");
        }
    }

    static void codeNeverChanges(ServiceDefinition current, ServiceDefinition next) {
        if (current != null && !current.code().equals(next.code())) {
            throw rule("SERVICE_CODE_FIXED", "Le code d'un service ne change pas.");
        }
    }

    private static DomainException rule(String code, String message) {
        return DomainException.rule(code, message);
    }
}
