package fr.marelle.contracts.billing;

import fr.marelle.contracts.ContractType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One planning submission became one order ("commande"): its charges are scheduled (the wallet shows them as "à venir")
 * at the tariff in force on each day for the family's quotient familial on that day. Key: the family id.
 */
public record OrderPlaced(String orderId, String number, String familyId, String submissionId, Instant placedAt,
                          List<Charge> charges, long totalCents) {

    /** One charge: a child, a service, a day, a unit price in cents times a quantity. */
    public record Charge(String chargeId, String bookingId, String childId, String serviceId, LocalDate date,
                         long unitPriceCents, int quantity, long amountCents, boolean cesuEligible) {
    }

    public static final ContractType<OrderPlaced> TYPE =
            new ContractType<>("billing", "OrderPlaced", 1, OrderPlaced.class);
}
