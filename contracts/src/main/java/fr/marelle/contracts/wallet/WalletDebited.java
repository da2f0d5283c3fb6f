package fr.marelle.contracts.wallet;

import fr.marelle.contracts.ContractType;

/**
 * A settled charge was paid from the wallet: CESU first where allowed, the rest from the main balance, which may go
 * negative. Balances are after the movement, in cents. Key: the family id.
 */
public record WalletDebited(String familyId, String movementId, String chargeId, long fromCesuCents,
                            long fromMainCents, long mainBalanceCents, long cesuBalanceCents) {

    public static final ContractType<WalletDebited> TYPE =
            new ContractType<>("wallet", "WalletDebited", 1, WalletDebited.class);
}
