package fr.marelle.planning.booking;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** The id of a child's bookings of one month: {@code childId@yyyy-MM}. */
public final class ChildMonthId {

    private ChildMonthId() {
    }

    public static String of(UUID childId, LocalDate date) {
        return childId + "@" + YearMonth.from(date);
    }
}
