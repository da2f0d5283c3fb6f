package fr.marelle.planning.calendar;

import fr.marelle.planning.calendar.CalendarEvents.PublicHolidaysImported;
import fr.marelle.planning.calendar.CalendarEvents.SchoolYearsImported;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The school calendar's tables: years, holidays, public holidays, and a version the readers' cache follows. The
 * version keeps counting across rebuilds (it only tells readers to reload), so a rebuild writes a copy of it and
 * compares the calendar's tables alone.
 */
@Component
@ProcessingGroup("calendar")
@ProjectionTables(value = {"rm_school_year", "rm_school_holiday", "rm_public_holiday"},
        reads = "rm_calendar_version")
class SchoolCalendarProjection {

    private final JdbcClient jdbc;

    SchoolCalendarProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SchoolYearsImported event, @Timestamp Instant at) {
        for (SchoolYear year : event.years()) {
            jdbc.sql("""
                            INSERT INTO rm_school_year (label, zone, first_day, last_day, source, imported_at)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (label) DO UPDATE SET zone = excluded.zone, first_day = excluded.first_day,
                                last_day = excluded.last_day, source = excluded.source,
                                imported_at = excluded.imported_at""")
                    .params(year.label(), year.zone(), year.firstDay(), year.lastDay(), event.source(),
                            at.atOffset(ZoneOffset.UTC))
                    .update();
            jdbc.sql("DELETE FROM rm_school_holiday WHERE label = ?").param(year.label()).update();
            for (Holiday holiday : year.holidays()) {
                jdbc.sql("INSERT INTO rm_school_holiday (label, name, first_day, last_day) VALUES (?, ?, ?, ?)")
                        .params(year.label(), holiday.name(), holiday.firstDay(), holiday.lastDay()).update();
            }
        }
        bumpVersion();
    }

    @EventHandler
    void on(PublicHolidaysImported event) {
        event.holidays().stream().map(h -> h.date().getYear()).distinct().forEach(year ->
                jdbc.sql("DELETE FROM rm_public_holiday WHERE extract(year FROM day) = ?").param(year).update());
        for (PublicHoliday holiday : event.holidays()) {
            jdbc.sql("INSERT INTO rm_public_holiday (day, name) VALUES (?, ?) "
                            + "ON CONFLICT (day) DO UPDATE SET name = excluded.name")
                    .params(holiday.date(), holiday.name()).update();
        }
        bumpVersion();
    }

    private void bumpVersion() {
        jdbc.sql("UPDATE rm_calendar_version SET version = version + 1").update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_school_year, rm_school_holiday, rm_public_holiday").update();
        bumpVersion();
    }
}
