package fr.marelle.wallet.payment.provider;

import java.net.URI;
import java.time.Instant;

/** The provider's page for a payment: its reference there, where to send the payer, until when it is open. */
public record ProviderSession(String reference, URI redirectUrl, Instant expiresAt) {
}
