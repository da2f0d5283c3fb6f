package fr.marelle.contracts.wallet;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A card payment did not go through ({@code DECLINED}, {@code CANCELLED}, {@code EXPIRED}). Key: the family id.
 */
public record TopUpFailed(String familyId, String paymentId, long amountCents, String provider, String reason,
                          Instant failedAt) {

    public static final ContractType<TopUpFailed> TYPE =
            new ContractType<>("wallet", "TopUpFailed", 1, TopUpFailed.class);
}
