package fr.marelle.planning.calendar;

import fr.marelle.planning.calendar.CalendarCommands.ImportPublicHolidays;
import fr.marelle.planning.calendar.CalendarCommands.ImportSchoolYears;
import fr.marelle.planning.calendar.CalendarEvents.PublicHolidaysImported;
import fr.marelle.planning.calendar.CalendarEvents.SchoolYearsImported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The town's school calendar (one per holiday zone): school years with their holidays, and public holidays. Staff
 * import the national open-data files; an import identical to what is known changes nothing.
 */
@Aggregate
public class SchoolCalendar {

    /** The calendar of the town's zone. */
    public static final String ID = "school-calendar";

    @AggregateIdentifier
    private String calendarId;
    private final Map<String, SchoolYear> years = new HashMap<>();
    private final Map<LocalDate, String> publicHolidays = new HashMap<>();

    protected SchoolCalendar() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportSchoolYears command) {
        SchoolCalendarRules.yearsAreConsistent(command.years());
        List<SchoolYear> changed = command.years().stream()
                .filter(y -> command.replaceKnown() ? !y.equals(years.get(y.label())) : !years.containsKey(y.label()))
                .toList();
        if (!changed.isEmpty()) {
            apply(new SchoolYearsImported(command.calendarId(), changed, command.source()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportPublicHolidays command) {
        SchoolCalendarRules.publicHolidaysAreValid(command.holidays());
        List<PublicHoliday> holidays = command.replaceKnown() ? command.holidays() : command.holidays().stream()
                .filter(h -> publicHolidays.keySet().stream().noneMatch(d -> d.getYear() == h.date().getYear()))
                .toList();
        boolean changed = holidays.stream().anyMatch(h -> !h.name().equals(publicHolidays.get(h.date())));
        if (changed) {
            apply(new PublicHolidaysImported(command.calendarId(), holidays, command.source()));
        }
    }

    @EventSourcingHandler
    void on(SchoolYearsImported event) {
        calendarId = event.calendarId();
        event.years().forEach(y -> years.put(y.label(), y));
    }

    @EventSourcingHandler
    void on(PublicHolidaysImported event) {
        calendarId = event.calendarId();
        event.holidays().stream().map(h -> h.date().getYear()).distinct()
                .forEach(year -> publicHolidays.keySet().removeIf(d -> d.getYear() == year));
        event.holidays().forEach(h -> publicHolidays.put(h.date(), h.name()));
    }
}
