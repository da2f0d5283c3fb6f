package fr.marelle.planning.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The calendar as every booking reads it: kept in memory and reloaded when the calendar's tables change (one tiny
 * query per read checks their version), so that the hot path never parses holidays again.
 */
@Component
public class SchoolCalendarQueries {

    /** A school year as staff see it. */
    public record YearView(String label, String zone, LocalDate firstDay, LocalDate lastDay, String source,
                           OffsetDateTime importedAt, List<Holiday> holidays) {
    }

    private record Loaded(long version, CalendarView view) {
    }

    private record YearRow(String label, String zone, LocalDate firstDay, LocalDate lastDay, String source,
                           OffsetDateTime importedAt) {
    }

    private final JdbcClient jdbc;
    private final Set<DayOfWeek> schoolWeekdays;
    private volatile Loaded loaded = new Loaded(-1, CalendarView.empty());

    SchoolCalendarQueries(JdbcClient jdbc,
                          @Value("${marelle.planning.school-weekdays:MONDAY,TUESDAY,THURSDAY,FRIDAY}")
                          String schoolWeekdays) {
        this.jdbc = jdbc;
        this.schoolWeekdays = Arrays.stream(schoolWeekdays.split(",")).map(String::strip)
                .map(DayOfWeek::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    public CalendarView view() {
        long version = jdbc.sql("SELECT version FROM rm_calendar_version").query(Long.class).single();
        Loaded current = loaded;
        if (current.version() == version) {
            return current.view();
        }
        CalendarView view = new CalendarView(years().stream().map(y -> new SchoolYear(y.label(), y.zone(),
                y.firstDay(), y.lastDay(), y.holidays())).toList(), publicHolidays(), schoolWeekdays);
        loaded = new Loaded(version, view);
        return view;
    }

    public List<YearView> years() {
        Map<String, List<Holiday>> holidays = new LinkedHashMap<>();
        jdbc.sql("SELECT label, name, first_day, last_day FROM rm_school_holiday ORDER BY first_day")
                .query((rs, n) -> {
                    holidays.computeIfAbsent(rs.getString("label"), k -> new ArrayList<>())
                            .add(new Holiday(rs.getString("name"), rs.getObject("first_day", LocalDate.class),
                                    rs.getObject("last_day", LocalDate.class)));
                    return null;
                }).list();
        return jdbc.sql("SELECT label, zone, first_day, last_day, source, imported_at FROM rm_school_year "
                        + "ORDER BY first_day")
                .query(YearRow.class).list().stream()
                .map(y -> new YearView(y.label(), y.zone(), y.firstDay(), y.lastDay(), y.source(), y.importedAt(),
                        holidays.getOrDefault(y.label(), List.of())))
                .toList();
    }

    public List<PublicHoliday> publicHolidays() {
        return jdbc.sql("SELECT day AS date, name FROM rm_public_holiday ORDER BY day")
                .query(PublicHoliday.class).list();
    }
}
