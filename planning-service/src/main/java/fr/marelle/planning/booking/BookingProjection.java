package fr.marelle.planning.booking;

import fr.marelle.planning.booking.AllocationEvents.ClosureCancellationsRecorded;
import fr.marelle.planning.booking.AllocationEvents.PlacesAllocated;
import fr.marelle.planning.booking.AllocationEvents.PlacesReleased;
import fr.marelle.planning.booking.AllocationEvents.ServiceDayClosed;
import fr.marelle.planning.booking.AllocationEvents.ServiceDayReopened;
import fr.marelle.planning.booking.AllocationEvents.WaitlistEntry;
import fr.marelle.planning.booking.AllocationEvents.WaitlistPlacesGranted;
import fr.marelle.planning.booking.BookingEvents.AbsenceReported;
import fr.marelle.planning.booking.BookingEvents.BookedDay;
import fr.marelle.planning.booking.BookingEvents.BookingsCancelled;
import fr.marelle.planning.booking.BookingEvents.BookingsRecorded;
import fr.marelle.planning.booking.BookingEvents.CancelledDay;
import fr.marelle.planning.booking.BookingEvents.WaitlistedBookingPromoted;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bookings and service-days as the pages read them: one row per child-day ({@code rm_booking}, from the children's
 * bookings), one per service-day with its counts ({@code rm_service_day}) and its waiting list ({@code rm_waitlist}),
 * from the allocators. One segment: a day's closure is seen after every booking stored before it.
 */
@Component
@ProcessingGroup(BookingProjection.GROUP)
@ProjectionTables({"rm_booking", "rm_service_day", "rm_waitlist"})
class BookingProjection {

    static final String GROUP = "bookings";

    private final JdbcClient jdbc;

    BookingProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BookingsRecorded event, @Timestamp Instant at) {
        List<BookedDay> days = event.bookings();
        StringBuilder sql = new StringBuilder("INSERT INTO rm_booking (booking_id, child_id, family_id, service_id, "
                + "day, day_id, status, submission_id, booked_at) VALUES ");
        List<Object> params = new ArrayList<>();
        OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
        for (int i = 0; i < days.size(); i++) {
            BookedDay d = days.get(i);
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?)");
            params.addAll(List.of(d.bookingId(), event.childId(), event.familyId(), d.serviceId(), d.date(),
                    d.dayId(), d.outcome(), event.submissionId(), time));
        }
        sql.append(" ON CONFLICT (booking_id) DO NOTHING");
        jdbc.sql(sql.toString()).params(params).update();
    }

    @EventHandler
    void on(BookingsCancelled event, @Timestamp Instant at) {
        UUID[] ids = event.cancelled().stream().map(CancelledDay::bookingId).toArray(UUID[]::new);
        jdbc.sql("UPDATE rm_booking SET status = 'CANCELLED', cancelled_at = ?, cancel_reason = ? "
                        + "WHERE booking_id = ANY(?)")
                .params(at.atOffset(ZoneOffset.UTC), event.reason(), ids).update();
    }

    @EventHandler
    void on(WaitlistedBookingPromoted event, @Timestamp Instant at) {
        jdbc.sql("UPDATE rm_booking SET status = 'BOOKED', promoted_at = ? WHERE booking_id = ?")
                .params(at.atOffset(ZoneOffset.UTC), event.bookingId()).update();
    }

    @EventHandler
    void on(AbsenceReported event) {
        jdbc.sql("UPDATE rm_booking SET absence_reported_at = ?, certificate_id = ? WHERE booking_id = ?")
                .params(event.reportedAt().atOffset(ZoneOffset.UTC), event.certificateId(), event.bookingId())
                .update();
    }

    // ------------------------------------------------------------------------------------------- service-days

    @EventHandler
    void on(PlacesAllocated event) {
        jdbc.sql("""
                        INSERT INTO rm_service_day (day_id, service_id, day, pool, capacity, booked, waitlisted)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (day_id) DO UPDATE SET capacity = excluded.capacity,
                            booked = rm_service_day.booked + excluded.booked,
                            waitlisted = rm_service_day.waitlisted + excluded.waitlisted""")
                .params(event.dayId(), event.serviceId(), event.date(), event.pool(), event.capacity(),
                        event.booked().size(), event.waitlisted().size())
                .update();
        for (WaitlistEntry entry : event.waitlisted()) {
            jdbc.sql("INSERT INTO rm_waitlist (day_id, booking_id, child_id, family_id, ticket) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (booking_id) DO NOTHING")
                    .params(event.dayId(), entry.bookingId(), entry.childId(), entry.familyId(), entry.ticket())
                    .update();
        }
    }

    @EventHandler
    void on(PlacesReleased event) {
        jdbc.sql("UPDATE rm_service_day SET booked = greatest(0, booked - ?), waitlisted = greatest(0, waitlisted - ?) "
                        + "WHERE day_id = ?")
                .params(event.released().size(), event.leftWaitlist().size(), event.dayId()).update();
        removeFromWaitlist(event.leftWaitlist());
    }

    @EventHandler
    void on(WaitlistPlacesGranted event) {
        jdbc.sql("UPDATE rm_service_day SET booked = booked + ?, waitlisted = greatest(0, waitlisted - ?) "
                        + "WHERE day_id = ?")
                .params(event.granted().size(), event.granted().size(), event.dayId()).update();
        removeFromWaitlist(event.granted().stream().map(WaitlistEntry::bookingId).toList());
    }

    @EventHandler
    void on(ServiceDayClosed event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO rm_service_day (day_id, service_id, day, pool, capacity, booked, waitlisted,
                            closed, closure_reason, closed_at)
                        VALUES (?, ?, ?, ?, 0, 0, 0, true, ?, ?)
                        ON CONFLICT (day_id) DO UPDATE SET closed = true, closure_reason = excluded.closure_reason,
                            closed_at = excluded.closed_at""")
                .params(event.dayId(), event.serviceId(), event.date(), event.pool(), event.reason(),
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(ClosureCancellationsRecorded event) {
        jdbc.sql("UPDATE rm_service_day SET booked = greatest(0, booked - ?), waitlisted = greatest(0, waitlisted - ?) "
                        + "WHERE day_id = ?")
                .params(event.booked().size(), event.waitlisted().size(), event.dayId()).update();
        removeFromWaitlist(event.waitlisted());
    }

    @EventHandler
    void on(ServiceDayReopened event) {
        jdbc.sql("UPDATE rm_service_day SET closed = false, closure_reason = NULL, closed_at = NULL WHERE day_id = ?")
                .param(event.dayId()).update();
    }

    private void removeFromWaitlist(List<UUID> bookingIds) {
        if (!bookingIds.isEmpty()) {
            jdbc.sql("DELETE FROM rm_waitlist WHERE booking_id = ANY(?)").param(bookingIds.toArray(UUID[]::new))
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_booking, rm_service_day, rm_waitlist").update();
    }
}
