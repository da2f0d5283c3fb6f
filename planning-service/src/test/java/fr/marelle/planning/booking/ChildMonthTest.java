package fr.marelle.planning.booking;

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
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

class ChildMonthTest {

    static final UUID CHILD = UUID.randomUUID();
    static final UUID FAMILY = UUID.randomUUID();
    static final LocalDate DATE = LocalDate.of(2026, 9, 8);
    static final String ID = ChildMonthId.of(CHILD, DATE);
    static final UUID SUBMISSION = UUID.randomUUID();
    static final Instant DEADLINE = Instant.parse("2026-09-07T16:00:00Z");

    AggregateTestFixture<ChildMonth> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildMonth.class);
    }

    static BookingsRecorded recorded(UUID bookingId, String outcome) {
        return new BookingsRecorded(ID, CHILD, FAMILY, SUBMISSION, List.of(new BookedDay(bookingId, "canteen", DATE,
                "canteen@" + DATE, outcome)));
    }

    @Nested
    class RecordBookings_ {

        @Test
        void records_booked_and_waitlisted_days_of_the_child() {
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            fixture.givenNoPriorActivity()
                    .when(new RecordBookings(ID, CHILD, FAMILY, SUBMISSION, List.of(
                            new NewBooking(a, "canteen", DATE, "canteen@" + DATE, "BOOKED"),
                            new NewBooking(b, "evening-daycare", DATE, "evening-daycare@" + DATE, "WAITLISTED"))))
                    .expectEvents(new BookingsRecorded(ID, CHILD, FAMILY, SUBMISSION, List.of(
                            new BookedDay(a, "canteen", DATE, "canteen@" + DATE, "BOOKED"),
                            new BookedDay(b, "evening-daycare", DATE, "evening-daycare@" + DATE, "WAITLISTED"))));
        }

        @Test
        void refuses_to_book_a_child_twice_for_one_service_and_day() {
            fixture.given(recorded(UUID.randomUUID(), "WAITLISTED"))
                    .when(new RecordBookings(ID, CHILD, FAMILY, SUBMISSION, List.of(new NewBooking(UUID.randomUUID(),
                            "canteen", DATE, "canteen@" + DATE, "BOOKED"))))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("L'enfant a déjà une réservation le 08/09/2026 pour ce service.");
        }

        @Test
        void books_the_day_again_once_it_was_cancelled() {
            UUID first = UUID.randomUUID();
            UUID again = UUID.randomUUID();
            fixture.given(recorded(first, "BOOKED"), new BookingsCancelled(ID, CHILD, FAMILY, "FAMILY",
                            List.of(new CancelledDay(first, "canteen", DATE, "canteen@" + DATE, "BOOKED"))))
                    .when(new RecordBookings(ID, CHILD, FAMILY, SUBMISSION, List.of(new NewBooking(again, "canteen",
                            DATE, "canteen@" + DATE, "BOOKED"))))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class CancelBookings_ {

        @Test
        void cancels_free_before_the_deadline() {
            UUID booking = UUID.randomUUID();
            fixture.given(recorded(booking, "BOOKED"))
                    .when(new CancelBookings(ID, DEADLINE, "FAMILY", List.of(new Cancellation(booking, DEADLINE))))
                    .expectEvents(new BookingsCancelled(ID, CHILD, FAMILY, "FAMILY", List.of(new CancelledDay(booking,
                            "canteen", DATE, "canteen@" + DATE, "BOOKED"))));
        }

        @Test
        void refuses_a_cancellation_after_the_deadline() {
            UUID booking = UUID.randomUUID();
            fixture.given(recorded(booking, "BOOKED"))
                    .when(new CancelBookings(ID, DEADLINE.plusSeconds(1), "FAMILY",
                            List.of(new Cancellation(booking, DEADLINE))))
                    .expectException(DomainException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("07/09/2026 à 18:00"));
        }

        @Test
        void a_waiting_list_place_can_be_given_up_until_the_day() {
            UUID booking = UUID.randomUUID();
            fixture.given(recorded(booking, "WAITLISTED"))
                    .when(new CancelBookings(ID, Instant.parse("2026-09-07T21:00:00Z"), "FAMILY",
                            List.of(new Cancellation(booking, DEADLINE))))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_closure_cancels_whatever_the_deadline() {
            UUID booking = UUID.randomUUID();
            fixture.given(recorded(booking, "BOOKED"))
                    .when(new CancelBookings(ID, DEADLINE.plusSeconds(3600), "CLOSURE",
                            List.of(new Cancellation(booking, DEADLINE))))
                    .expectEvents(new BookingsCancelled(ID, CHILD, FAMILY, "CLOSURE", List.of(new CancelledDay(booking,
                            "canteen", DATE, "canteen@" + DATE, "BOOKED"))));
        }

        @Test
        void cancelling_again_changes_nothing() {
            UUID booking = UUID.randomUUID();
            fixture.given(recorded(booking, "BOOKED"), new BookingsCancelled(ID, CHILD, FAMILY, "FAMILY",
                            List.of(new CancelledDay(booking, "canteen", DATE, "canteen@" + DATE, "BOOKED"))))
                    .when(new CancelBookings(ID, DEADLINE, "FAMILY", List.of(new Cancellation(booking, DEADLINE))))
                    .expectNoEvents();
        }
    }

    @Nested
    class PromoteFromWaitlist_ {

        @Test
        void books_a_waitlisted_day() {
            UUID booking = UUID.randomUUID();
            fixture.given(recorded(booking, "WAITLISTED"))
                    .when(new PromoteFromWaitlist(ID, booking))
                    .expectEvents(new WaitlistedBookingPromoted(ID, CHILD, FAMILY, booking, "canteen", DATE));
        }
    }

    @Nested
    class ReportAbsence_ {

        @Test
        void records_a_sick_child_with_a_certificate_after_the_deadline() {
            UUID booking = UUID.randomUUID();
            UUID certificate = UUID.randomUUID();
            Instant at = DEADLINE.plusSeconds(60);
            fixture.given(recorded(booking, "BOOKED"))
                    .when(new ReportAbsence(ID, booking, certificate, at, DEADLINE))
                    .expectEvents(new AbsenceReported(ID, CHILD, FAMILY, booking, "canteen", DATE, certificate, at));
        }

        @Test
        void before_the_deadline_asks_to_cancel_instead_which_is_free() {
            UUID booking = UUID.randomUUID();
            fixture.given(recorded(booking, "BOOKED"))
                    .when(new ReportAbsence(ID, booking, UUID.randomUUID(), DEADLINE.minusSeconds(60), DEADLINE))
                    .expectException(DomainException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("annulez"));
        }
    }
}
