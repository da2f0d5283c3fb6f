package fr.marelle.planning.web;

import fr.marelle.planning.calendar.CalendarCommands.ImportPublicHolidays;
import fr.marelle.planning.calendar.CalendarCommands.ImportSchoolYears;
import fr.marelle.planning.calendar.CalendarFiles;
import fr.marelle.planning.calendar.CalendarView;
import fr.marelle.planning.calendar.PublicHoliday;
import fr.marelle.planning.calendar.SchoolCalendar;
import fr.marelle.planning.calendar.SchoolCalendarQueries;
import fr.marelle.planning.calendar.SchoolYear;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The school calendar: read by everyone logged in; staff import the national open-data files again. */
@RestController
class CalendarController {

    record CalendarResponse(String zone, List<SchoolCalendarQueries.YearView> years,
                            List<PublicHoliday> publicHolidays) {
    }

    record DayResponse(LocalDate date, String kind, String holiday) {
    }

    record Imported(int years, int publicHolidays, List<String> labels) {
    }

    /** A calendar file as text; {@code format} {@code ics} or {@code csv} (else told by the content). */
    record CalendarFile(String fileName, String format, String content) {
    }

    static final int MAX_FILE = 2 * 1024 * 1024;

    private final SchoolCalendarQueries calendar;
    private final CommandGateway commands;
    private final String zone;

    CalendarController(SchoolCalendarQueries calendar, CommandGateway commands,
                       @Value("${marelle.planning.zone:B}") String zone) {
        this.calendar = calendar;
        this.commands = commands;
        this.zone = zone;
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/calendar")
    CalendarResponse calendar() {
        Callers.current();
        return new CalendarResponse(zone, calendar.years(), calendar.publicHolidays());
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/calendar/days")
    List<DayResponse> days(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        Callers.current();
        StaffPlanningController.period(from, to, 400);
        CalendarView view = calendar.view();
        List<DayResponse> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new DayResponse(d, view.kindOf(d).name(), view.holidayName(d).orElse(null)));
        }
        return days;
    }

    /**
     * The zone's school calendar from the national open-data file ({@code fr-en-calendrier-scolaire}), as CSV or as
     * the zone's ICS file (told by {@code format}, else by the content). Years in the file replace the same years.
     */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/calendar/school-years")
    Imported importSchoolYears(@RequestBody CalendarFile file) {
        Callers.require(Role.ADMIN, Role.AGENT);
        String content = text(file.content());
        String format = file.format();
        String fileName = file.fileName();
        boolean ics = "ics".equalsIgnoreCase(format) || (format == null && content.contains("BEGIN:VCALENDAR"));
        List<SchoolYear> years = ics ? CalendarFiles.schoolYearsFromIcs(content, zone)
                : CalendarFiles.schoolYearsFromCsv(content, zone);
        commands.sendAndWait(new ImportSchoolYears(SchoolCalendar.ID, years, source(fileName, ics ? "ICS" : "CSV"),
                true));
        return new Imported(years.size(), 0, years.stream().map(SchoolYear::label).toList());
    }

    /** Public holidays from the national open-data file ({@code jours-feries-metropole.csv}). */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/calendar/public-holidays")
    Imported importPublicHolidays(@RequestBody CalendarFile file) {
        Callers.require(Role.ADMIN, Role.AGENT);
        List<PublicHoliday> holidays = CalendarFiles.publicHolidaysFromCsv(text(file.content()));
        commands.sendAndWait(new ImportPublicHolidays(SchoolCalendar.ID, holidays, source(file.fileName(), "CSV"),
                true));
        return new Imported(0, holidays.size(), List.of());
    }

    private static String source(String fileName, String format) {
        String name = fileName == null || fileName.isBlank() ? "fichier " + format
                : fileName.replaceAll("[\\r\\n]", " ").strip();
        return "Import : " + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    private static String text(String file) {
        if (file == null || file.isBlank()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                    List.of(new FieldViolation("file", "REQUIRED", "Choisissez un fichier.")));
        }
        if (file.length() > MAX_FILE) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                    List.of(new FieldViolation("file", "TOO_LARGE", "Le fichier dépasse 2 Mo.")));
        }
        return file;
    }
}
