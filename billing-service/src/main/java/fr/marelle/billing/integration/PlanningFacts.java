package fr.marelle.billing.integration;

import fr.marelle.billing.Cents;
import fr.marelle.billing.charge.Attendance;
import fr.marelle.billing.charge.Charge;
import fr.marelle.billing.charge.ChargeCommands.RecordAttendance;
import fr.marelle.billing.charge.ChargeCommands.ReleaseCharges;
import fr.marelle.billing.charge.ChargeCommands.ReleaseReason;
import fr.marelle.billing.charge.ChargeCommands.ScheduleCause;
import fr.marelle.billing.charge.ChargeCommands.ScheduleCharges;
import fr.marelle.billing.charge.MonthlyCharges;
import fr.marelle.billing.invoice.DocumentNumbers;
import fr.marelle.billing.order.Order;
import fr.marelle.billing.order.OrderCommands.PlaceOrder;
import fr.marelle.billing.order.OrderLine;
import fr.marelle.billing.pricing.PriceList;
import fr.marelle.billing.pricing.Pricing;
import fr.marelle.contracts.planning.AttendanceSettled;
import fr.marelle.contracts.planning.BookingsCancelled;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceDayCancelled;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.integration.IntegrationEnvelope;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Planning's facts turned into orders and charges. Each runs in the consumer's transaction with its processed-message
 * row: the commands it sends commit with it, or not at all. Idempotent twice over: a record delivered again is
 * skipped by the platform, and the same booking always gives the same charge, which the aggregates never schedule,
 * settle or release twice.
 */
@Component
class PlanningFacts {

    private final CommandGateway commands;
    private final Pricing pricing;
    private final DocumentNumbers numbers;
    private final JdbcClient jdbc;

    PlanningFacts(CommandGateway commands, Pricing pricing, DocumentNumbers numbers, JdbcClient jdbc) {
        this.commands = commands;
        this.pricing = pricing;
        this.numbers = numbers;
        this.jdbc = jdbc;
    }

    /** One submission, one order: booked lines priced and scheduled, waitlisted lines listed without a price. */
    void bookingsSubmitted(BookingsSubmitted event, IntegrationEnvelope envelope) {
        boolean known = jdbc.sql("SELECT count(*) FROM order_claim WHERE submission_id = ?")
                .param(event.submissionId()).query(Long.class).single() > 0;
        if (known || event.lines() == null || event.lines().isEmpty()) {
            return;
        }
        List<BookingsSubmitted.Line> booked = event.lines().stream().filter(l -> "BOOKED".equals(l.outcome())).toList();
        PriceList prices = pricing.forFamily(event.familyId(),
                booked.stream().map(BookingsSubmitted.Line::serviceId).collect(Collectors.toSet()),
                booked.stream().map(BookingsSubmitted.Line::childId).collect(Collectors.toSet()));
        List<OrderLine> lines = new ArrayList<>();
        for (BookingsSubmitted.Line line : event.lines()) {
            boolean isBooked = "BOOKED".equals(line.outcome());
            lines.add(new OrderLine(line.bookingId(), line.childId(), line.serviceId(), line.date(),
                    isBooked ? OrderLine.Outcome.BOOKED : OrderLine.Outcome.WAITLISTED,
                    isBooked ? prices.booked(line.bookingId(), line.childId(), line.serviceId(), line.date()) : null));
        }
        UUID orderId = Order.idOfSubmission(event.submissionId());
        String number = numbers.next(DocumentNumbers.ORDER, event.submittedAt().atZone(Cents.PARIS).getYear());
        jdbc.sql("INSERT INTO order_claim (submission_id, order_id, number) VALUES (?, ?, ?)")
                .params(event.submissionId(), orderId, number).update();
        commands.sendAndWait(new PlaceOrder(orderId, number, event.familyId(), event.submissionId(),
                event.submittedAt(), lines));
        List<Charge> charges = lines.stream().map(OrderLine::charge).filter(java.util.Objects::nonNull).toList();
        byMonth(charges, Charge::date).forEach((month, ofMonth) -> commands.sendAndWait(new ScheduleCharges(
                MonthlyCharges.ledgerId(event.familyId(), month), event.familyId(), month, ScheduleCause.ORDER,
                orderId, ofMonth)));
    }

    void waitlistPlaceGranted(WaitlistPlaceGranted event, IntegrationEnvelope envelope) {
        PriceList prices = pricing.forFamily(event.familyId(), Set.of(event.serviceId()), Set.of(event.childId()));
        Charge charge = prices.booked(event.bookingId(), event.childId(), event.serviceId(), event.date());
        UUID orderId = jdbc.sql("SELECT order_id FROM rm_order_line WHERE booking_id = ? LIMIT 1")
                .param(event.bookingId()).query(UUID.class).optional().orElse(null);
        YearMonth month = YearMonth.from(event.date());
        commands.sendAndWait(new ScheduleCharges(MonthlyCharges.ledgerId(event.familyId(), month), event.familyId(),
                month, ScheduleCause.WAITLIST_PLACE_GRANTED, orderId, List.of(charge)));
    }

    void bookingsCancelled(BookingsCancelled event, IntegrationEnvelope envelope) {
        byMonth(event.bookings(), BookingsCancelled.Cancelled::date).forEach((month, bookings) ->
                commands.sendAndWait(new ReleaseCharges(MonthlyCharges.ledgerId(event.familyId(), month),
                        event.familyId(), month, ReleaseReason.CANCELLED,
                        bookings.stream().map(BookingsCancelled.Cancelled::bookingId).toList())));
    }

    void serviceDayCancelled(ServiceDayCancelled event, IntegrationEnvelope envelope) {
        YearMonth month = YearMonth.from(event.date());
        Map<String, List<ServiceDayCancelled.Cancelled>> byFamily = event.bookings().stream()
                .collect(Collectors.groupingBy(ServiceDayCancelled.Cancelled::familyId, LinkedHashMap::new,
                        Collectors.toList()));
        byFamily.forEach((familyId, bookings) -> commands.sendAndWait(new ReleaseCharges(
                MonthlyCharges.ledgerId(familyId, month), familyId, month, ReleaseReason.CLOSURE,
                bookings.stream().map(ServiceDayCancelled.Cancelled::bookingId).toList())));
    }

    /** A closed register: per family, one command with that family's children. */
    void attendanceSettled(AttendanceSettled event, IntegrationEnvelope envelope) {
        YearMonth month = YearMonth.from(event.date());
        Map<String, List<AttendanceSettled.Record>> byFamily = event.records().stream()
                .collect(Collectors.groupingBy(AttendanceSettled.Record::familyId, LinkedHashMap::new,
                        Collectors.toList()));
        byFamily.forEach((familyId, records) -> {
            PriceList prices = pricing.forFamily(familyId, Set.of(event.serviceId()),
                    records.stream().map(AttendanceSettled.Record::childId).collect(Collectors.toSet()));
            List<Attendance> attendances = new ArrayList<>();
            for (AttendanceSettled.Record record : records) {
                Attendance.Outcome outcome = Attendance.Outcome.of(record.state());
                boolean unbooked = outcome == Attendance.Outcome.PRESENT_UNBOOKED
                        || (record.bookingId() == null && outcome == Attendance.Outcome.PRESENT);
                if (record.bookingId() == null && !unbooked) {
                    continue; // an absence without booking costs nothing
                }
                Charge charge = unbooked
                        ? prices.unbookedPresence(record.childId(), event.serviceId(), event.date())
                        : priceIfPossible(prices, record, event.serviceId(), event.date());
                UUID chargeId = unbooked
                        ? Charge.idOfUnbookedPresence(record.childId(), event.serviceId(), event.date())
                        : Charge.idOfBooking(record.bookingId());
                attendances.add(new Attendance(unbooked ? null : record.bookingId(), record.childId(),
                        unbooked ? Attendance.Outcome.PRESENT_UNBOOKED : outcome, chargeId, charge));
            }
            commands.sendAndWait(new RecordAttendance(MonthlyCharges.ledgerId(familyId, month), familyId, month,
                    event.serviceId(), event.date(), attendances));
        });
    }

    /**
     * A booked child's charge as it would be priced now: used only if billing has not seen the booking yet. Without
     * a grid the known charge is enough; the aggregate asks to wait (retry) if it does not know the booking either.
     */
    private static Charge priceIfPossible(PriceList prices, AttendanceSettled.Record record, String serviceId,
                                          LocalDate date) {
        try {
            return prices.booked(record.bookingId(), record.childId(), serviceId, date);
        } catch (DomainException e) {
            if ("TARIFF_MISSING".equals(e.code())) {
                return null;
            }
            throw e;
        }
    }

    private static <T> Map<YearMonth, List<T>> byMonth(List<T> items, Function<T, LocalDate> date) {
        Map<YearMonth, List<T>> months = new LinkedHashMap<>();
        for (T item : items) {
            months.computeIfAbsent(YearMonth.from(date.apply(item)), m -> new ArrayList<>()).add(item);
        }
        return months;
    }

}
