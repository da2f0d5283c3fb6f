package fr.marelle.planning.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The planning form (screen 17): a service, one or several children, a period, weekdays, and whether they will be
 * present (book) or absent (cancel what is booked). {@code familyId} is only read from staff acting for a family.
 */
public record BookingRequest(String serviceId, UUID familyId, List<UUID> childIds, LocalDate from, LocalDate to,
                             Set<DayOfWeek> weekdays, String attendance) {

    public static final String PRESENT = "PRESENT";
    public static final String ABSENT = "ABSENT";

    public boolean cancels() {
        return ABSENT.equals(attendance);
    }
}
