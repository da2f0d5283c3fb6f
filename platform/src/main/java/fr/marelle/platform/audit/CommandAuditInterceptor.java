package fr.marelle.platform.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every command carries its actor id, role, family id, client address and correlation id. They come from the
 * message that caused the command (already in its metadata), else from the {@link ActorContext} of the thread
 * (an HTTP request, a consumed integration event). A command with no actor is a programming error and is refused.
 */
public class CommandAuditInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> withAudit(command);
    }

    static CommandMessage<?> withAudit(CommandMessage<?> command) {
        MetaData metaData = command.getMetaData();
        if (metaData.containsKey(AuditMetadata.ACTOR_ID) && metaData.containsKey(AuditMetadata.CORRELATION_ID)) {
            return command;
        }
        ActorContext.Current current = ActorContext.current().orElseThrow(() -> new IllegalStateException(
                "Command " + command.getCommandName() + " dispatched with no actor: dispatch it inside an "
                        + "ActorContext (HTTP request, integration event) or from a message handler"));
        Map<String, Object> audit = new HashMap<>();
        Actor actor = current.actor();
        audit.put(AuditMetadata.ACTOR_ID, actor.id());
        audit.put(AuditMetadata.ACTOR_ROLE, actor.role().name());
        if (actor.familyId() != null) {
            audit.put(AuditMetadata.FAMILY_ID, actor.familyId());
        }
        if (actor.clientIp() != null) {
            audit.put(AuditMetadata.CLIENT_IP, actor.clientIp());
        }
        audit.put(AuditMetadata.CORRELATION_ID, current.correlationId());
        audit.putAll(metaData); // explicit metadata wins
        return command.andMetaData(audit);
    }
}
