package fr.marelle.wallet.payment.provider;

import fr.marelle.wallet.payment.PaymentId;
import fr.marelle.wallet.wallet.Money;

/** Which payment to ask the provider about: its reference there (may be unknown if we crashed before recording it). */
public record ProviderQuery(PaymentId paymentId, String reference, Money amount) {
}
