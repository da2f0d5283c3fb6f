package fr.marelle.wallet.payment;

import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.net.URI;
import java.time.Instant;

/** What may be asked of a card payment. */
public final class PaymentCommands {

    private PaymentCommands() {
    }

    /** A parent asks to top their wallet up by card, through the provider named. */
    public record StartTopUp(@TargetAggregateIdentifier PaymentId paymentId, FamilyId familyId, Money amount,
                             String provider) {
    }

    /** The provider opened its payment page for it. */
    public record RecordProviderSession(@TargetAggregateIdentifier PaymentId paymentId, String providerReference,
                                        URI redirectUrl, Instant expiresAt) {
    }

    /** The provider could not be reached, or refused to open a page. */
    public record RecordProviderUnavailable(@TargetAggregateIdentifier PaymentId paymentId, String detail) {
    }

    /**
     * What the provider says of the payment (a notification, an answer to our question). {@code source} is where it
     * came from, for the history: NOTIFICATION, RECONCILIATION, RETURN.
     */
    public record RecordPaymentOutcome(@TargetAggregateIdentifier PaymentId paymentId, String provider,
                                       String providerReference,
                                       PaymentOutcome outcome, Money amount, Instant at, String source) {
    }

    /** What recording an outcome did: whether the wallet is to be credited now. */
    public record OutcomeRecorded(FamilyId familyId, Money amount, String providerReference, PaymentStatus status,
                                  boolean creditNow) {
    }
}
