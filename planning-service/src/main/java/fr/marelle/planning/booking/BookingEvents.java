package fr.marelle.planning.booking;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Facts about a child's bookings. */
public final class BookingEvents {

    private BookingEvents() {
    }

    public record BookedDay(UUID bookingId, String serviceId, LocalDate date, String dayId, String outcome) {
    }

    @Revision("1")
    public record BookingsRecorded(String childMonthId, UUID childId, UUID familyId, UUID submissionId,
                                   List<BookedDay> bookings) {
    }

    /** @param previousStatus {@code BOOKED} or {@code WAITLISTED} */
    public record CancelledDay(UUID bookingId, String serviceId, LocalDate date, String dayId, String previousStatus) {
    }

    /** @param reason {@code FAMILY}, {@code STAFF} or {@code CLOSURE} */
    @Revision("1")
    public record BookingsCancelled(String childMonthId, UUID childId, UUID familyId, String reason,
                                    List<CancelledDay> cancelled) {
    }

    @Revision("1")
    public record WaitlistedBookingPromoted(String childMonthId, UUID childId, UUID familyId, UUID bookingId,
                                            String serviceId, LocalDate date) {
    }

    @Revision("1")
    public record AbsenceReported(String childMonthId, UUID childId, UUID familyId, UUID bookingId,
                                  String serviceId, LocalDate date, UUID certificateId, Instant reportedAt) {
    }
}
