package fr.marelle.planning.calendar;

import org.axonframework.serialization.Revision;

import java.util.List;

/** Facts about the school calendar. */
public final class CalendarEvents {

    private CalendarEvents() {
    }

    /** @param source where the figures come from: a shipped file, or the name of the file staff imported */
    @Revision("1")
    public record SchoolYearsImported(String calendarId, List<SchoolYear> years, String source) {
    }

    @Revision("1")
    public record PublicHolidaysImported(String calendarId, List<PublicHoliday> holidays, String source) {
    }
}
