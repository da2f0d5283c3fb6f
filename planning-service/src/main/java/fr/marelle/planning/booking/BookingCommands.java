package fr.marelle.planning.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What may be asked of a child's bookings of a month. */
public final class BookingCommands {

    private BookingCommands() {
    }

    /** A booked or waitlisted child-day, as its allocator decided. */
    public record NewBooking(UUID bookingId, String serviceId, LocalDate date, String dayId, String outcome) {
    }

    public record RecordBookings(@TargetAggregateIdentifier String childMonthId, UUID childId, UUID familyId,
                                 UUID submissionId, List<NewBooking> bookings) {
    }

    /**
     * @param deadline the cancellation deadline of that day (a booked day can be cancelled until then, free)
     */
    public record Cancellation(UUID bookingId, Instant deadline) {
    }

    /** @param reason {@code FAMILY}, {@code STAFF} (on the family's behalf) or {@code CLOSURE} (the town closed) */
    public record CancelBookings(@TargetAggregateIdentifier String childMonthId, Instant requestedAt, String reason,
                                 List<Cancellation> cancellations) {
    }

    public record PromoteFromWaitlist(@TargetAggregateIdentifier String childMonthId, UUID bookingId) {
    }

    /** A sick child after the cancellation deadline, with a certificate staff will look at. */
    public record ReportAbsence(@TargetAggregateIdentifier String childMonthId, UUID bookingId, UUID certificateId,
                                Instant reportedAt, Instant cancellationDeadline) {
    }
}
