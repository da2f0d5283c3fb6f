package fr.marelle.wallet.payment;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.wallet.payment.PaymentCommands.OutcomeRecorded;
import fr.marelle.wallet.payment.PaymentCommands.RecordPaymentOutcome;
import fr.marelle.wallet.payment.PaymentCommands.RecordProviderSession;
import fr.marelle.wallet.payment.PaymentCommands.RecordProviderUnavailable;
import fr.marelle.wallet.payment.PaymentCommands.StartTopUp;
import fr.marelle.wallet.payment.PaymentEvents.TopUpFailed;
import fr.marelle.wallet.payment.PaymentEvents.TopUpNotOpened;
import fr.marelle.wallet.payment.PaymentEvents.TopUpRedirected;
import fr.marelle.wallet.payment.PaymentEvents.TopUpStarted;
import fr.marelle.wallet.payment.PaymentEvents.TopUpSucceeded;
import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One card payment topping a wallet up. The provider is the authority on its outcome: what it says arrives by a
 * signed notification, by our question when the notification does not come, or when the payer comes back, in any
 * order and any number of times. A payment succeeds once (the wallet is credited then), fails once, and a success
 * after a failure we had assumed (expired) or been told still wins: the payer's money was taken.
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private PaymentId paymentId;
    private FamilyId familyId;
    private Money amount;
    private String provider;
    private String providerReference;
    private PaymentStatus status;

    protected Payment() {
    }

    @CommandHandler
    public Payment(StartTopUp command, TopUpLimits limits, Clock clock) {
        PaymentRules.amountWithinLimits(command.amount(), limits);
        apply(new TopUpStarted(command.paymentId(), command.familyId(), command.amount(), command.provider(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RecordProviderSession command) {
        if (status != PaymentStatus.STARTED) {
            throw DomainException.conflict("PAYMENT_ALREADY_OPENED", "Ce paiement a déjà été transmis au prestataire.");
        }
        apply(new TopUpRedirected(paymentId, familyId, command.providerReference(), command.redirectUrl(),
                command.expiresAt()));
    }

    @CommandHandler
    void handle(RecordProviderUnavailable command) {
        if (status == PaymentStatus.STARTED) {
            apply(new TopUpNotOpened(paymentId, familyId, command.detail()));
        }
    }

    @CommandHandler
    OutcomeRecorded handle(RecordPaymentOutcome command) {
        PaymentRules.sameProvider(provider, command.provider());
        PaymentRules.outcomeMatches(providerReference, amount, command.providerReference(), command.amount());
        String reference = providerReference != null ? providerReference : command.providerReference();
        PaymentOutcome outcome = command.outcome();
        if (outcome == PaymentOutcome.PENDING) {
            return new OutcomeRecorded(familyId, amount, reference, status, false);
        }
        if (outcome == PaymentOutcome.SUCCEEDED) {
            if (status == PaymentStatus.SUCCEEDED) {
                return new OutcomeRecorded(familyId, amount, reference, status, false); // once
            }
            apply(new TopUpSucceeded(paymentId, familyId, amount, provider, reference, command.at(),
                    command.source(), status.isFinal()));
            return new OutcomeRecorded(familyId, amount, reference, PaymentStatus.SUCCEEDED, true);
        }
        if (status.isFinal()) {
            return new OutcomeRecorded(familyId, amount, reference, status, false); // a success is never undone
        }
        apply(new TopUpFailed(paymentId, familyId, amount, provider, reference, outcome.status(), command.at(),
                command.source()));
        return new OutcomeRecorded(familyId, amount, reference, outcome.status(), false);
    }

    @EventSourcingHandler
    void on(TopUpStarted event) {
        paymentId = event.paymentId();
        familyId = event.familyId();
        amount = event.amount();
        provider = event.provider();
        status = PaymentStatus.STARTED;
    }

    @EventSourcingHandler
    void on(TopUpRedirected event) {
        providerReference = event.providerReference();
        status = PaymentStatus.PENDING;
    }

    @EventSourcingHandler
    void on(TopUpNotOpened event) {
        status = PaymentStatus.NOT_OPENED;
    }

    @EventSourcingHandler
    void on(TopUpSucceeded event) {
        providerReference = event.providerReference();
        status = PaymentStatus.SUCCEEDED;
    }

    @EventSourcingHandler
    void on(TopUpFailed event) {
        providerReference = event.providerReference();
        status = event.reason();
    }
}
