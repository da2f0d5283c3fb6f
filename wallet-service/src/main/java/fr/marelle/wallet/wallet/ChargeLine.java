package fr.marelle.wallet.wallet;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A charge as billing-service scheduled or settled it: a child, a service, a day, its amount in cents, and whether
 * CESU may pay for it (billing applies DOMAIN's rule: daycare for any child, Wednesday and holiday centres under 6,
 * never the canteen).
 */
public record ChargeLine(String chargeId, String bookingId, String childId, String serviceId, LocalDate date,
                         Money amount, boolean cesuEligible) {

    public ChargeLine {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(amount, "amount");
    }
}
