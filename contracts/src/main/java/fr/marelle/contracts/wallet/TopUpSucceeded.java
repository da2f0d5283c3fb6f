package fr.marelle.contracts.wallet;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A card payment topped the wallet up. Key: the family id.
 */
public record TopUpSucceeded(String familyId, String paymentId, long amountCents, String provider, Instant paidAt) {

    public static final ContractType<TopUpSucceeded> TYPE =
            new ContractType<>("wallet", "TopUpSucceeded", 1, TopUpSucceeded.class);
}
