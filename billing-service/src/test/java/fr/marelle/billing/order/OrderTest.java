package fr.marelle.billing.order;

import fr.marelle.billing.charge.Charge;
import fr.marelle.billing.charge.ChargeKind;
import fr.marelle.billing.order.OrderCommands.PlaceOrder;
import fr.marelle.billing.order.OrderEvents.OrderPlaced;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

    static final Instant AT = Instant.parse("2026-08-25T18:02:11Z");
    final UUID orderId = Order.idOfSubmission("submission-1");
    AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    static OrderLine booked(String bookingId, int day, long cents) {
        LocalDate date = LocalDate.of(2026, 9, day);
        return new OrderLine(bookingId, "lea", "canteen", date, OrderLine.Outcome.BOOKED,
                new Charge(Charge.idOfBooking(bookingId), bookingId, "lea", "canteen", date, ChargeKind.BOOKED, cents,
                        0, 1, cents, false, 850, LocalDate.of(2026, 9, 1)));
    }

    @Test
    void one_submission_is_one_order_whose_total_is_the_sum_of_its_booked_lines() {
        OrderLine waitlisted = new OrderLine("b3", "lea", "canteen", LocalDate.of(2026, 9, 3),
                OrderLine.Outcome.WAITLISTED, null);
        List<OrderLine> lines = List.of(booked("b1", 1, 385), booked("b2", 2, 385), waitlisted);
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(orderId, "CMD-2026-000123", "family", "submission-1", AT, lines))
                .expectEvents(new OrderPlaced(orderId, "CMD-2026-000123", "family", "submission-1", AT, lines, 770));
    }

    @Test
    void the_same_submission_always_gives_the_same_order() {
        assertThat(Order.idOfSubmission("submission-1")).isEqualTo(orderId);
        assertThat(Order.idOfSubmission("submission-2")).isNotEqualTo(orderId);
    }

    @Test
    void refuses_a_booked_line_without_a_price_and_a_booking_twice() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(orderId, "CMD-2026-000123", "family", "submission-1", AT, List.of(
                        new OrderLine("b1", "lea", "canteen", LocalDate.of(2026, 9, 1), OrderLine.Outcome.BOOKED,
                                null))))
                .expectException(DomainException.class);
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(orderId, "CMD-2026-000123", "family", "submission-1", AT, List.of(
                        booked("b1", 1, 385), booked("b1", 1, 385))))
                .expectException(DomainException.class);
    }
}
