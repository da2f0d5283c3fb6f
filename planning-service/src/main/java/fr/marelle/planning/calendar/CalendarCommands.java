package fr.marelle.planning.calendar;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** What may be asked of the school calendar. */
public final class CalendarCommands {

    private CalendarCommands() {
    }

    /** School years of the zone, each replacing the same year if known (from a shipped or an imported file). */
    /** @param replaceKnown false for the shipped files: a year staff imported is never overwritten by them */
    public record ImportSchoolYears(@TargetAggregateIdentifier String calendarId, List<SchoolYear> years,
                                    String source, boolean replaceKnown) {
    }

    /** Public holidays, replacing those of the same calendar years. */
    public record ImportPublicHolidays(@TargetAggregateIdentifier String calendarId, List<PublicHoliday> holidays,
                                       String source, boolean replaceKnown) {
    }
}
