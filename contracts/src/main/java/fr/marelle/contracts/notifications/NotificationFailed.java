package fr.marelle.contracts.notifications;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A message was given up: its last delivery attempt failed, or the provider refused it for good. Staff may requeue
 * it, which later gives a {@code NotificationSent} (or another {@code NotificationFailed}). No address and no content
 * cross here. {@code familyId} is {@code null} for a message to a staff member. Key: the family id, else the message
 * id.
 *
 * @param reasonCode why, e.g. {@code SMTP_UNAVAILABLE}, {@code SMTP_REJECTED}, {@code SMS_UNAVAILABLE},
 *                   {@code SMS_REJECTED}, {@code RECIPIENT_INVALID}
 * @param attempts   delivery attempts made over the message's life
 */
public record NotificationFailed(String messageId, String familyId, String channel, String template, String kind,
                                 String reasonCode, int attempts, Instant failedAt) {

    public static final ContractType<NotificationFailed> TYPE =
            new ContractType<>("notifications", "NotificationFailed", 1, NotificationFailed.class);
}
