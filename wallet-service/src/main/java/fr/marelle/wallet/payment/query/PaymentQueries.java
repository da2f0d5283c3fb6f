package fr.marelle.wallet.payment.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of card payments. */
@Component
public class PaymentQueries {

    public record PaymentView(UUID paymentId, UUID familyId, long amountCents, String provider,
                              String providerReference, String redirectUrl, String status, OffsetDateTime startedAt,
                              OffsetDateTime expiresAt, OffsetDateTime finishedAt, String outcomeSource,
                              boolean late) {
    }

    private static final String COLUMNS = """
            payment_id, family_id, amount_cents, provider, provider_reference, redirect_url, status, started_at,
            expires_at, finished_at, outcome_source, late""";

    private final JdbcClient jdbc;

    PaymentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PaymentView> payment(UUID paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_payment WHERE payment_id = ?")
                .param(paymentId).query(PaymentView.class).optional();
    }

    public Optional<PaymentView> byProviderReference(String provider, String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_payment WHERE provider = ? AND provider_reference = ?")
                .params(provider, reference).query(PaymentView.class).optional();
    }

    public List<PaymentView> ofFamily(UUID familyId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_payment WHERE family_id = ? ORDER BY started_at DESC LIMIT ?")
                .params(familyId, limit).query(PaymentView.class).list();
    }

    /**
     * Open payments started before {@code startedBefore} and not asked about since {@code checkedBefore}, oldest
     * first: those whose notification is late.
     */
    public List<PaymentView> openAndQuiet(Instant startedBefore, Instant checkedBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS.replace("payment_id", "p.payment_id") + """
                         FROM rm_payment p LEFT JOIN payment_check c ON c.payment_id = p.payment_id
                        WHERE p.status IN ('STARTED', 'PENDING') AND p.started_at < ?
                          AND (c.last_checked_at IS NULL OR c.last_checked_at < ?)
                        ORDER BY p.started_at LIMIT ?""")
                .params(utc(startedBefore), utc(checkedBefore), limit).query(PaymentView.class).list();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
