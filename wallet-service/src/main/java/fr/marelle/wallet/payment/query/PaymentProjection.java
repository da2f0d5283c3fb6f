package fr.marelle.wallet.payment.query;

import fr.marelle.wallet.payment.PaymentEvents.TopUpFailed;
import fr.marelle.wallet.payment.PaymentEvents.TopUpNotOpened;
import fr.marelle.wallet.payment.PaymentEvents.TopUpRedirected;
import fr.marelle.wallet.payment.PaymentEvents.TopUpStarted;
import fr.marelle.wallet.payment.PaymentEvents.TopUpSucceeded;
import fr.marelle.wallet.payment.PaymentStatus;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Card payments as parents and staff see them, and as the reconciliation finds the open ones. */
@Component
@ProcessingGroup(PaymentProjection.GROUP)
@ProjectionTables("rm_payment")
class PaymentProjection {

    static final String GROUP = "payments-view";

    private final JdbcClient jdbc;

    PaymentProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TopUpStarted event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO rm_payment (payment_id, family_id, amount_cents, provider, status, started_at,
                            last_sequence)
                        VALUES (?, ?, ?, ?, 'STARTED', ?, ?) ON CONFLICT (payment_id) DO NOTHING""")
                .params(event.paymentId().value(), event.familyId().value(), event.amount().cents(),
                        event.provider(), utc(event.startedAt()), sequence)
                .update();
    }

    @EventHandler
    void on(TopUpRedirected event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        UPDATE rm_payment SET provider_reference = ?, redirect_url = ?, expires_at = ?,
                            status = 'PENDING', last_sequence = ?
                        WHERE payment_id = ? AND last_sequence < ?""")
                .params(event.providerReference(), event.redirectUrl().toString(),
                        event.expiresAt() == null ? null : utc(event.expiresAt()), sequence,
                        event.paymentId().value(), sequence)
                .update();
    }

    @EventHandler
    void on(TopUpNotOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.paymentId().value(), PaymentStatus.NOT_OPENED, null, at, null, false, event.detail(), sequence);
    }

    @EventHandler
    void on(TopUpSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.paymentId().value(), PaymentStatus.SUCCEEDED, event.providerReference(),
                event.paidAt() != null ? event.paidAt() : at, event.source(), event.late(), null, sequence);
    }

    @EventHandler
    void on(TopUpFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.paymentId().value(), event.reason(), event.providerReference(),
                event.failedAt() != null ? event.failedAt() : at, event.source(), false, null, sequence);
    }

    private void finish(java.util.UUID paymentId, PaymentStatus status, String reference, Instant at, String source,
                        boolean late, String detail, long sequence) {
        jdbc.sql("""
                        UPDATE rm_payment SET status = ?, provider_reference = coalesce(?, provider_reference),
                            finished_at = ?, outcome_source = ?, late = ?, detail = ?, last_sequence = ?
                        WHERE payment_id = ? AND last_sequence < ?""")
                .params(status.name(), reference, utc(at), source, late, detail, sequence, paymentId, sequence)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_payment").update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
