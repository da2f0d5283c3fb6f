package fr.marelle.wallet.wallet;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Facts about a wallet. Each movement carries the balances after it, so that the history shows them and the
 * published events give them. Who did it, when and from where is in each event's metadata.
 */
public final class WalletEvents {

    private WalletEvents() {
    }

    @Revision("1")
    public record WalletOpened(FamilyId familyId, Money lowBalanceThreshold) {
    }

    /** Charges now shown as "à venir"; only those the wallet did not know yet. */
    @Revision("1")
    public record ChargesReserved(FamilyId familyId, String source, List<ChargeLine> charges, Balances balances) {
    }

    /** A charge that will not be due; {@code wasReserved} is false when the release came before the charge. */
    public record ReleasedCharge(String chargeId, Money amount, boolean wasReserved) {
    }

    @Revision("1")
    public record ChargesReleased(FamilyId familyId, String reason, List<ReleasedCharge> charges,
                                  Balances balances) {
    }

    /** A settled charge paid from the wallet: {@code fromCesu} + {@code fromMain} = its amount. */
    @Revision("1")
    public record ChargeDebited(FamilyId familyId, MovementId movementId, ChargeLine charge, Money fromCesu,
                                Money fromMain, Balances balances) {
    }

    /**
     * Money into a pocket; for an {@link CreditKind#ADJUSTMENT} the amount may be negative (money taken out by a
     * correction).
     */
    @Revision("1")
    public record WalletCredited(FamilyId familyId, MovementId movementId, Pocket pocket, Money amount,
                                 CreditKind kind, String reference, String issuer, String reason, Balances balances) {
    }

    @Revision("1")
    public record LowBalanceThresholdChanged(FamilyId familyId, Money threshold) {
    }

    /** The main balance went from at or above the threshold to below it. */
    @Revision("1")
    public record LowBalanceCrossed(FamilyId familyId, Money balance, Money threshold) {
    }

    /** The main balance went from zero or more to below zero. */
    @Revision("1")
    public record WalletOverdrawn(FamilyId familyId, Money balance) {
    }
}
