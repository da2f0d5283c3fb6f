package fr.marelle.planning.booking;

import fr.marelle.planning.booking.AllocationCommands.AllocatePlaces;
import fr.marelle.planning.booking.AllocationCommands.ClosedBooking;
import fr.marelle.planning.booking.AllocationCommands.CloseServiceDay;
import fr.marelle.planning.booking.AllocationCommands.GrantFreePlaces;
import fr.marelle.planning.booking.AllocationCommands.PlaceRequest;
import fr.marelle.planning.booking.AllocationCommands.RecordClosureCancellations;
import fr.marelle.planning.booking.AllocationCommands.ReleasePlaces;
import fr.marelle.planning.booking.AllocationEvents.ClosureCancellationsRecorded;
import fr.marelle.planning.booking.AllocationEvents.PlacesAllocated;
import fr.marelle.planning.booking.AllocationEvents.PlacesReleased;
import fr.marelle.planning.booking.AllocationEvents.ServiceDayClosed;
import fr.marelle.planning.booking.AllocationEvents.WaitlistEntry;
import fr.marelle.planning.booking.AllocationEvents.WaitlistPlacesGranted;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDayAllocatorTest {

    static final String DAY = "canteen@2026-09-03";
    static final LocalDate DATE = LocalDate.of(2026, 9, 3);

    AggregateTestFixture<ServiceDayAllocator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceDayAllocator.class);
    }

    static PlaceRequest request() {
        return new PlaceRequest(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    }

    static List<PlaceRequest> requests(int n) {
        return IntStream.range(0, n).mapToObj(i -> request()).toList();
    }

    static PlacesAllocated allocated(List<PlaceRequest> booked, List<WaitlistEntry> waiting) {
        return new PlacesAllocated(DAY, "canteen", DATE, "*", 5, booked, waiting);
    }

    static WaitlistEntry waiting(PlaceRequest r, long ticket) {
        return new WaitlistEntry(r.bookingId(), r.childId(), r.familyId(), ticket);
    }

    @Nested
    class AllocatePlaces_ {

        @Test
        void gives_places_up_to_the_capacity_and_puts_the_rest_on_the_waiting_list_in_order() {
            List<PlaceRequest> asked = requests(7);
            fixture.givenNoPriorActivity()
                    .when(new AllocatePlaces(DAY, "canteen", DATE, "*", 5, asked))
                    .expectEvents(allocated(asked.subList(0, 5), List.of(waiting(asked.get(5), 0),
                            waiting(asked.get(6), 1))))
                    .expectResultMessagePayloadMatching(org.hamcrest.Matchers.any(Map.class));
        }

        @Test
        void never_gives_a_place_past_the_capacity_even_when_it_shrank() {
            List<PlaceRequest> first = requests(5);
            PlaceRequest late = request();
            fixture.given(allocated(first, List.of()))
                    .when(new AllocatePlaces(DAY, "canteen", DATE, "*", 3, List.of(late)))
                    .expectEvents(new PlacesAllocated(DAY, "canteen", DATE, "*", 3, List.of(),
                            List.of(waiting(late, 0))));
        }

        @Test
        void lets_nobody_jump_the_line_while_someone_waits() {
            List<PlaceRequest> first = requests(5);
            PlaceRequest waiter = request();
            PlaceRequest newcomer = request();
            fixture.given(allocated(first, List.of(waiting(waiter, 0))),
                            new PlacesReleased(DAY, List.of(first.get(0).bookingId()), List.of()))
                    .when(new AllocatePlaces(DAY, "canteen", DATE, "*", 5, List.of(newcomer)))
                    .expectEvents(allocated(List.of(), List.of(waiting(newcomer, 1))));
        }

        @Test
        void refuses_a_closed_day_with_its_reason() {
            fixture.given(new ServiceDayClosed(DAY, "canteen", DATE, "*", "Grève"))
                    .when(new AllocatePlaces(DAY, "canteen", DATE, "*", 5, requests(1)))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Ce jour est fermé (Grève).");
        }
    }

    @Nested
    class ReleasePlaces_ {

        @Test
        void gives_a_freed_place_to_the_first_in_line() {
            List<PlaceRequest> booked = requests(5);
            PlaceRequest first = request();
            PlaceRequest second = request();
            fixture.given(allocated(booked, List.of(waiting(first, 0), waiting(second, 1))))
                    .when(new ReleasePlaces(DAY, 5, List.of(booked.get(2).bookingId()), List.of()))
                    .expectEvents(new PlacesReleased(DAY, List.of(booked.get(2).bookingId()), List.of()),
                            new WaitlistPlacesGranted(DAY, List.of(waiting(first, 0))));
        }

        @Test
        void someone_leaving_the_waiting_list_frees_no_place() {
            List<PlaceRequest> booked = requests(5);
            PlaceRequest first = request();
            fixture.given(allocated(booked, List.of(waiting(first, 0))))
                    .when(new ReleasePlaces(DAY, 5, List.of(), List.of(first.bookingId())))
                    .expectEvents(new PlacesReleased(DAY, List.of(), List.of(first.bookingId())));
        }
    }

    @Nested
    class GrantFreePlaces_ {

        @Test
        void after_the_capacity_grew_gives_the_new_places_to_those_waiting_first() {
            List<PlaceRequest> booked = requests(5);
            PlaceRequest first = request();
            PlaceRequest second = request();
            fixture.given(allocated(booked, List.of(waiting(first, 0), waiting(second, 1))))
                    .when(new GrantFreePlaces(DAY, 6))
                    .expectEvents(new WaitlistPlacesGranted(DAY, List.of(waiting(first, 0))));
        }

        @Test
        void a_closed_day_grants_nothing() {
            PlaceRequest first = request();
            fixture.given(allocated(requests(5), List.of(waiting(first, 0))),
                            new ServiceDayClosed(DAY, "canteen", DATE, "*", "Pont"))
                    .when(new GrantFreePlaces(DAY, 10))
                    .expectNoEvents();
        }
    }

    @Nested
    class CloseServiceDay_ {

        @Test
        void needs_a_reason() {
            fixture.givenNoPriorActivity()
                    .when(new CloseServiceDay(DAY, "canteen", DATE, "*", " "))
                    .expectException(DomainException.class);
        }

        @Test
        void closes_once_and_then_records_the_cancelled_bookings() {
            ClosedBooking booking = new ClosedBooking(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            fixture.given(new ServiceDayClosed(DAY, "canteen", DATE, "*", "Grève"))
                    .when(new CloseServiceDay(DAY, "canteen", DATE, "*", "Grève"))
                    .expectNoEvents();
            fixture.given(new ServiceDayClosed(DAY, "canteen", DATE, "*", "Grève"))
                    .when(new RecordClosureCancellations(DAY, List.of(booking), List.of()))
                    .expectEvents(new ClosureCancellationsRecorded(DAY, "canteen", DATE, "Grève", List.of(booking),
                            List.of()));
        }

        @Test
        void an_open_day_does_not_cancel_its_bookings() {
            fixture.given(allocated(requests(1), List.of()))
                    .when(new RecordClosureCancellations(DAY, List.of(), List.of()))
                    .expectException(DomainException.class);
        }
    }

    @Test
    void free_places_rule_keeps_capacity_exact() {
        assertThat(AllocationRules.freePlaces(5, 5, 0)).isZero();
        assertThat(AllocationRules.freePlaces(5, 7, 0)).isZero();
        assertThat(AllocationRules.freePlaces(5, 2, 0)).isEqualTo(3);
        assertThat(AllocationRules.freePlaces(5, 2, 1)).isZero();
    }
}
