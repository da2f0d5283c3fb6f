package fr.marelle.notification.message;

import fr.marelle.notification.message.MessageCommands.QueueMessage;
import fr.marelle.notification.message.MessageEvents.MessageQueued;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One message to one recipient on one channel, from queued to sent or failed. */
@Aggregate
public class OutgoingMessage {

    @AggregateIdentifier
    private MessageId messageId;

    protected OutgoingMessage() {
    }

    /** Queuing the same message again (the same cause delivered twice) changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(QueueMessage command) {
        if (messageId != null) {
            return;
        }
        apply(new MessageQueued(command.messageId(), command.familyId(), command.channel(), command.recipient(),
                command.template(), command.language(), command.parameters(), command.sourceEventId()));
    }

    @EventSourcingHandler
    void on(MessageQueued event) {
        this.messageId = event.messageId();
    }
}
