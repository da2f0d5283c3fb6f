package fr.marelle.notification.message.web;

import fr.marelle.notification.message.MessageCommands.RequeueMessage;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.query.MessageHistory;
import fr.marelle.notification.message.query.MessageHistory.MessageView;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The messages sent, or to be sent, to a family; the failed ones for staff, who may requeue them. */
@RestController
class MessageController {

    static final int FAILED_LIMIT = 200;
    /** A family's history shows its latest messages. */
    static final int FAMILY_LIMIT = 500;

    /** The answer to a requeue: the message is queued again and will be sent shortly. */
    record Requeued(UUID messageId, String status) {
    }

    private final MessageHistory history;
    private final CommandGateway commands;
    private final Clock clock;

    MessageController(MessageHistory history, CommandGateway commands, Clock clock) {
        this.history = history;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * A family's messages, emails and SMS, the most recent first (at most 500): a parent's own, whatever family they
     * name; the family staff name.
     */
    @GetMapping("/api/messages")
    List<MessageView> ofFamily(@RequestParam(name = "familyId", required = false) UUID familyId) {
        requirePerson();
        String scope = Callers.familyScope(familyId == null ? null : familyId.toString());
        return history.ofFamily(UUID.fromString(scope), FAMILY_LIMIT);
    }

    /**
     * One message; another family's message is as unknown as a message that does not exist, and so is, for a
     * parent, a message to a staff member (which belongs to no family).
     */
    @GetMapping("/api/messages/{messageId}")
    MessageView one(@PathVariable UUID messageId) {
        requirePerson();
        return history.byId(messageId)
                .filter(message -> message.familyId() != null ? Callers.canSee(message.familyId().toString())
                        : Callers.current().role() != Role.PARENT)
                .orElseThrow(MessageController::notFound);
    }

    /** The failed messages of every family, most recent first (at most 200), for the staff console. */
    @GetMapping("/api/messages/failed")
    List<MessageView> failed() {
        Callers.require(Role.ADMIN, Role.AGENT);
        return history.failed(FAILED_LIMIT);
    }

    /** Puts a failed message back in the queue, for a new series of attempts. */
    @PostMapping("/api/messages/{messageId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Requeued retry(@PathVariable UUID messageId) {
        Callers.require(Role.ADMIN);
        try {
            commands.sendAndWait(new RequeueMessage(new MessageId(messageId), clock.instant()));
        } catch (AggregateNotFoundException e) {
            throw notFound();
        }
        return new Requeued(messageId, "QUEUED");
    }

    /**
     * A parent or a staff member: an application acting for itself (the gateway, a peer service) reads no family's
     * messages, whatever family it names.
     */
    private static void requirePerson() {
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
    }

    private static DomainException notFound() {
        return DomainException.notFound("MESSAGE_NOT_FOUND", "Message introuvable.");
    }
}
