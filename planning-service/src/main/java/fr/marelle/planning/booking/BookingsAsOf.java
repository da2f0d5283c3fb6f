package fr.marelle.planning.booking;

import fr.marelle.planning.booking.AllocationEvents.ClosureCancellationsRecorded;
import fr.marelle.planning.booking.AllocationEvents.PlacesAllocated;
import fr.marelle.planning.booking.AllocationEvents.PlacesReleased;
import fr.marelle.planning.booking.AllocationEvents.WaitlistEntry;
import fr.marelle.planning.booking.AllocationEvents.WaitlistPlacesGranted;
import fr.marelle.platform.audit.history.TimeTravelView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * For the audit console: a family's bookings (child, service, day, status) as of any instant, from {@code rm_booking}
 * rebuilt with the family's events — the table the parents' calendar reads. Every booking event names the family.
 *
 * <p>A waitlisted booking's place in line also depends on the other families of that service-day (who was ahead,
 * who left or was granted a place), which a replay of one family's events does not carry: it is worked out from the
 * service-day's own stream up to the instant, as its allocator saw it.
 */
@Component
class BookingsAsOf implements TimeTravelView {

    /** One child-day; {@code waitingRank} only while waitlisted (1 = next). */
    record BookingAsOf(UUID bookingId, UUID childId, String serviceId, LocalDate day, String dayId, String status,
                       Integer waitingRank, OffsetDateTime bookedAt, OffsetDateTime promotedAt,
                       OffsetDateTime cancelledAt, String cancelReason, OffsetDateTime absenceReportedAt) {
    }

    private final EventStore events;

    BookingsAsOf(EventStore events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "bookings";
    }

    @Override
    public String processingGroup() {
        return BookingProjection.GROUP;
    }

    /** Without an instant, the lines as every event stored so far makes them. */
    @Override
    public Object read(JdbcClient readModel, String familyId) {
        return read(readModel, familyId, Instant.MAX);
    }

    @Override
    public Object read(JdbcClient readModel, String familyId, Instant at) {
        List<BookingAsOf> rows = readModel.sql("""
                        SELECT booking_id, child_id, service_id, day, day_id, status, NULL::int AS waiting_rank,
                               booked_at, promoted_at, cancelled_at, cancel_reason, absence_reported_at
                        FROM rm_booking WHERE family_id::text = ? ORDER BY day, child_id, service_id, booking_id""")
                .param(familyId).query(BookingAsOf.class).list();
        Map<String, Map<UUID, Long>> lines = new HashMap<>();
        return rows.stream().map(b -> !"WAITLISTED".equals(b.status()) ? b : new BookingAsOf(b.bookingId(),
                b.childId(), b.serviceId(), b.day(), b.dayId(), b.status(),
                rank(lines.computeIfAbsent(b.dayId(), dayId -> lineOf(dayId, at)), b.bookingId()), b.bookedAt(),
                b.promotedAt(), b.cancelledAt(), b.cancelReason(), b.absenceReportedAt())).toList();
    }

    private static Integer rank(Map<UUID, Long> line, UUID bookingId) {
        Long ticket = line.get(bookingId);
        return ticket == null ? null : (int) line.values().stream().filter(t -> t <= ticket).count();
    }

    /** The service-day's waiting line at {@code at} (booking → ticket), from its allocator's events until then. */
    private Map<UUID, Long> lineOf(String dayId, Instant at) {
        Map<UUID, Long> line = new TreeMap<>();
        DomainEventStream stream = events.readEvents(dayId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(at)) {
                break;
            }
            Object payload = event.getPayload();
            if (payload instanceof PlacesAllocated allocated) {
                allocated.waitlisted().forEach(entry -> line.put(entry.bookingId(), entry.ticket()));
            } else if (payload instanceof PlacesReleased released) {
                released.leftWaitlist().forEach(line::remove);
            } else if (payload instanceof WaitlistPlacesGranted granted) {
                granted.granted().stream().map(WaitlistEntry::bookingId).forEach(line::remove);
            } else if (payload instanceof ClosureCancellationsRecorded closure) {
                closure.waitlisted().forEach(line::remove);
            }
        }
        return line;
    }
}
