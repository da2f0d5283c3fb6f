package fr.marelle.sandbox;

import java.time.Instant;

/** A payment as the sandbox keeps it. Statuses: PENDING, then SUCCEEDED, DECLINED, CANCELLED or EXPIRED for good. */
public record Payment(String id, String merchantReference, long amountCents, String currency, String description,
                      String payerEmail, String returnUrl, String notificationUrl, String status, String cardLast4,
                      Instant createdAt, Instant expiresAt, Instant completedAt) {

    public static final String PENDING = "PENDING";

    public boolean isOpen() {
        return PENDING.equals(status);
    }
}
