package fr.marelle.planning.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One school year of a holiday zone: from the pupils' first day ({@code firstDay}) to the day before the summer
 * holidays ({@code lastDay}), with its holiday periods.
 *
 * @param label e.g. {@code 2026-2027}
 * @param zone  e.g. {@code B}
 */
public record SchoolYear(String label, String zone, LocalDate firstDay, LocalDate lastDay, List<Holiday> holidays) {

    public SchoolYear {
        holidays = List.copyOf(holidays);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
