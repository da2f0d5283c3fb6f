package fr.marelle.planning.calendar;

import java.time.LocalDate;

/** A public holiday of metropolitan France ("jour férié"). */
public record PublicHoliday(LocalDate date, String name) {
}
