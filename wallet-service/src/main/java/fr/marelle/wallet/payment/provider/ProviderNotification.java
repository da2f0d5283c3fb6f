package fr.marelle.wallet.payment.provider;

import java.util.Optional;

/**
 * A notification the provider really sent: the payment it is about (its reference at the provider, and ours when it
 * carries it), and the outcome when the notification itself is proof of it (signed); otherwise the wallet asks.
 */
public record ProviderNotification(String reference, String merchantReference, Optional<ProviderReport> report) {
}
