package fr.marelle.billing.order;

import fr.marelle.billing.charge.Charge;

import java.time.LocalDate;

/**
 * One line of an order: a child-day asked for in the submission. A booked line carries its charge; a waitlisted one
 * has none until the child gets a place (then its charge is scheduled outside the order's total).
 */
public record OrderLine(String bookingId, String childId, String serviceId, LocalDate date, Outcome outcome,
                        Charge charge) {

    public enum Outcome { BOOKED, WAITLISTED }

    public long amountCents() {
        return charge == null ? 0 : charge.amountCents();
    }
}
