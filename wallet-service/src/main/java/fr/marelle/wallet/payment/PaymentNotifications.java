package fr.marelle.wallet.payment;

import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.wallet.payment.PaymentCommands.OutcomeRecorded;
import fr.marelle.wallet.payment.provider.IncomingNotification;
import fr.marelle.wallet.payment.provider.PaymentProvider;
import fr.marelle.wallet.payment.provider.PaymentProviders;
import fr.marelle.wallet.payment.provider.ProviderNotification;
import fr.marelle.wallet.payment.provider.RefusedNotificationException;
import fr.marelle.wallet.payment.query.PaymentQueries;
import fr.marelle.wallet.payment.query.PaymentQueries.PaymentView;
import org.axonframework.modelling.command.AggregateNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * What providers tell the wallet, server to server. A notification is believed only as far as the provider vouches for
 * it: the sandbox's signature, or PayFiP's own answer when asked. One replayed any number of times credits once (the
 * payment records its outcome once); one forged, altered or about an unknown payment changes nothing, and is logged
 * and kept with its verdict ({@code payment_notification}).
 */
@Service
public class PaymentNotifications {

    /** What became of a notification. */
    public enum Verdict { APPLIED, ALREADY_KNOWN, REFUSED_SIGNATURE, REFUSED_UNKNOWN_PAYMENT, REFUSED_MISMATCH,
        PROVIDER_UNAVAILABLE }

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    private final PaymentProviders providers;
    private final PaymentQueries payments;
    private final TopUpService topUps;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    PaymentNotifications(PaymentProviders providers, PaymentQueries payments, TopUpService topUps, JdbcClient jdbc,
                         MeterRegistry meters, Clock clock) {
        this.providers = providers;
        this.payments = payments;
        this.topUps = topUps;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    /** @throws DomainException the refusal to answer the provider with (401, 404, 422), after it was logged */
    public Verdict receive(String providerName, IncomingNotification notification) {
        PaymentProvider provider = providers.named(providerName).orElseThrow(() ->
                DomainException.notFound("PROVIDER_UNKNOWN", "Prestataire inconnu."));
        ProviderNotification read;
        try {
            read = provider.read(notification);
        } catch (RefusedNotificationException e) {
            log.warn("REFUSED {} notification from {}: {} ({})", provider.name(), notification.remoteAddress(),
                    e.code(), e.getMessage());
            keep(provider.name(), notification, null, null, Verdict.REFUSED_SIGNATURE, e.code() + ": " + e.getMessage());
            throw new DomainException(ErrorKind.FORBIDDEN, e.code(), "Notification refusée.");
        }
        Actor actor = Actor.system("payment-" + provider.name().toLowerCase(java.util.Locale.ROOT));
        UUID paymentId = read.report().isPresent() ? uuidOrNull(read.merchantReference()) : null;
        try {
            if (paymentId != null) {
                // the provider vouches for the whole notification: the payment is the one it names
                PaymentId id = new PaymentId(paymentId);
                OutcomeRecorded recorded = ActorContext.callAs(actor, "payment-" + paymentId,
                        () -> topUps.record(id, read.report().get(), "NOTIFICATION", provider.name()));
                return kept(provider.name(), notification, read.reference(), paymentId,
                        recorded.creditNow() ? Verdict.APPLIED : Verdict.ALREADY_KNOWN);
            }
            // the notification only names the payment: the provider is asked how it stands
            PaymentView payment = (read.reference() == null ? Optional.<PaymentView>empty()
                    : payments.byProviderReference(provider.name(), read.reference()))
                    .orElseThrow(() -> new AggregateNotFoundException(read.reference(), "unknown payment"));
            paymentId = payment.paymentId();
            Optional<OutcomeRecorded> recorded = ActorContext.callAs(actor, "payment-" + payment.paymentId(),
                    () -> topUps.check(payment, "NOTIFICATION"));
            if (recorded.isEmpty()) {
                keep(provider.name(), notification, read.reference(), paymentId, Verdict.PROVIDER_UNAVAILABLE, null);
                throw new DomainException(ErrorKind.UNAVAILABLE, "PAYMENT_PROVIDER_UNAVAILABLE",
                        "Le prestataire n'a pas pu confirmer ce paiement ; renvoyez la notification plus tard.");
            }
            return kept(provider.name(), notification, read.reference(), paymentId,
                    recorded.get().creditNow() ? Verdict.APPLIED : Verdict.ALREADY_KNOWN);
        } catch (AggregateNotFoundException unknown) {
            log.warn("REFUSED {} notification from {} about unknown payment {} / {}", provider.name(),
                    notification.remoteAddress(), read.reference(), read.merchantReference());
            keep(provider.name(), notification, read.reference(), null, Verdict.REFUSED_UNKNOWN_PAYMENT, null);
            throw DomainException.notFound("PAYMENT_NOT_FOUND", "Paiement inconnu.");
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.RULE_VIOLATED) {
                log.error("REFUSED {} notification from {} for payment {}: {} ({})", provider.name(),
                        notification.remoteAddress(), paymentId, e.code(), e.getMessage());
                keep(provider.name(), notification, read.reference(), paymentId, Verdict.REFUSED_MISMATCH,
                        e.code());
            }
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Verdict kept(String provider, IncomingNotification notification, String reference, UUID paymentId,
                         Verdict verdict) {
        keep(provider, notification, reference, paymentId, verdict, null);
        return verdict;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void keep(String provider, IncomingNotification notification, String reference, UUID paymentId,
                      Verdict verdict, String detail) {
        meters.counter("marelle.wallet.payment.notifications", "provider", provider, "verdict", verdict.name())
                .increment();
        jdbc.sql("""
                        INSERT INTO payment_notification (received_at, provider, remote_address, provider_reference,
                            payment_id, verdict, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(clock.instant().atOffset(ZoneOffset.UTC), provider, notification.remoteAddress(),
                        reference == null ? null : truncate(reference, 100), paymentId, verdict.name(),
                        detail == null ? null : truncate(detail, 500))
                .update();
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
