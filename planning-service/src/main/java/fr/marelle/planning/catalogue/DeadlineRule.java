package fr.marelle.planning.catalogue;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When booking (or cancelling) a day of a service closes, in one of the town's three forms, at a time of day in
 * Europe/Paris:
 * <ul>
 *     <li>{@code DAYS_BEFORE}: {@code days} days before the day (0: the day itself), e.g. "2 jours avant à 10:00";</li>
 *     <li>{@code WEEKDAY_OF_PREVIOUS_WEEK}: the {@code weekday} of the week before, e.g. "le jeudi de la semaine
 *     précédente à 12:00";</li>
 *     <li>{@code DAY_OF_PREVIOUS_MONTH}: the {@code dayOfMonth}th of the month before, e.g. "le 20 du mois
 *     précédent à 23:59".</li>
 * </ul>
 * With {@code workingDaysOnly}, days are counted without weekends and public holidays, and a deadline that would fall
 * on such a day moves to the working day before it.
 */
public record DeadlineRule(Kind kind, Integer days, DayOfWeek weekday, Integer dayOfMonth, LocalTime time,
                           boolean workingDaysOnly) {

    public enum Kind { DAYS_BEFORE, WEEKDAY_OF_PREVIOUS_WEEK, DAY_OF_PREVIOUS_MONTH }

    public static DeadlineRule daysBefore(int days, LocalTime time, boolean workingDaysOnly) {
        return new DeadlineRule(Kind.DAYS_BEFORE, days, null, null, time, workingDaysOnly);
    }

    public static DeadlineRule weekdayOfPreviousWeek(DayOfWeek weekday, LocalTime time, boolean workingDaysOnly) {
        return new DeadlineRule(Kind.WEEKDAY_OF_PREVIOUS_WEEK, null, weekday, null, time, workingDaysOnly);
    }

    public static DeadlineRule dayOfPreviousMonth(int dayOfMonth, LocalTime time, boolean workingDaysOnly) {
        return new DeadlineRule(Kind.DAY_OF_PREVIOUS_MONTH, null, null, dayOfMonth, time, workingDaysOnly);
    }
}
