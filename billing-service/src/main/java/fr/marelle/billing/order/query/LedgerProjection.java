package fr.marelle.billing.order.query;

import fr.marelle.billing.charge.Charge;
import fr.marelle.billing.charge.ChargeEvents.ChargesReleased;
import fr.marelle.billing.charge.ChargeEvents.ChargesScheduled;
import fr.marelle.billing.charge.ChargeEvents.ChargesSettled;
import fr.marelle.billing.charge.ChargeEvents.ChargesWaived;
import fr.marelle.billing.charge.ChargeState;
import fr.marelle.billing.order.OrderEvents.OrderPlaced;
import fr.marelle.billing.order.OrderLine;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Read model "ledger": orders with their lines ({@code rm_order}, {@code rm_order_line}) and every charge with its
 * state ({@code rm_charge}). Charges only move forward (scheduled, then released, settled or waived), so upserts that
 * never go back make the events of different aggregates safe to apply in any order.
 */
@Component
@ProcessingGroup("ledger")
@ProjectionTables({"rm_order", "rm_order_line", "rm_charge"})
class LedgerProjection {

    private final JdbcClient jdbc;

    LedgerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlaced event) {
        long booked = event.lines().stream().filter(l -> l.outcome() == OrderLine.Outcome.BOOKED).count();
        jdbc.sql("""
                        INSERT INTO rm_order (order_id, number, family_id, submission_id, placed_at, total_cents,
                            booked_lines, waitlisted_lines)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""")
                .params(event.orderId(), event.number(), event.familyId(), event.submissionId(),
                        java.sql.Timestamp.from(event.submittedAt()), event.totalCents(), booked,
                        event.lines().size() - booked)
                .update();
        int position = 0;
        for (OrderLine line : event.lines()) {
            Charge c = line.charge();
            jdbc.sql("""
                            INSERT INTO rm_order_line (order_id, position, booking_id, charge_id, child_id, service_id,
                                charge_date, outcome, unit_price_cents, quantity, amount_cents)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(event.orderId(), position++, line.bookingId(), Charge.idOfBooking(line.bookingId()),
                            line.childId(), line.serviceId(), line.date(), line.outcome().name(),
                            c == null ? null : c.unitPriceCents(), c == null ? 1 : c.quantity(),
                            c == null ? null : c.amountCents())
                    .update();
        }
    }

    @EventHandler
    void on(ChargesScheduled event, @Timestamp Instant at) {
        upsert(event.familyId(), event.orderId(), event.charges(), ChargeState.SCHEDULED, at);
    }

    @EventHandler
    void on(ChargesReleased event, @Timestamp Instant at) {
        upsert(event.familyId(), null, event.charges(), ChargeState.RELEASED, at);
    }

    @EventHandler
    void on(ChargesSettled event, @Timestamp Instant at) {
        upsert(event.familyId(), null, event.charges(), ChargeState.SETTLED, at);
    }

    @EventHandler
    void on(ChargesWaived event, @Timestamp Instant at) {
        upsert(event.familyId(), null, event.charges(), ChargeState.WAIVED, at);
    }

    /** A final state is never overwritten by a scheduled one that arrives later. */
    private void upsert(String familyId, UUID orderId, List<Charge> charges, ChargeState state, Instant at) {
        for (Charge c : charges) {
            jdbc.sql("""
                            INSERT INTO rm_charge (charge_id, family_id, booking_id, child_id, service_id, charge_date,
                                kind, unit_price_cents, surcharge_cents, quantity, amount_cents, cesu_eligible,
                                quotient_familial, order_id, state, updated_at)
                            VALUES (:id, :family, :booking, :child, :service, :date, :kind, :unit, :surcharge, :qty,
                                :amount, :cesu, :qf, :order, :state, :at)
                            ON CONFLICT (charge_id) DO UPDATE SET
                                state = CASE WHEN rm_charge.state = 'SCHEDULED' THEN excluded.state
                                             ELSE rm_charge.state END,
                                order_id = coalesce(rm_charge.order_id, excluded.order_id),
                                updated_at = excluded.updated_at""")
                    .param("id", c.chargeId()).param("family", familyId).param("booking", c.bookingId())
                    .param("child", c.childId()).param("service", c.serviceId()).param("date", c.date())
                    .param("kind", c.kind().name()).param("unit", c.unitPriceCents())
                    .param("surcharge", c.surchargeCents()).param("qty", c.quantity())
                    .param("amount", c.amountCents()).param("cesu", c.cesuEligible())
                    .param("qf", c.quotientFamilial()).param("order", orderId).param("state", state.name())
                    .param("at", java.sql.Timestamp.from(at))
                    .update();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_order, rm_order_line, rm_charge").update();
    }
}
