package fr.marelle.notification.message;

import fr.marelle.notification.message.MessageCommands.QueueMessage;
import fr.marelle.notification.message.MessageCommands.RecordDelivery;
import fr.marelle.notification.message.MessageCommands.RecordDeliveryFailure;
import fr.marelle.notification.message.MessageCommands.RequeueMessage;
import fr.marelle.notification.message.MessageCommands.StartDelivery;
import fr.marelle.notification.message.MessageEvents.DeliveryAttemptFailed;
import fr.marelle.notification.message.MessageEvents.DeliveryStarted;
import fr.marelle.notification.message.MessageEvents.MessageFailed;
import fr.marelle.notification.message.MessageEvents.MessageQueued;
import fr.marelle.notification.message.MessageEvents.MessageRequeued;
import fr.marelle.notification.message.MessageEvents.MessageSent;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.validation.PhoneNumbers;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One message to one recipient on one channel, from queued to sent or failed.
 *
 * <p>Delivery happens outside the aggregate (an SMTP call is never made inside a transaction): the delivery worker,
 * holding the message's queue claim for a lease, asks here whether an attempt may start (not sent, not failed, due)
 * and what to send, sends, then records the outcome here. The claim keeps other workers off the message while the
 * attempt runs (ADR 21); the aggregate makes the outcome safe: a sent message is never started again, a success is
 * recorded once, and a failure counts only for the attempt in progress.
 */
@Aggregate(cache = "outgoingMessageCache")
public class OutgoingMessage {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    enum Status { QUEUED, SENDING, RETRY_SCHEDULED, SENT, FAILED }

    @AggregateIdentifier
    private MessageId messageId;
    // what the delivery worker needs to render and send: answered by StartDelivery
    private String familyId;
    private Channel channel;
    private String recipient;
    private String template;
    private String language;
    private Map<String, String> parameters;
    private String linkRequestId;

    private Status status;
    /**
     * Number of the last attempt with a recorded outcome (or, in streams from before ADR 21, started); attempts are
     * numbered from 1 over the message's whole life.
     */
    private int attempt;
    /** Attempts before the current series (a requeue starts a new series). */
    private int attemptsBeforeSeries;
    /** The lease of an attempt started by {@code DeliveryStarted} (streams from before ADR 21). */
    private Instant leaseUntil;
    private Instant nextAttemptAt;
    /** No attempt before this time (an SMS deferred to the morning); {@code null}: at once. */
    private Instant notBefore;

    protected OutgoingMessage() {
    }

    /** Queuing the same message again (the same cause delivered twice) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(QueueMessage command) {
        if (messageId != null) {
            return;
        }
        MessageTemplate template = MessageTemplate.named(command.template());
        template.checkChannel(command.channel());
        template.checkParameters(command.parameters());
        template.checkLinkRequest(command.linkRequestId());
        requireReachableRecipient(command.channel(), command.recipient());
        apply(new MessageQueued(command.messageId(), command.familyId(), command.channel(), command.recipient(),
                command.template(), Language.normalise(command.language()),
                command.parameters() == null ? Map.of() : Map.copyOf(command.parameters()),
                template.link().isPresent() ? command.linkRequestId().strip() : null, command.sourceEventId(),
                command.notBefore()));
    }

    /** Records nothing: the attempt's outcome will (ADR 21). */
    @CommandHandler
    public DeliveryOrder handle(StartDelivery command) {
        refuseIfSent();
        if (status == Status.FAILED) {
            throw DomainException.rule("MESSAGE_FAILED",
                    "Ce message est en échec : un agent doit le relancer avant un nouvel envoi.");
        }
        if (status == Status.SENDING && command.startedAt().isBefore(leaseUntil)) {
            throw DomainException.conflict("DELIVERY_IN_PROGRESS", "Un envoi de ce message est déjà en cours.");
        }
        if (status == Status.RETRY_SCHEDULED && command.startedAt().isBefore(nextAttemptAt)) {
            throw DomainException.rule("DELIVERY_NOT_DUE",
                    "Le prochain essai d'envoi de ce message n'est pas encore dû.");
        }
        if (notBefore != null && command.startedAt().isBefore(notBefore)) {
            throw DomainException.rule("DELIVERY_NOT_DUE",
                    "Ce message ne part pas avant " + notBefore + " (pas de SMS la nuit).");
        }
        return new DeliveryOrder(messageId, attempt + 1, familyId, channel, recipient, template, language, parameters,
                linkRequestId);
    }

    /** A success is recorded once; it may come from an earlier attempt that outlived its lease. */
    @CommandHandler
    public void handle(RecordDelivery command) {
        refuseIfSent();
        requireKnownAttempt(command.attempt(), command.sentAt());
        apply(new MessageSent(messageId, command.attempt(), command.providerReference(), command.serverReply(),
                command.sentAt(), familyId, channel, template));
    }

    /**
     * A failure of the attempt in progress schedules the next one after the policy's delay, or fails the message
     * after the series' last attempt or a permanent failure. A failure reported after a success, or by an attempt
     * that has since been superseded, changes nothing.
     */
    @CommandHandler
    public void handle(RecordDeliveryFailure command, RetryPolicy policy) {
        requireKnownAttempt(command.attempt(), command.failedAt());
        if (!isAttemptInProgress(command.attempt(), command.failedAt())) {
            return;
        }
        int attemptInSeries = command.attempt() - attemptsBeforeSeries;
        if (command.permanent() || policy.isLastAttempt(attemptInSeries)) {
            apply(new MessageFailed(messageId, command.attempt(), command.reasonCode(), command.reason(),
                    command.failedAt(), familyId, channel, template));
        } else {
            apply(new DeliveryAttemptFailed(messageId, command.attempt(), command.reasonCode(), command.reason(),
                    command.failedAt(), policy.nextAttemptAt(attemptInSeries, command.failedAt())));
        }
    }

    /** Only a failed message is requeued; the others are still on their way, or arrived. */
    @CommandHandler
    public void handle(RequeueMessage command) {
        if (status != Status.FAILED) {
            throw DomainException.rule("MESSAGE_NOT_FAILED",
                    "Seul un message en échec peut être relancé.");
        }
        apply(new MessageRequeued(messageId, command.requeuedAt()));
    }

    private void refuseIfSent() {
        if (status == Status.SENT) {
            throw DomainException.conflict("MESSAGE_ALREADY_SENT", "Ce message a déjà été envoyé.");
        }
    }

    /**
     * The latest attempt that may have been made by {@code at}: the one after the last recorded outcome; in a stream
     * from before ADR 21, the attempt a {@code DeliveryStarted} began while its lease holds, and the next one after.
     */
    private int latestAttemptAt(Instant at) {
        return status == Status.SENDING && at.isBefore(leaseUntil) ? attempt : attempt + 1;
    }

    /**
     * Whether a failure of this attempt counts: it is the latest that may have been made (or the one a
     * {@code DeliveryStarted} began, whose successor may have started since its lease ended); not one superseded,
     * nor that of a message sent or failed.
     */
    private boolean isAttemptInProgress(int reported, Instant at) {
        if (status == Status.SENT || status == Status.FAILED) {
            return false;
        }
        return reported == latestAttemptAt(at) || (status == Status.SENDING && reported == attempt);
    }

    /** An outcome names an attempt that may have been made: none after the latest. */
    private void requireKnownAttempt(int reported, Instant at) {
        if (reported < 1 || reported > latestAttemptAt(at)) {
            throw DomainException.rule("DELIVERY_ATTEMPT_UNKNOWN", "Cet essai d'envoi n'a jamais commencé.");
        }
    }

    /** Rule: an email goes to an email address; an SMS to a mobile number in E.164 ({@code +33612345678}). */
    private static void requireReachableRecipient(Channel channel, String recipient) {
        if (channel == Channel.EMAIL && (recipient == null || !EMAIL.matcher(recipient.strip()).matches())) {
            throw DomainException.invalid("RECIPIENT_INVALID", "L'adresse du destinataire est invalide.",
                    List.of(new FieldViolation("recipient", "EMAIL", "Adresse électronique invalide.")));
        }
        if (channel == Channel.SMS && (recipient == null || !recipient.matches("\\+[1-9][0-9]{6,14}")
                || !PhoneNumbers.isMobile(recipient))) {
            throw DomainException.invalid("RECIPIENT_INVALID", "Le numéro du destinataire est invalide.",
                    List.of(new FieldViolation("recipient", "MOBILE_E164",
                            "Un numéro de portable au format international (+33612345678) est attendu.")));
        }
    }

    @EventSourcingHandler
    void on(MessageQueued event) {
        this.messageId = event.messageId();
        this.familyId = event.familyId();
        this.channel = event.channel();
        this.recipient = event.recipient();
        this.template = event.template();
        this.language = event.language();
        this.parameters = event.parameters();
        this.linkRequestId = event.linkRequestId();
        this.notBefore = event.notBefore();
        this.status = Status.QUEUED;
    }

    @EventSourcingHandler
    void on(DeliveryStarted event) {
        this.attempt = event.attempt();
        this.leaseUntil = event.leaseUntil();
        this.status = Status.SENDING;
    }

    @EventSourcingHandler
    void on(MessageSent event) {
        this.attempt = Math.max(attempt, event.attempt());
        this.status = Status.SENT;
    }

    @EventSourcingHandler
    void on(DeliveryAttemptFailed event) {
        this.attempt = Math.max(attempt, event.attempt());
        this.status = Status.RETRY_SCHEDULED;
        this.nextAttemptAt = event.nextAttemptAt();
    }

    @EventSourcingHandler
    void on(MessageFailed event) {
        this.attempt = Math.max(attempt, event.attempt());
        this.status = Status.FAILED;
    }

    @EventSourcingHandler
    void on(MessageRequeued event) {
        this.status = Status.QUEUED;
        this.attemptsBeforeSeries = attempt;
        this.nextAttemptAt = null;
    }
}
