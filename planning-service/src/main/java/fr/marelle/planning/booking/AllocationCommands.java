package fr.marelle.planning.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What may be asked of a service-day's place allocator. */
public final class AllocationCommands {

    private AllocationCommands() {
    }

    /** One child asking for a place. */
    public record PlaceRequest(UUID bookingId, UUID childId, UUID familyId) {
    }

    /**
     * Places for these requests, in order, up to {@code capacity}; the others join the waiting list. Sent once per
     * service-day for a whole batch of submissions. Answers each booking's outcome.
     */
    public record AllocatePlaces(@TargetAggregateIdentifier String dayId, String serviceId, LocalDate date,
                                 String pool, int capacity, List<PlaceRequest> requests) {
    }

    /**
     * Booked places given back and waiting-list entries withdrawn; each freed place goes to the first in line while
     * the day is open. Answers the entries granted a place.
     */
    public record ReleasePlaces(@TargetAggregateIdentifier String dayId, int capacity, List<UUID> released,
                                List<UUID> leftWaitlist) {
    }

    /** After the capacity grew: free places go to the first in line. Answers the entries granted a place. */
    public record GrantFreePlaces(@TargetAggregateIdentifier String dayId, int capacity) {
    }

    /** The town closes the service-day (a strike, a bridge day): nothing more is allocated. */
    public record CloseServiceDay(@TargetAggregateIdentifier String dayId, String serviceId, LocalDate date,
                                  String pool, String reason) {
    }

    /** The closed day's bookings, now cancelled free of charge (one call per batch of bookings). */
    public record RecordClosureCancellations(@TargetAggregateIdentifier String dayId, List<ClosedBooking> booked,
                                             List<UUID> waitlisted) {
    }

    public record ClosedBooking(UUID bookingId, UUID childId, UUID familyId) {
    }

    public record ReopenServiceDay(@TargetAggregateIdentifier String dayId) {
    }
}
