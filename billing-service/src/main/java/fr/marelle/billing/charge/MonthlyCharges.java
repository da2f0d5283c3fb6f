package fr.marelle.billing.charge;

import fr.marelle.billing.charge.ChargeCommands.RecordAttendance;
import fr.marelle.billing.charge.ChargeCommands.ReleaseCharges;
import fr.marelle.billing.charge.ChargeCommands.ScheduleCharges;
import fr.marelle.billing.charge.ChargeEvents.ChargesReleased;
import fr.marelle.billing.charge.ChargeEvents.ChargesScheduled;
import fr.marelle.billing.charge.ChargeEvents.ChargesSettled;
import fr.marelle.billing.charge.ChargeEvents.ChargesWaived;
import fr.marelle.billing.charge.ChargeEvents.MonthlyChargesOpened;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A family's charges of one month, each with its state. One aggregate per family and month: families never contend,
 * a service-day's register touches each family's month once (one {@code ChargesSettled} per family and service-day),
 * and a stream holds one month of a family's facts. Every command is idempotent: a fact delivered twice, or facts
 * arriving out of order, never charge twice.
 */
@Aggregate
public class MonthlyCharges {

    private static final Logger log = LoggerFactory.getLogger(MonthlyCharges.class);

    private record Entry(Charge charge, ChargeState state) {
    }

    @AggregateIdentifier
    private String ledgerId;
    private String familyId;
    private final Map<UUID, Entry> charges = new HashMap<>();
    /** Bookings released before billing saw them: never charged. */
    private final Set<String> closedBookings = new HashSet<>();

    protected MonthlyCharges() {
    }

    public static String ledgerId(String familyId, YearMonth month) {
        return familyId + "/" + month;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleCharges command) {
        open(command.ledgerId(), command.familyId(), command.month());
        ChargeRules.belongToTheMonth(command.month(), command.charges());
        List<Charge> fresh = new ArrayList<>();
        for (Charge charge : command.charges()) {
            if (!charges.containsKey(charge.chargeId()) && !closedBookings.contains(charge.bookingId())) {
                fresh.add(charge);
            }
        }
        if (!fresh.isEmpty()) {
            apply(new ChargesScheduled(ledgerId, familyId, command.cause(), command.orderId(), fresh));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReleaseCharges command) {
        open(command.ledgerId(), command.familyId(), command.month());
        List<Charge> released = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String bookingId : command.bookingIds()) {
            Entry entry = charges.get(Charge.idOfBooking(bookingId));
            if (entry == null) {
                if (!closedBookings.contains(bookingId)) {
                    unknown.add(bookingId);
                }
            } else if (entry.state() == ChargeState.SCHEDULED) {
                released.add(entry.charge());
            }
        }
        if (!released.isEmpty() || !unknown.isEmpty()) {
            apply(new ChargesReleased(ledgerId, familyId, command.reason(), released, unknown));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordAttendance command) {
        open(command.ledgerId(), command.familyId(), command.month());
        List<Charge> settled = new ArrayList<>();
        List<Charge> waived = new ArrayList<>();
        for (Attendance attendance : command.attendances()) {
            Charge given = attendance.charge();
            Entry entry = charges.get(attendance.chargeId());
            if (entry == null && attendance.bookingId() != null && closedBookings.contains(attendance.bookingId())) {
                log.warn("Attendance {} for booking {} that was released before billing saw it: not charged",
                        attendance.outcome(), attendance.bookingId());
                continue;
            }
            if (entry != null && ChargeRules.isFinal(entry.state())) {
                boolean same = attendance.outcome().isDue() == (entry.state() == ChargeState.SETTLED);
                if (!same) {
                    log.warn("Attendance {} for charge {} already {}: a correction is made with a credit note",
                            attendance.outcome(), attendance.chargeId(), entry.state());
                }
                continue;
            }
            if (entry == null && given == null) {
                // neither seen nor priceable: the submission is on its way (different Kafka key); retried
                throw DomainException.conflict("CHARGE_UNKNOWN", "Réservation " + attendance.bookingId()
                        + " encore inconnue de la facturation.");
            }
            // a charge billing knows keeps its price; one it has not seen yet is priced as given
            Charge charge = entry != null ? entry.charge() : given;
            if (attendance.outcome().isDue()) {
                settled.add(charge);
            } else {
                waived.add(charge);
            }
        }
        if (!settled.isEmpty()) {
            apply(new ChargesSettled(ledgerId, familyId, command.serviceId(), command.date(), settled));
        }
        if (!waived.isEmpty()) {
            apply(new ChargesWaived(ledgerId, familyId, command.serviceId(), command.date(), waived));
        }
    }

    private void open(String id, String family, YearMonth month) {
        if (ledgerId == null) {
            apply(new MonthlyChargesOpened(id, family, month));
        }
    }

    @EventSourcingHandler
    void on(MonthlyChargesOpened event) {
        ledgerId = event.ledgerId();
        familyId = event.familyId();
    }

    @EventSourcingHandler
    void on(ChargesScheduled event) {
        event.charges().forEach(c -> charges.put(c.chargeId(), new Entry(c, ChargeState.SCHEDULED)));
    }

    @EventSourcingHandler
    void on(ChargesReleased event) {
        event.charges().forEach(c -> charges.put(c.chargeId(), new Entry(c, ChargeState.RELEASED)));
        closedBookings.addAll(event.unknownBookingIds());
    }

    @EventSourcingHandler
    void on(ChargesSettled event) {
        event.charges().forEach(c -> charges.put(c.chargeId(), new Entry(c, ChargeState.SETTLED)));
    }

    @EventSourcingHandler
    void on(ChargesWaived event) {
        event.charges().forEach(c -> charges.put(c.chargeId(), new Entry(c, ChargeState.WAIVED)));
    }
}
