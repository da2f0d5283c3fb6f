package fr.marelle.billing.charge;

import fr.marelle.billing.charge.Attendance.Outcome;
import fr.marelle.billing.charge.ChargeCommands.RecordAttendance;
import fr.marelle.billing.charge.ChargeCommands.ReleaseCharges;
import fr.marelle.billing.charge.ChargeCommands.ReleaseReason;
import fr.marelle.billing.charge.ChargeCommands.ScheduleCause;
import fr.marelle.billing.charge.ChargeCommands.ScheduleCharges;
import fr.marelle.billing.charge.ChargeEvents.ChargesReleased;
import fr.marelle.billing.charge.ChargeEvents.ChargesScheduled;
import fr.marelle.billing.charge.ChargeEvents.ChargesSettled;
import fr.marelle.billing.charge.ChargeEvents.ChargesWaived;
import fr.marelle.billing.charge.ChargeEvents.MonthlyChargesOpened;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

class MonthlyChargesTest {

    static final String FAMILY = UUID.randomUUID().toString();
    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    static final String LEDGER = MonthlyCharges.ledgerId(FAMILY, SEPTEMBER);
    static final String LEA = UUID.randomUUID().toString();
    static final UUID ORDER = UUID.randomUUID();

    AggregateTestFixture<MonthlyCharges> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MonthlyCharges.class);
    }

    static Charge booked(String bookingId, int day, long cents) {
        return new Charge(Charge.idOfBooking(bookingId), bookingId, LEA, "canteen", LocalDate.of(2026, 9, day),
                ChargeKind.BOOKED, cents, 0, 1, cents, false, 850, LocalDate.of(2026, 9, 1));
    }

    static Charge unbooked(int day, long cents, long surcharge) {
        LocalDate date = LocalDate.of(2026, 9, day);
        return new Charge(Charge.idOfUnbookedPresence(LEA, "canteen", date), null, LEA, "canteen", date,
                ChargeKind.UNBOOKED, cents + surcharge, surcharge, 1, cents + surcharge, false, null,
                LocalDate.of(2026, 9, 1));
    }

    static MonthlyChargesOpened opened() {
        return new MonthlyChargesOpened(LEDGER, FAMILY, SEPTEMBER);
    }

    static ChargesScheduled scheduled(Charge... charges) {
        return new ChargesScheduled(LEDGER, FAMILY, ScheduleCause.ORDER, ORDER, List.of(charges));
    }

    static RecordAttendance register(int day, Attendance... attendances) {
        return new RecordAttendance(LEDGER, FAMILY, SEPTEMBER, "canteen", LocalDate.of(2026, 9, day),
                List.of(attendances));
    }

    static Attendance attendance(Charge charge, Outcome outcome) {
        return new Attendance(charge.bookingId(), charge.childId(), outcome, charge.chargeId(), charge);
    }

    @Nested
    class Scheduling {
        @Test
        void a_new_month_is_opened_and_its_charges_scheduled() {
            Charge first = booked("b1", 1, 190);
            fixture.givenNoPriorActivity()
                    .when(new ScheduleCharges(LEDGER, FAMILY, SEPTEMBER, ScheduleCause.ORDER, ORDER, List.of(first)))
                    .expectEvents(opened(), scheduled(first));
        }

        @Test
        void a_charge_delivered_twice_is_scheduled_once() {
            Charge first = booked("b1", 1, 190);
            Charge second = booked("b2", 2, 190);
            fixture.given(opened(), scheduled(first))
                    .when(new ScheduleCharges(LEDGER, FAMILY, SEPTEMBER, ScheduleCause.ORDER, ORDER,
                            List.of(first, second)))
                    .expectEvents(scheduled(second));
        }

        @Test
        void a_charge_already_settled_is_never_scheduled_again() {
            Charge first = booked("b1", 1, 190);
            fixture.given(opened(), new ChargesSettled(LEDGER, FAMILY, "canteen", first.date(), List.of(first)))
                    .when(new ScheduleCharges(LEDGER, FAMILY, SEPTEMBER, ScheduleCause.ORDER, ORDER, List.of(first)))
                    .expectNoEvents();
        }

        @Test
        void a_booking_closed_before_billing_saw_it_is_never_charged() {
            Charge first = booked("b1", 1, 190);
            fixture.given(opened(), new ChargesReleased(LEDGER, FAMILY, ReleaseReason.CLOSURE, List.of(),
                            List.of("b1")))
                    .when(new ScheduleCharges(LEDGER, FAMILY, SEPTEMBER, ScheduleCause.ORDER, ORDER, List.of(first)))
                    .expectNoEvents();
        }

        @Test
        void refuses_a_charge_of_another_month() {
            Charge october = new Charge(Charge.idOfBooking("b9"), "b9", LEA, "canteen", LocalDate.of(2026, 10, 1),
                    ChargeKind.BOOKED, 190, 0, 1, 190, false, null, LocalDate.of(2026, 9, 1));
            fixture.given(opened())
                    .when(new ScheduleCharges(LEDGER, FAMILY, SEPTEMBER, ScheduleCause.ORDER, ORDER, List.of(october)))
                    .expectException(DomainException.class);
        }
    }

    @Nested
    class Releasing {
        @Test
        void a_booking_cancelled_in_time_releases_its_scheduled_charge() {
            Charge first = booked("b1", 1, 190);
            fixture.given(opened(), scheduled(first))
                    .when(new ReleaseCharges(LEDGER, FAMILY, SEPTEMBER, ReleaseReason.CANCELLED, List.of("b1")))
                    .expectEvents(new ChargesReleased(LEDGER, FAMILY, ReleaseReason.CANCELLED, List.of(first),
                            List.of()));
        }

        @Test
        void a_charge_is_released_once() {
            Charge first = booked("b1", 1, 190);
            fixture.given(opened(), scheduled(first), new ChargesReleased(LEDGER, FAMILY, ReleaseReason.CANCELLED,
                            List.of(first), List.of()))
                    .when(new ReleaseCharges(LEDGER, FAMILY, SEPTEMBER, ReleaseReason.CLOSURE, List.of("b1")))
                    .expectNoEvents();
        }

        @Test
        void a_settled_charge_is_not_released() {
            Charge first = booked("b1", 1, 190);
            fixture.given(opened(), scheduled(first),
                            new ChargesSettled(LEDGER, FAMILY, "canteen", first.date(), List.of(first)))
                    .when(new ReleaseCharges(LEDGER, FAMILY, SEPTEMBER, ReleaseReason.CANCELLED, List.of("b1")))
                    .expectNoEvents();
        }
    }

    @Nested
    class Attendance_ {
        @Test
        void present_or_absent_without_excuse_settles_and_excused_absence_waives() {
            Charge monday = booked("b1", 7, 190);
            Charge other = new Charge(Charge.idOfBooking("b2"), "b2", "sibling", "canteen", LocalDate.of(2026, 9, 7),
                    ChargeKind.BOOKED, 190, 0, 1, 190, false, 850, LocalDate.of(2026, 9, 1));
            Charge third = new Charge(Charge.idOfBooking("b3"), "b3", "third", "canteen", LocalDate.of(2026, 9, 7),
                    ChargeKind.BOOKED, 190, 0, 1, 190, false, 850, LocalDate.of(2026, 9, 1));
            fixture.given(opened(), scheduled(monday, other, third))
                    .when(register(7, attendance(monday, Outcome.PRESENT), attendance(other, Outcome.ABSENT_UNEXCUSED),
                            attendance(third, Outcome.ABSENT_EXCUSED)))
                    .expectEvents(new ChargesSettled(LEDGER, FAMILY, "canteen", LocalDate.of(2026, 9, 7),
                                    List.of(monday, other)),
                            new ChargesWaived(LEDGER, FAMILY, "canteen", LocalDate.of(2026, 9, 7), List.of(third)));
        }

        @Test
        void a_charge_keeps_the_price_it_was_made_with_whatever_the_register_brings() {
            Charge made = booked("b1", 7, 190);
            Charge repriced = booked("b1", 7, 250);
            fixture.given(opened(), scheduled(made))
                    .when(register(7, attendance(repriced, Outcome.PRESENT)))
                    .expectEvents(new ChargesSettled(LEDGER, FAMILY, "canteen", made.date(), List.of(made)));
        }

        @Test
        void a_register_delivered_twice_settles_once() {
            Charge monday = booked("b1", 7, 190);
            fixture.given(opened(), scheduled(monday),
                            new ChargesSettled(LEDGER, FAMILY, "canteen", monday.date(), List.of(monday)))
                    .when(register(7, attendance(monday, Outcome.PRESENT)))
                    .expectNoEvents();
        }

        @Test
        void a_settled_charge_is_final_a_later_excuse_changes_nothing() {
            Charge monday = booked("b1", 7, 190);
            fixture.given(opened(), scheduled(monday),
                            new ChargesSettled(LEDGER, FAMILY, "canteen", monday.date(), List.of(monday)))
                    .when(register(7, attendance(monday, Outcome.ABSENT_EXCUSED)))
                    .expectNoEvents();
        }

        @Test
        void presence_without_booking_is_charged_with_the_surcharge_once() {
            Charge walkIn = unbooked(8, 190, 100);
            Attendance present = new Attendance(null, LEA, Outcome.PRESENT_UNBOOKED, walkIn.chargeId(), walkIn);
            fixture.given(opened())
                    .when(register(8, present))
                    .expectEvents(new ChargesSettled(LEDGER, FAMILY, "canteen", walkIn.date(), List.of(walkIn)));
            fixture.given(opened(), new ChargesSettled(LEDGER, FAMILY, "canteen", walkIn.date(), List.of(walkIn)))
                    .when(register(8, present))
                    .expectNoEvents();
        }

        @Test
        void a_register_that_overtakes_the_submission_settles_the_charge_as_priced_now() {
            Charge monday = booked("b1", 7, 190);
            fixture.givenNoPriorActivity()
                    .when(register(7, attendance(monday, Outcome.PRESENT)))
                    .expectEvents(opened(), new ChargesSettled(LEDGER, FAMILY, "canteen", monday.date(),
                            List.of(monday)));
        }

        @Test
        void an_unknown_booking_that_cannot_be_priced_waits_for_its_submission() {
            Attendance unpriced = new Attendance("b1", LEA, Outcome.PRESENT, Charge.idOfBooking("b1"), null);
            fixture.given(opened())
                    .when(register(7, unpriced))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Réservation b1 encore inconnue de la facturation.");
        }
    }
}
