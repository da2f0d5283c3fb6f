package fr.marelle.notification.message.rendering;

import java.time.Duration;

/**
 * Obtains, when a message is rendered, the single-use link it carries (confirm an address, choose a password…).
 *
 * <p>A link is a secret: it never travels through Kafka, never enters an event, a read model or a log line. The
 * service that owns the account (accounts-service) issues it, over its HTTP API, for this delivery only; the
 * rendered body that contains it is handed to the SMTP server and forgotten. When no link can be had, throw
 * {@link LinkUnavailableException}: the delivery attempt fails with that reason and is retried (or not, when the
 * refusal is permanent).
 */
@FunctionalInterface
public interface LinkProvider {

    ResolvedLink linkFor(LinkRequest request) throws LinkUnavailableException;

    /** The longest one call may take (its timeouts together): a delivery attempt's lease must outlast it. */
    default Duration longestCall() {
        return Duration.ZERO;
    }

    /** A provider that has no links to give, for the reason stated (retried: configuring it later helps). */
    static LinkProvider unavailable(String reason) {
        return new UnavailableLinkProvider(reason);
    }
}
