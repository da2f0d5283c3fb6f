package fr.marelle.gateway.services.notifications;

import fr.marelle.gateway.services.ServiceClients;
import fr.marelle.gateway.services.ServiceProblem;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * notification-service's API as the gateway uses it: a family's preferences and messages (the parent's own, or the
 * family staff name), failed messages, newsletters, and the unsubscribe link of a newsletter (the gateway acting for
 * itself, nobody being logged in).
 */
@Component
public class NotificationsClient {

    /** Whether SMS can be chosen, and why not ({@code NO_MOBILE}, {@code NO_GATEWAY}). */
    public record SmsOffer(boolean available, String reason) {
    }

    /** One kind of message: the channels it offers, those the family gets, its defaults. */
    public record Kind(String kind, List<String> offered, boolean email, boolean sms, List<String> defaults) {

        public boolean offersSms() {
            return offered != null && offered.contains("SMS");
        }
    }

    public record Preferences(UUID familyId, SmsOffer sms, boolean newsletterConsent, List<Kind> kinds) {
    }

    /** A message and where its delivery stands. */
    public record Message(UUID messageId, UUID familyId, String channel, String recipient, String template,
                          String kind, String language, String status, String statusCode, String statusReason,
                          int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime notBefore,
                          OffsetDateTime sentAt, String providerReference, OffsetDateTime queuedAt,
                          OffsetDateTime updatedAt) {

        public boolean isFailed() {
            return "FAILED".equals(status);
        }
    }

    public record Newsletter(UUID newsletterId, String subject, String body, String status, String writtenBy,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime sentAt,
                             Integer audience) {

        public boolean isDraft() {
            return "DRAFT".equals(status);
        }
    }

    public record Progress(Integer audience, long toQueue, long skipped, long waiting, long sent, long failed,
                           boolean done) {

        /** Recipients whose email is behind them: sent, failed or skipped. */
        public long finished() {
            return sent + failed + skipped;
        }
    }

    public record NewsletterDetail(Newsletter newsletter, Progress progress) {
    }

    public record Preview(String subject, String text, String html, String language, long audience) {
    }

    private static final ParameterizedTypeReference<List<Message>> MESSAGES = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Newsletter>> NEWSLETTERS =
            new ParameterizedTypeReference<>() {
            };

    private final ServiceClients services;

    NotificationsClient(ServiceClients services) {
        this.services = services;
    }

    private ServiceClients.Call notification() {
        return services.service("notification");
    }

    /** The parent's own family's ({@code familyId} null), or the family staff name. */
    public Preferences preferences(UUID familyId) {
        return familyId == null ? notification().get("/api/notification-preferences", Preferences.class)
                : notification().get("/api/notification-preferences?familyId={id}", Preferences.class, familyId);
    }

    /**
     * Changes the channels of the kinds named (the others keep theirs). The read model follows a moment later: the
     * page shows what was saved.
     *
     * @param kinds kind → {@code {email, sms}}
     */
    public void choose(UUID familyId, Map<String, Map<String, Boolean>> kinds) {
        Map<String, Object> body = Map.of("kinds", kinds);
        if (familyId == null) {
            notification().put("/api/notification-preferences", body);
        } else {
            notification().put("/api/notification-preferences?familyId={id}", body, familyId);
        }
    }

    public List<Message> messages(UUID familyId) {
        return familyId == null ? notification().get("/api/messages", MESSAGES)
                : notification().get("/api/messages?familyId={id}", MESSAGES, familyId);
    }

    public List<Message> failed() {
        return notification().get("/api/messages/failed", MESSAGES);
    }

    public void retry(UUID messageId) {
        notification().post("/api/messages/{id}/retry", null, Void.class, messageId);
    }

    public List<Newsletter> newsletters() {
        return notification().get("/api/newsletters", NEWSLETTERS);
    }

    public NewsletterDetail write(String subject, String body) {
        return notification().post("/api/newsletters", Map.of("subject", subject, "body", body),
                NewsletterDetail.class);
    }

    public NewsletterDetail newsletter(UUID newsletterId) {
        return notification().get("/api/newsletters/{id}", NewsletterDetail.class, newsletterId);
    }

    public void revise(UUID newsletterId, String subject, String body) {
        notification().put("/api/newsletters/{id}", Map.of("subject", subject, "body", body), newsletterId);
    }

    public Preview preview(UUID newsletterId, String language) {
        return notification().get("/api/newsletters/{id}/preview?language={language}", Preview.class, newsletterId,
                language);
    }

    public void send(UUID newsletterId) {
        notification().post("/api/newsletters/{id}/sending", null, Void.class, newsletterId);
    }

    /**
     * The unsubscribe link of a newsletter, confirmed: asked as the gateway itself.
     *
     * @return false when notification-service does not know the link
     */
    public boolean unsubscribe(String token) {
        try {
            services.serviceAsGateway("notification").post("/api/newsletter/unsubscriptions",
                    Map.of("token", token), Void.class);
            return true;
        } catch (ServiceProblem problem) {
            if (problem.isNotFound() || problem.isInvalidInput()) {
                return false;
            }
            throw problem;
        }
    }
}
