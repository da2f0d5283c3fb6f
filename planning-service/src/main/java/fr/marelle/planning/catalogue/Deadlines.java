package fr.marelle.planning.catalogue;

import fr.marelle.planning.calendar.CalendarView;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The deadline policy: the instant a {@link DeadlineRule} closes a day, in Europe/Paris. The local date and time are
 * computed first, then placed in Paris time, so "10:00" is 10:00 on the wall clock on both sides of a daylight-saving
 * change; a time that does not exist on the night clocks go forward is moved forward by the gap, and a time that
 * exists twice on the night they go back is the first of the two (the earlier instant: never later than the town
 * says).
 */
public final class Deadlines {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Deadlines() {
    }

    public static ZonedDateTime deadline(LocalDate day, DeadlineRule rule, CalendarView calendar) {
        LocalDate date = switch (rule.kind()) {
            case DAYS_BEFORE -> daysBefore(day, rule.days(), rule.workingDaysOnly(), calendar);
            case WEEKDAY_OF_PREVIOUS_WEEK -> onWorkingDay(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .minusWeeks(1).with(TemporalAdjusters.nextOrSame(rule.weekday())), rule.workingDaysOnly(), calendar);
            case DAY_OF_PREVIOUS_MONTH -> onWorkingDay(previousMonthDay(day, rule.dayOfMonth()),
                    rule.workingDaysOnly(), calendar);
        };
        return ZonedDateTime.ofLocal(date.atTime(rule.time()), PARIS, null);
    }

    /** {@code days} days before, counted on working days only when asked (the day itself is never counted). */
    static LocalDate daysBefore(LocalDate day, int days, boolean workingDaysOnly, CalendarView calendar) {
        if (!workingDaysOnly) {
            return day.minusDays(days);
        }
        LocalDate date = day;
        int counted = 0;
        while (counted < days) {
            date = date.minusDays(1);
            if (calendar.isWorkingDay(date)) {
                counted++;
            }
        }
        return days == 0 ? onWorkingDay(date, true, calendar) : date;
    }

    private static LocalDate previousMonthDay(LocalDate day, int dayOfMonth) {
        LocalDate previousMonth = day.withDayOfMonth(1).minusMonths(1);
        return previousMonth.withDayOfMonth(Math.min(dayOfMonth, previousMonth.lengthOfMonth()));
    }

    /** A deadline that falls on a weekend or a public holiday moves to the working day before, when asked. */
    private static LocalDate onWorkingDay(LocalDate date, boolean workingDaysOnly, CalendarView calendar) {
        LocalDate d = date;
        while (workingDaysOnly && !calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }
}
