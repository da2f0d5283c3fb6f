package fr.marelle.wallet.payment;

import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.wallet.payment.PaymentCommands.OutcomeRecorded;
import fr.marelle.wallet.payment.provider.PaymentProperties;
import fr.marelle.wallet.payment.provider.ProviderReport;
import fr.marelle.wallet.payment.query.PaymentQueries;
import fr.marelle.wallet.payment.query.PaymentQueries.PaymentView;
import fr.marelle.wallet.wallet.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment whose notification never comes is reconciled by asking the provider: every minute, each payment still
 * open some minutes after it started (and not asked about in the last interval) is looked up at its provider, and
 * what the provider says is recorded as if it had been notified. A payment the provider still calls open long after
 * its page closed is given up as expired (a later "paid" from the provider would still credit the wallet). On every
 * replica: two that ask about the same payment record its outcome once.
 */
@Component
public class Reconciliation {

    static final Actor ACTOR = Actor.system("wallet-reconciliation");
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final int BATCH = 100;

    private final PaymentQueries payments;
    private final TopUpService topUps;
    private final PaymentProperties.Reconciliation settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reconciliation(PaymentQueries payments, TopUpService topUps, PaymentProperties properties, JdbcClient jdbc,
                   Clock clock) {
        this.payments = payments;
        this.topUps = topUps;
        this.settings = properties.getReconciliation();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${marelle.wallet.payments.reconciliation.interval:1m}",
            fixedDelayString = "${marelle.wallet.payments.reconciliation.interval:1m}")
    void scheduled() {
        if (!settings.isEnabled()) {
            return;
        }
        try {
            reconcile(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Reconciliation round failed; next round in {}: {}", settings.getInterval(), e.toString());
        }
    }

    /** One round, as of {@code now}; answers how many payments got an outcome. */
    public int reconcile(Instant now) {
        List<PaymentView> quiet = payments.openAndQuiet(now.minus(settings.getAfter()),
                now.minus(settings.getInterval()), BATCH);
        int settled = 0;
        for (PaymentView payment : quiet) {
            checked(payment.paymentId(), now);
            try {
                Optional<OutcomeRecorded> outcome = ActorContext.callAs(ACTOR, "reconciliation-" + payment.paymentId(),
                        () -> reconcile(payment, now));
                if (outcome.isPresent() && outcome.get().status().isFinal()) {
                    settled++;
                }
            } catch (Exception e) {
                log.warn("Payment {} could not be reconciled now: {}", payment.paymentId(), e.toString());
            }
        }
        if (!quiet.isEmpty()) {
            log.info("Reconciliation: {} open payment(s) asked about, {} settled", quiet.size(), settled);
        }
        return settled;
    }

    private Optional<OutcomeRecorded> reconcile(PaymentView payment, Instant now) {
        Optional<OutcomeRecorded> outcome = topUps.check(payment, "RECONCILIATION");
        boolean stillOpen = outcome.map(o -> !o.status().isFinal()).orElse(true);
        if (stillOpen && Duration.between(payment.startedAt().toInstant(), now).compareTo(settings.getGiveUpAfter()) > 0) {
            log.warn("Payment {} still open at {} {} after it started: given up as expired", payment.paymentId(),
                    payment.provider(), settings.getGiveUpAfter());
            return Optional.of(topUps.record(new PaymentId(payment.paymentId()), new ProviderReport(
                    payment.providerReference(), PaymentOutcome.EXPIRED, Money.ofCents(payment.amountCents()), now),
                    "RECONCILIATION", payment.provider()));
        }
        return outcome;
    }

    private void checked(UUID paymentId, Instant now) {
        jdbc.sql("""
                        INSERT INTO payment_check (payment_id, last_checked_at, checks) VALUES (?, ?, 1)
                        ON CONFLICT (payment_id) DO UPDATE SET last_checked_at = EXCLUDED.last_checked_at,
                            checks = payment_check.checks + 1""")
                .params(paymentId, now.atOffset(ZoneOffset.UTC)).update();
    }
}
