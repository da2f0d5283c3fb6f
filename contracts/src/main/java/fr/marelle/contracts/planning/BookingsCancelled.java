package fr.marelle.contracts.planning;

import fr.marelle.contracts.ContractType;

import java.time.LocalDate;
import java.util.List;

/**
 * Bookings cancelled before the cancellation deadline (free), by the family or by staff; {@code reason} is
 * {@code FAMILY} or {@code STAFF}. Key: the family id.
 */
public record BookingsCancelled(String familyId, String reason, List<Cancelled> bookings) {

    public record Cancelled(String bookingId, String childId, String serviceId, LocalDate date) {
    }

    public static final ContractType<BookingsCancelled> TYPE =
            new ContractType<>("planning", "BookingsCancelled", 1, BookingsCancelled.class);
}
