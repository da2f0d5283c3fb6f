package fr.marelle.notification.message.web;

import fr.marelle.notification.message.query.MessageHistory;
import fr.marelle.notification.message.query.MessageHistory.MessageView;
import fr.marelle.platform.security.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The messages sent, or to be sent, to a family. */
@RestController
class MessageController {

    private final MessageHistory history;

    MessageController(MessageHistory history) {
        this.history = history;
    }

    @GetMapping("/api/messages")
    List<MessageView> ofFamily(@RequestParam(name = "familyId", required = false) UUID familyId) {
        String scope = Callers.familyScope(familyId == null ? null : familyId.toString());
        return history.ofFamily(UUID.fromString(scope));
    }
}
