package fr.marelle.billing.charge;

import fr.marelle.billing.Cents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a family owes for one child on one service and day: a unit price in cents times a quantity, priced once with
 * the grid in force on that day and the family's QF on that day, and never repriced.
 *
 * @param bookingId             the booking it charges, {@code null} for a presence without booking
 * @param unitPriceCents        the price of a unit, the town's surcharge included for a presence without booking
 * @param surchargeCents        the part of the unit price that is the surcharge (0 for a booked day)
 * @param quotientFamilial      the QF it was priced with, {@code null} when the family had no valid attestation
 * @param tariffEffectiveFrom   the date of effect of the grid it was priced with
 * @param cesuEligible          CESU may pay for it (daycare; Wednesday and holiday centres under 6; never the canteen)
 */
public record Charge(UUID chargeId, String bookingId, String childId, String serviceId, LocalDate date,
                     ChargeKind kind, long unitPriceCents, long surchargeCents, int quantity, long amountCents,
                     boolean cesuEligible, Integer quotientFamilial, LocalDate tariffEffectiveFrom) {

    public Charge {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity");
        }
        if (amountCents != Cents.times(unitPriceCents, quantity)) {
            throw new IllegalArgumentException("A charge is its unit price times its quantity");
        }
    }

    /** The same booking always gives the same charge id: a fact delivered twice makes one charge. */
    public static UUID idOfBooking(String bookingId) {
        return UUID.nameUUIDFromBytes(("marelle:charge:booking:" + bookingId).getBytes(StandardCharsets.UTF_8));
    }

    /** A presence without booking has one charge per child, service and day. */
    public static UUID idOfUnbookedPresence(String childId, String serviceId, LocalDate date) {
        return UUID.nameUUIDFromBytes(("marelle:charge:unbooked:" + childId + ":" + serviceId + ":" + date)
                .getBytes(StandardCharsets.UTF_8));
    }
}
