package fr.marelle.planning.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a planning request would do, worked out before anything is written: the child-days it books (or, for "Sera
 * absent", the bookings it cancels) and the days it leaves out, each with its reason.
 */
public record BookingPlan(String serviceId, UUID familyId, List<PlannedDay> days, List<Cancellable> cancellations,
                          List<SkippedDay> skipped) {

    /** A child-day to book; {@code full} when its day has no free place left now (it would be waitlisted). */
    public record PlannedDay(UUID childId, LocalDate date, String dayId, String pool, int capacity,
                             Instant bookingDeadline, boolean full) {
    }

    /** A booking to cancel. */
    public record Cancellable(UUID bookingId, UUID childId, LocalDate date, String status, Instant deadline) {
    }

    /**
     * A day left out. {@code reason}: {@code NOT_RUNNING} (holidays, public holiday, a day the service does not run),
     * {@code CLOSED}, {@code BOOKING_DEADLINE_PASSED}, {@code CANCELLATION_DEADLINE_PASSED}, {@code ALREADY_BOOKED},
     * {@code NOT_BOOKED}.
     */
    public record SkippedDay(UUID childId, LocalDate date, String reason, String detail) {
    }
}
