package fr.marelle.contracts.wallet;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * The main balance crossed below zero. Once per crossing. Key: the family id.
 */
public record WalletOverdrawn(String familyId, long balanceCents, Instant crossedAt) {

    public static final ContractType<WalletOverdrawn> TYPE =
            new ContractType<>("wallet", "WalletOverdrawn", 1, WalletOverdrawn.class);
}
