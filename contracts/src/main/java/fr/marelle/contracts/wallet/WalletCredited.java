package fr.marelle.contracts.wallet;

import fr.marelle.contracts.ContractType;

/**
 * Money entered a family's wallet. {@code pocket} is {@code MAIN} or {@code CESU} (the "mercredi récréatif" balance);
 * {@code kind} is {@code TOP_UP}, {@code CESU_CHEQUE}, {@code CASH}, {@code CHEQUE}, {@code REFUND} or
 * {@code ADJUSTMENT}; only an {@code ADJUSTMENT} (a correction by finance staff, with its reason) may have a negative
 * {@code amountCents}, when it takes money out. {@code reference} is the cheque's number or the payment provider's
 * reference. Balances are after the movement, in cents. Key: the family id.
 */
public record WalletCredited(String familyId, String movementId, String pocket, long amountCents, String kind,
                             String reference, long mainBalanceCents, long cesuBalanceCents) {

    public static final ContractType<WalletCredited> TYPE =
            new ContractType<>("wallet", "WalletCredited", 1, WalletCredited.class);
}
