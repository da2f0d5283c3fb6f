package fr.marelle.wallet.payment;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import fr.marelle.wallet.payment.PaymentCommands.OutcomeRecorded;
import fr.marelle.wallet.payment.PaymentCommands.RecordPaymentOutcome;
import fr.marelle.wallet.payment.PaymentCommands.RecordProviderSession;
import fr.marelle.wallet.payment.PaymentCommands.RecordProviderUnavailable;
import fr.marelle.wallet.payment.PaymentCommands.StartTopUp;
import fr.marelle.wallet.payment.provider.PaymentProperties;
import fr.marelle.wallet.payment.provider.PaymentProvider;
import fr.marelle.wallet.payment.provider.PaymentProviders;
import fr.marelle.wallet.payment.provider.PaymentRequest;
import fr.marelle.wallet.payment.provider.ProviderQuery;
import fr.marelle.wallet.payment.provider.ProviderReport;
import fr.marelle.wallet.payment.provider.ProviderSession;
import fr.marelle.wallet.payment.provider.ProviderUnavailableException;
import fr.marelle.wallet.payment.query.PaymentQueries.PaymentView;
import fr.marelle.wallet.wallet.ConflictRetry;
import fr.marelle.wallet.wallet.CreditKind;
import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import fr.marelle.wallet.wallet.MovementId;
import fr.marelle.wallet.wallet.Pocket;
import fr.marelle.wallet.wallet.WalletCommands.CreditWallet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * Card top-ups, from the parent's request to the credit of the wallet. Calls to the provider happen outside any
 * transaction (ADR 4); what the provider says of a payment and the credit it brings are recorded in one transaction,
 * whoever brought the news (a notification, the reconciliation, the payer coming back), so a success credits the
 * wallet exactly once: the payment records it once, and the wallet records a movement id once.
 */
@Service
public class TopUpService {

    public record Started(PaymentId paymentId, Money amount, URI redirectUrl, Instant expiresAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(TopUpService.class);
    private static final int TRIES = 4;

    private final CommandGateway commands;
    private final PaymentProviders providers;
    private final PaymentProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TopUpService(CommandGateway commands, PaymentProviders providers, PaymentProperties properties,
                 TransactionTemplate transactions, Clock clock) {
        this.commands = commands;
        this.providers = providers;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Records the request (the limits are checked then), opens the provider's page, and says where to send the payer. */
    public Started start(FamilyId familyId, Money amount, String payerEmail) {
        PaymentProvider provider = providers.active();
        PaymentId paymentId = PaymentId.random();
        commands.sendAndWait(new StartTopUp(paymentId, familyId, amount, provider.name()));
        ProviderSession session;
        try {
            session = provider.open(new PaymentRequest(paymentId, amount, payerEmail, properties.getDescription(),
                    properties.returnUrlFor(paymentId.toString()), properties.notificationUrlFor(provider.name()),
                    clock.instant()));
        } catch (ProviderUnavailableException e) {
            log.warn("Top-up {} of {}: {} could not open a payment page: {}", paymentId, amount, provider.name(),
                    e.getMessage());
            commands.sendAndWait(new RecordProviderUnavailable(paymentId, truncate(e.getMessage())));
            throw new DomainException(ErrorKind.UNAVAILABLE, "PAYMENT_PROVIDER_UNAVAILABLE",
                    "Le paiement par carte est momentanément indisponible ; réessayez dans quelques minutes.");
        }
        commands.sendAndWait(new RecordProviderSession(paymentId, session.reference(), session.redirectUrl(),
                session.expiresAt()));
        log.info("Top-up {} of {} opened at {} ({})", paymentId, amount, provider.name(), session.reference());
        return new Started(paymentId, amount, session.redirectUrl(), session.expiresAt());
    }

    /**
     * Records what the provider says of a payment and, for a success, credits the wallet, in one transaction. A lost
     * race with another bearer of the same news is tried again: the second one then finds it recorded.
     */
    public OutcomeRecorded record(PaymentId paymentId, ProviderReport report, String source, String provider) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    OutcomeRecorded recorded = commands.sendAndWait(new RecordPaymentOutcome(paymentId, provider,
                            report.reference(), report.outcome(), report.amount(), report.at(), source));
                    if (recorded.creditNow()) {
                        commands.sendAndWait(new CreditWallet(recorded.familyId(), new MovementId(paymentId.value()),
                                Pocket.MAIN, recorded.amount(), CreditKind.TOP_UP, recorded.providerReference(), null,
                                null));
                        log.info("Top-up {} succeeded ({}): wallet of family {} credited with {}", paymentId, source,
                                recorded.familyId(), recorded.amount());
                    }
                    return recorded;
                });
            } catch (RuntimeException e) {
                if (attempt >= TRIES || !ConflictRetry.isConflict(e)) {
                    throw e;
                }
                sleep(20L * attempt);
            }
        }
    }

    /** Asks the provider how a payment stands and records what it says; empty when the provider cannot tell now. */
    public java.util.Optional<OutcomeRecorded> check(PaymentView payment, String source) {
        PaymentProvider provider = providers.named(payment.provider()).orElse(null);
        if (provider == null) {
            log.warn("Payment {} went through {}, which is no longer configured: it cannot be checked",
                    payment.paymentId(), payment.provider());
            return java.util.Optional.empty();
        }
        ProviderReport report;
        try {
            report = provider.status(new ProviderQuery(new PaymentId(payment.paymentId()), payment.providerReference(),
                    Money.ofCents(payment.amountCents())));
        } catch (ProviderUnavailableException e) {
            log.info("Payment {}: {} could not say how it stands: {}", payment.paymentId(), provider.name(),
                    e.getMessage());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(record(new PaymentId(payment.paymentId()), report, source, provider.name()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text) {
        return text == null ? null : text.length() > 450 ? text.substring(0, 450) : text;
    }
}
