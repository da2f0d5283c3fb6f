package fr.marelle.wallet.payment.provider;

import fr.marelle.wallet.payment.PaymentOutcome;
import fr.marelle.wallet.wallet.Money;

import java.time.Instant;

/** What the provider says of a payment: its outcome, the amount it took or would take, and when. */
public record ProviderReport(String reference, PaymentOutcome outcome, Money amount, Instant at) {
}
