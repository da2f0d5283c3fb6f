package fr.marelle.planning.booking;

import fr.marelle.planning.booking.AllocationCommands.ClosedBooking;
import fr.marelle.planning.booking.AllocationCommands.PlaceRequest;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Facts about a service-day's places. */
public final class AllocationEvents {

    private AllocationEvents() {
    }

    /** A waiting-list entry; {@code ticket} orders the line. */
    public record WaitlistEntry(UUID bookingId, UUID childId, UUID familyId, long ticket) {
    }

    @Revision("1")
    public record PlacesAllocated(String dayId, String serviceId, LocalDate date, String pool, int capacity,
                                  List<PlaceRequest> booked, List<WaitlistEntry> waitlisted) {
    }

    @Revision("1")
    public record PlacesReleased(String dayId, List<UUID> released, List<UUID> leftWaitlist) {
    }

    /** Freed places went to the first in line. */
    @Revision("1")
    public record WaitlistPlacesGranted(String dayId, List<WaitlistEntry> granted) {
    }

    @Revision("1")
    public record ServiceDayClosed(String dayId, String serviceId, LocalDate date, String pool, String reason) {
    }

    /** The closed day's bookings cancelled free of charge; the waiting list is dropped. */
    @Revision("1")
    public record ClosureCancellationsRecorded(String dayId, String serviceId, LocalDate date, String reason,
                                               List<ClosedBooking> booked, List<UUID> waitlisted) {
    }

    @Revision("1")
    public record ServiceDayReopened(String dayId) {
    }
}
