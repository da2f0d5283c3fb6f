package fr.marelle.planning.calendar;

import fr.marelle.platform.errors.DomainException;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules of the school calendar, named. */
final class SchoolCalendarRules {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})-(\\d{4})");

    private SchoolCalendarRules() {
    }

    /**
     * A school year is labelled {@code YYYY-YYYY+1}, starts in August or September of its first year and ends before
     * September of the next; its holidays lie inside it and do not overlap.
     */
    static void yearsAreConsistent(List<SchoolYear> years) {
        if (years == null || years.isEmpty()) {
            throw rule("Aucune année scolaire à importer.");
        }
        Set<String> labels = new HashSet<>();
        for (SchoolYear year : years) {
            Matcher label = LABEL.matcher(year.label() == null ? "" : year.label());
            if (!label.matches() || Integer.parseInt(label.group(2)) != Integer.parseInt(label.group(1)) + 1) {
                throw rule("L'année scolaire « " + year.label() + " » doit s'écrire comme 2026-2027.");
            }
            if (!labels.add(year.label())) {
                throw rule("L'année scolaire " + year.label() + " figure deux fois.");
            }
            int first = Integer.parseInt(label.group(1));
            if (year.firstDay().getYear() != first || year.firstDay().getMonthValue() < 8
                    || !year.lastDay().isAfter(year.firstDay())
                    || year.lastDay().isAfter(LocalDate.of(first + 1, 8, 31))) {
                throw rule("Les dates de l'année " + year.label() + " ne sont pas cohérentes.");
            }
            LocalDate previousEnd = null;
            for (Holiday holiday : year.holidays()) {
                if (holiday.lastDay().isBefore(holiday.firstDay()) || holiday.firstDay().isBefore(year.firstDay())
                        || holiday.lastDay().isAfter(year.lastDay().plusDays(2))) {
                    throw rule("« " + holiday.name() + " » " + year.label()
                            + " ne tient pas dans l'année scolaire.");
                }
                if (previousEnd != null && !holiday.firstDay().isAfter(previousEnd)) {
                    throw rule("Deux périodes de vacances de " + year.label() + " se chevauchent.");
                }
                previousEnd = holiday.lastDay();
            }
        }
    }

    static void publicHolidaysAreValid(List<PublicHoliday> holidays) {
        if (holidays == null || holidays.isEmpty()) {
            throw rule("Aucun jour férié à importer.");
        }
        Set<LocalDate> days = new HashSet<>();
        for (PublicHoliday holiday : holidays) {
            if (holiday.date() == null || holiday.name() == null || holiday.name().isBlank()) {
                throw rule("Chaque jour férié a une date et un nom.");
            }
            if (!days.add(holiday.date())) {
                throw rule("Le " + holiday.date() + " figure deux fois.");
            }
        }
    }

    private static DomainException rule(String message) {
        return DomainException.rule("CALENDAR_INVALID", message);
    }
}
