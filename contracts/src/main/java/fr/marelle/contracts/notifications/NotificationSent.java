package fr.marelle.contracts.notifications;

import fr.marelle.contracts.ContractType;

import java.time.Instant;

/**
 * A message reached its provider: the SMTP server accepted the email, or the SMS gateway the SMS. No address and no
 * content cross here (they are personal data; the family's history at notification-service has them).
 * {@code familyId} is {@code null} for a message to a staff member. Key: the family id, else the message id.
 *
 * @param channel  {@code EMAIL} or {@code SMS}
 * @param template what was written, e.g. {@code WALLET_BALANCE_LOW}, {@code VERIFY_EMAIL}
 * @param kind     the kind of message a family chooses channels for ({@code WALLET_BALANCE_LOW},
 *                 {@code INVOICE_ISSUED}, {@code NEWSLETTER}…), or {@code ACCOUNT} for the emails of the account
 *                 itself (address confirmation, password…), which are always sent
 * @param attempt  the delivery attempt that got it through, from 1
 */
public record NotificationSent(String messageId, String familyId, String channel, String template, String kind,
                               int attempt, Instant sentAt) {

    public static final ContractType<NotificationSent> TYPE =
            new ContractType<>("notifications", "NotificationSent", 1, NotificationSent.class);
}
