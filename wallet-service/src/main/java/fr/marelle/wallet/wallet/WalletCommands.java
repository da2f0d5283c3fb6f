package fr.marelle.wallet.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** What may be asked of a family's wallet. A wallet opens with the first of them. */
public final class WalletCommands {

    private WalletCommands() {
    }

    /** Charges billing scheduled (an order, a waitlisted place granted): shown as "à venir". */
    public record ReserveCharges(@TargetAggregateIdentifier FamilyId familyId, String source,
                                 List<ChargeLine> charges) {
    }

    /** Scheduled charges that will not be due (cancelled in time, a closed day, an excused absence). */
    public record ReleaseCharges(@TargetAggregateIdentifier FamilyId familyId, String reason,
                                 List<ChargeLine> charges) {
    }

    /** Charges now due for one service-day: each is debited once, CESU first where it may pay. */
    public record SettleCharges(@TargetAggregateIdentifier FamilyId familyId, String serviceId, LocalDate date,
                                List<ChargeLine> charges) {
    }

    /**
     * Money into one pocket: a card payment, a CESU cheque, cash, a cheque, a refund. {@code movementId} is chosen by
     * the caller; the same id twice records one movement. {@code reference} is the cheque's number or the
     * provider's payment reference; {@code issuer} the cheque's issuer or bank.
     */
    public record CreditWallet(@TargetAggregateIdentifier FamilyId familyId, MovementId movementId, Pocket pocket,
                               Money amount, CreditKind kind, String reference, String issuer, String reason) {
    }

    /** A correction by staff, positive or negative, on one pocket, with its reason. */
    public record AdjustWallet(@TargetAggregateIdentifier FamilyId familyId, MovementId movementId, Pocket pocket,
                               Money amount, String reason) {
    }

    /** What a credit or an adjustment did: its movement, the figures after it, and whether it is new. */
    public record CreditRecorded(MovementId movementId, Balances balances, boolean recordedNow) {
    }

    /** The main balance under which the family is alerted (15,00 € unless they chose another). */
    public record ChangeLowBalanceThreshold(@TargetAggregateIdentifier FamilyId familyId, Money threshold) {
    }
}
