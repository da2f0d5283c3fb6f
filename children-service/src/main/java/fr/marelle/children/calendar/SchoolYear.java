package fr.marelle.children.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import fr.marelle.platform.errors.DomainException;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A French school year, from 1 September to 31 August, written {@code 2026-2027}.
 *
 * <p>A child's <em>school age</em> for a year is the age reached during the calendar year in which that school year
 * starts: a child born in 2023 is 3 for 2026-2027 and enters the maternelle's petite section in September 2026, as
 * French schools count it.
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    private static final Pattern TEXT = Pattern.compile("([0-9]{4})-([0-9]{4})");
    /** From this month on, enrolments and documents are for the school year that starts in September. */
    static final int ENROLMENT_MONTH = 6;

    public SchoolYear {
        if (startYear < 2000 || startYear > 2200) {
            throw invalid();
        }
    }

    @JsonCreator
    public static SchoolYear of(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw invalid();
        }
        return new SchoolYear(Integer.parseInt(m.group(1)));
    }

    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    /** The year families enrol and send documents for: the current one, or from June the one that follows. */
    public static SchoolYear forEnrolment(LocalDate date) {
        int month = date.getMonthValue();
        return month >= ENROLMENT_MONTH && month < 9 ? new SchoolYear(date.getYear()) : containing(date);
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 9, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 8, 31);
    }

    public int schoolAgeOf(LocalDate birthDate) {
        return startYear - birthDate.getYear();
    }

    @JsonValue
    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    private static DomainException invalid() {
        return DomainException.rule("SCHOOL_YEAR_INVALID", "L'année scolaire s'écrit comme 2026-2027.");
    }
}
