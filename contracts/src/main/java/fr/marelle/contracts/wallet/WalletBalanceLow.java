package fr.marelle.contracts.wallet;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * The main balance crossed below the family's alert threshold (15,00 € by default). Once per crossing: published
 * again only after the balance has been back above. Key: the family id.
 */
public record WalletBalanceLow(String familyId, long balanceCents, long thresholdCents, Instant crossedAt) {

    public static final ContractType<WalletBalanceLow> TYPE =
            new ContractType<>("wallet", "WalletBalanceLow", 1, WalletBalanceLow.class);
}
