package fr.marelle.planning.calendar;

import java.time.LocalDate;

/** A school holiday period, both days included (the Saturday it starts to the Sunday before school resumes). */
public record Holiday(String name, LocalDate firstDay, LocalDate lastDay) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
