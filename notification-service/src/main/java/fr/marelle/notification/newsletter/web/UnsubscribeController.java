package fr.marelle.notification.newsletter.web;

import fr.marelle.notification.family.FamilyId;
import fr.marelle.notification.family.FamilyNotificationsCommands.StopNewsletter;
import fr.marelle.notification.newsletter.UnsubscribeTokens;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The unsubscribe link of a newsletter, confirmed on the portal's public page: only the gateway calls this (acting
 * for itself, nobody being logged in). The answer names no family and no address.
 */
@RestController
class UnsubscribeController {

    record Unsubscription(String token) {
    }

    private final UnsubscribeTokens tokens;
    private final CommandGateway commands;
    private final Clock clock;

    UnsubscribeController(UnsubscribeTokens tokens, CommandGateway commands, Clock clock) {
        this.tokens = tokens;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/newsletter/unsubscriptions")
    Map<String, Object> unsubscribe(@RequestBody Unsubscription request) {
        Callers.requireApplication("gateway");
        UUID family = tokens.familyOf(request == null ? null : request.token())
                .orElseThrow(() -> DomainException.notFound("UNSUBSCRIBE_LINK_UNKNOWN",
                        "Ce lien de désinscription n'est pas reconnu."));
        commands.sendAndWait(new StopNewsletter(new FamilyId(family), clock.instant()));
        return Map.of("unsubscribed", true);
    }
}
