package fr.marelle.planning.booking;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import fr.marelle.planning.booking.BookingCommands.CancelBookings;
import fr.marelle.planning.booking.BookingCommands.Cancellation;
import fr.marelle.planning.booking.BookingCommands.NewBooking;
import fr.marelle.planning.booking.BookingCommands.PromoteFromWaitlist;
import fr.marelle.planning.booking.BookingCommands.RecordBookings;
import fr.marelle.planning.booking.BookingCommands.ReportAbsence;
import fr.marelle.planning.booking.BookingEvents.AbsenceReported;
import fr.marelle.planning.booking.BookingEvents.BookedDay;
import fr.marelle.planning.booking.BookingEvents.BookingsCancelled;
import fr.marelle.planning.booking.BookingEvents.BookingsRecorded;
import fr.marelle.planning.booking.BookingEvents.CancelledDay;
import fr.marelle.planning.booking.BookingEvents.WaitlistedBookingPromoted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One child's bookings of one month, every service: the consistency boundary of "no child is booked twice for one
 * service and day". Only the child's own family (or staff for it) writes here, so families never wait for each
 * other; a month keeps the stream short.
 */
@Aggregate(cache = "planningAggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ChildMonth {

    /** A booking as the rules need it. */
    record Booking(UUID bookingId, String serviceId, LocalDate date, String dayId, String status,
                   boolean absenceReported) {

        Booking with(String newStatus) {
            return new Booking(bookingId, serviceId, date, dayId, newStatus, absenceReported);
        }
    }

    @AggregateIdentifier
    private String childMonthId;
    private UUID childId;
    private UUID familyId;
    private final Map<UUID, Booking> bookings = new HashMap<>();
    /** {@code serviceId@date} of every active (booked or waitlisted) booking. */
    private final Set<String> active = new HashSet<>();

    protected ChildMonth() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordBookings command) {
        Set<String> asked = new HashSet<>();
        for (NewBooking booking : command.bookings()) {
            ChildMonthRules.notBookedTwice(active, asked, booking.serviceId(), booking.date());
        }
        apply(new BookingsRecorded(command.childMonthId(), command.childId(), command.familyId(),
                command.submissionId(), command.bookings().stream()
                .map(b -> new BookedDay(b.bookingId(), b.serviceId(), b.date(), b.dayId(), b.outcome())).toList()));
    }

    /** Answers the bookings actually cancelled (those already cancelled are left out: a retry changes nothing). */
    @CommandHandler
    List<CancelledDay> handle(CancelBookings command) {
        List<CancelledDay> cancelled = new ArrayList<>();
        for (Cancellation cancellation : command.cancellations()) {
            Booking booking = bookings.get(cancellation.bookingId());
            ChildMonthRules.bookingExists(booking);
            if (!ChildMonthRules.isActive(booking.status())) {
                continue;
            }
            if (!"CLOSURE".equals(command.reason())) {
                ChildMonthRules.cancelledBeforeTheDeadline(booking.status(), booking.date(), command.requestedAt(),
                        cancellation.deadline());
            }
            cancelled.add(new CancelledDay(booking.bookingId(), booking.serviceId(), booking.date(), booking.dayId(),
                    booking.status()));
        }
        if (!cancelled.isEmpty()) {
            apply(new BookingsCancelled(childMonthId, childId, familyId, command.reason(), cancelled));
        }
        return cancelled;
    }

    @CommandHandler
    void handle(PromoteFromWaitlist command) {
        Booking booking = bookings.get(command.bookingId());
        ChildMonthRules.bookingExists(booking);
        if (ServiceDayAllocator.WAITLISTED.equals(booking.status())) {
            apply(new WaitlistedBookingPromoted(childMonthId, childId, familyId, booking.bookingId(),
                    booking.serviceId(), booking.date()));
        }
    }

    @CommandHandler
    void handle(ReportAbsence command) {
        Booking booking = bookings.get(command.bookingId());
        ChildMonthRules.bookingExists(booking);
        ChildMonthRules.absenceReportedForABookedDayAfterTheDeadline(booking.status(), booking.absenceReported(),
                command.reportedAt(), command.cancellationDeadline());
        apply(new AbsenceReported(childMonthId, childId, familyId, booking.bookingId(), booking.serviceId(),
                booking.date(), command.certificateId(), command.reportedAt()));
    }

    @EventSourcingHandler
    void on(BookingsRecorded event) {
        childMonthId = event.childMonthId();
        childId = event.childId();
        familyId = event.familyId();
        for (BookedDay day : event.bookings()) {
            bookings.put(day.bookingId(), new Booking(day.bookingId(), day.serviceId(), day.date(), day.dayId(),
                    day.outcome(), false));
            active.add(day.serviceId() + "@" + day.date());
        }
    }

    @EventSourcingHandler
    void on(BookingsCancelled event) {
        for (CancelledDay day : event.cancelled()) {
            bookings.computeIfPresent(day.bookingId(), (id, b) -> b.with("CANCELLED"));
            active.remove(day.serviceId() + "@" + day.date());
        }
    }

    @EventSourcingHandler
    void on(WaitlistedBookingPromoted event) {
        bookings.computeIfPresent(event.bookingId(), (id, b) -> b.with(ServiceDayAllocator.BOOKED));
    }

    @EventSourcingHandler
    void on(AbsenceReported event) {
        bookings.computeIfPresent(event.bookingId(), (id, b) -> new Booking(b.bookingId(), b.serviceId(), b.date(),
                b.dayId(), b.status(), true));
    }
}
