package fr.marelle.billing.order.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of orders and charges, for a family's billing page and the console. */
@Component
public class OrderHistory {

    public record OrderSummary(UUID orderId, String number, String familyId, OffsetDateTime placedAt, long totalCents,
                               int bookedLines, int waitlistedLines) {
    }

    /**
     * One line with what became of it: {@code status} is the charge's state (SCHEDULED, RELEASED, SETTLED, WAIVED),
     * {@code WAITLISTED} while the child waits for a place, and {@code invoiceNumber} once it is invoiced.
     */
    public record OrderLineView(int position, String bookingId, String childId, String childName, String serviceId,
                                String serviceName, LocalDate date, String outcome, Long unitPriceCents,
                                Long amountCents, String status, String invoiceNumber) {
    }

    public record OrderDetail(OrderSummary order, List<OrderLineView> lines) {
    }

    private static final String SUMMARY = "SELECT order_id, number, family_id, placed_at, total_cents, booked_lines, "
            + "waitlisted_lines FROM rm_order ";

    private final JdbcClient jdbc;

    OrderHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A family's orders, newest first. */
    public List<OrderSummary> ordersOf(String familyId, int limit) {
        return jdbc.sql(SUMMARY + "WHERE family_id = ? ORDER BY placed_at DESC, number DESC LIMIT ?")
                .params(familyId, limit).query(OrderSummary.class).list();
    }

    public Optional<OrderDetail> order(UUID orderId) {
        return jdbc.sql(SUMMARY + "WHERE order_id = ?").param(orderId).query(OrderSummary.class).optional()
                .map(summary -> new OrderDetail(summary, jdbc.sql("""
                                SELECT l.position, l.booking_id, l.child_id,
                                       coalesce(trim(concat_ws(' ', ch.first_name, ch.last_name)), l.child_id) AS child_name,
                                       l.service_id, coalesce(s.name, l.service_id) AS service_name, l.charge_date AS date,
                                       l.outcome, coalesce(c.unit_price_cents, l.unit_price_cents) AS unit_price_cents,
                                       coalesce(c.amount_cents, l.amount_cents) AS amount_cents,
                                       CASE WHEN c.state IS NOT NULL THEN c.state
                                            WHEN l.outcome = 'WAITLISTED' THEN 'WAITLISTED'
                                            ELSE 'SCHEDULED' END AS status,
                                       i.number AS invoice_number
                                FROM rm_order_line l
                                LEFT JOIN rm_charge c ON c.charge_id = l.charge_id
                                LEFT JOIN ref_child ch ON ch.child_id = l.child_id
                                LEFT JOIN ref_service s ON s.service_id = l.service_id
                                LEFT JOIN invoiced_charge ic ON ic.charge_id = l.charge_id
                                LEFT JOIN rm_invoice i ON i.invoice_id = ic.invoice_id
                                WHERE l.order_id = ? ORDER BY l.charge_date, l.position""")
                        .param(orderId).query(OrderLineView.class).list()));
    }

    /** Settled charges of a family not yet on an invoice, up to a day: what the month-end run will invoice. */
    public long uninvoicedSettledCents(String familyId, LocalDate upTo) {
        return jdbc.sql("""
                        SELECT coalesce(sum(c.amount_cents), 0) FROM rm_charge c
                        WHERE c.family_id = ? AND c.state = 'SETTLED' AND c.charge_date <= ?
                          AND NOT EXISTS (SELECT 1 FROM invoiced_charge i WHERE i.charge_id = c.charge_id)""")
                .params(familyId, upTo).query(Long.class).single();
    }
}
