package fr.marelle.wallet.payment.provider;

import fr.marelle.wallet.payment.PaymentId;
import fr.marelle.wallet.wallet.Money;

import java.net.URI;
import java.time.Instant;

/**
 * A payment to open at the provider: our id (the merchant's reference), the amount, who pays (PayFiP requires their
 * address), where the payer comes back and where the provider notifies.
 */
public record PaymentRequest(PaymentId paymentId, Money amount, String payerEmail, String description,
                             URI returnUrl, URI notificationUrl, Instant at) {
}
