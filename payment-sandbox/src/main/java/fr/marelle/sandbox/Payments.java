package fr.marelle.sandbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox's payments: opened by the merchant, settled once by the payer (or expired), each change of status owing
 * the merchant a notification, written in the same transaction.
 */
@Component
class Payments {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = """
            id, merchant_reference, amount_cents, currency, description, payer_email, return_url, notification_url,
            status, card_last4, created_at, expires_at, completed_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Notifications notifications;
    private final SandboxProperties properties;
    private final Clock clock;

    Payments(JdbcClient jdbc, TransactionTemplate transactions, Notifications notifications,
             SandboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    Payment open(String merchantReference, long amountCents, String currency, String description, String payerEmail,
                 String returnUrl, String notificationUrl) {
        String id = "sbx_" + HexFormat.of().formatHex(bytes(12));
        Instant now = clock.instant();
        return transactions.execute(status -> {
            jdbc.sql("INSERT INTO sandbox_payment (" + COLUMNS + ") "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', NULL, ?, ?, NULL)")
                    .params(id, merchantReference, amountCents, currency, description, payerEmail, returnUrl,
                            notificationUrl, now.atOffset(ZoneOffset.UTC),
                            now.plus(properties.getSessionLifetime()).atOffset(ZoneOffset.UTC))
                    .update();
            notifications.owe(id, Payment.PENDING, now);
            return find(id).orElseThrow();
        });
    }

    Optional<Payment> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_payment WHERE id = ?").param(id)
                .query(Payments::row).optional().map(this::expiredIfLate);
    }

    private static Payment row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Payment(rs.getString("id"), rs.getString("merchant_reference"), rs.getLong("amount_cents"),
                rs.getString("currency"), rs.getString("description"), rs.getString("payer_email"),
                rs.getString("return_url"), rs.getString("notification_url"), rs.getString("status"),
                rs.getString("card_last4"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "completed_at"));
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    List<Payment> byMerchantReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_payment WHERE merchant_reference = ? "
                        + "ORDER BY created_at DESC LIMIT 20")
                .param(reference).query(Payments::row).list().stream().map(this::expiredIfLate).toList();
    }

    /**
     * The payer's choice, once: answers the payment as it is afterwards, or empty if it was no longer open (settled
     * already, or expired).
     */
    Optional<Payment> settle(String id, String outcome, String cardLast4) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            int changed = jdbc.sql("""
                            UPDATE sandbox_payment SET status = ?, card_last4 = ?, completed_at = ?
                            WHERE id = ? AND status = 'PENDING' AND expires_at > ?""")
                    .params(outcome, cardLast4, now.atOffset(ZoneOffset.UTC), id, now.atOffset(ZoneOffset.UTC))
                    .update();
            if (changed == 0) {
                return Optional.<Payment>empty();
            }
            notifications.owe(id, outcome, now);
            return find(id);
        });
    }

    /** Closes the pages nobody finished in time; each merchant is told. */
    int expireLate() {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            List<String> expired = jdbc.sql("""
                            UPDATE sandbox_payment SET status = 'EXPIRED', completed_at = expires_at
                            WHERE status = 'PENDING' AND expires_at <= ? RETURNING id""")
                    .param(now.atOffset(ZoneOffset.UTC)).query(String.class).list();
            expired.forEach(id -> notifications.owe(id, "EXPIRED", now));
            return expired.size();
        });
    }

    /** A page past its time is expired even before the sweeper passes. */
    private Payment expiredIfLate(Payment payment) {
        if (payment.isOpen() && !payment.expiresAt().isAfter(clock.instant())) {
            return new Payment(payment.id(), payment.merchantReference(), payment.amountCents(), payment.currency(),
                    payment.description(), payment.payerEmail(), payment.returnUrl(), payment.notificationUrl(),
                    "EXPIRED", null, payment.createdAt(), payment.expiresAt(), payment.expiresAt());
        }
        return payment;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
