package fr.marelle.planning.booking;

import java.time.DayOfWeek;

/** French words for the days of the week, in messages. */
public final class BookingWords {

    private BookingWords() {
    }

    public static String day(DayOfWeek day) {
        return BookingService.frenchDay(day);
    }
}
