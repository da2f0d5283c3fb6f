package fr.marelle.wallet.payment;

import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import org.axonframework.serialization.Revision;

import java.net.URI;
import java.time.Instant;

/** Facts about a card payment. No card data ever reaches Marelle: the payer types it on the provider's page. */
public final class PaymentEvents {

    private PaymentEvents() {
    }

    @Revision("1")
    public record TopUpStarted(PaymentId paymentId, FamilyId familyId, Money amount, String provider,
                               Instant startedAt) {
    }

    @Revision("1")
    public record TopUpRedirected(PaymentId paymentId, FamilyId familyId, String providerReference, URI redirectUrl,
                                  Instant expiresAt) {
    }

    @Revision("1")
    public record TopUpNotOpened(PaymentId paymentId, FamilyId familyId, String detail) {
    }

    /** The provider says it is paid; {@code late} when we had given it up (expired) before. */
    @Revision("1")
    public record TopUpSucceeded(PaymentId paymentId, FamilyId familyId, Money amount, String provider,
                                 String providerReference, Instant paidAt, String source, boolean late) {
    }

    /** The provider says it ended unpaid: DECLINED, CANCELLED or EXPIRED. */
    @Revision("1")
    public record TopUpFailed(PaymentId paymentId, FamilyId familyId, Money amount, String provider,
                              String providerReference, PaymentStatus reason, Instant failedAt, String source) {
    }
}
