package fr.marelle.wallet.payment;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.wallet.payment.PaymentCommands.OutcomeRecorded;
import fr.marelle.wallet.payment.PaymentCommands.RecordPaymentOutcome;
import fr.marelle.wallet.payment.PaymentCommands.RecordProviderSession;
import fr.marelle.wallet.payment.PaymentCommands.RecordProviderUnavailable;
import fr.marelle.wallet.payment.PaymentCommands.StartTopUp;
import fr.marelle.wallet.payment.PaymentEvents.TopUpFailed;
import fr.marelle.wallet.payment.PaymentEvents.TopUpNotOpened;
import fr.marelle.wallet.payment.PaymentEvents.TopUpRedirected;
import fr.marelle.wallet.payment.PaymentEvents.TopUpStarted;
import fr.marelle.wallet.payment.PaymentEvents.TopUpSucceeded;
import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static fr.marelle.wallet.wallet.Money.ofCents;

class PaymentTest {

    final PaymentId payment = PaymentId.random();
    final FamilyId family = new FamilyId(UUID.randomUUID());
    final Instant now = Instant.parse("2026-09-02T17:45:00Z");
    final TopUpStarted started = new TopUpStarted(payment, family, ofCents(5_000), "SANDBOX", now);
    final TopUpRedirected redirected = new TopUpRedirected(payment, family, "sbx_1",
            URI.create("http://sandbox/paiement/sbx_1"), now.plusSeconds(900));
    AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        TopUpLimits limits = new TopUpLimits();
        limits.setMaximumCents(30_000);
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(limits);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
    }

    RecordPaymentOutcome outcome(PaymentOutcome outcome, long cents) {
        return new RecordPaymentOutcome(payment, "SANDBOX", "sbx_1", outcome, Money.ofCents(cents),
                now.plusSeconds(60), "NOTIFICATION");
    }

    @Nested
    class Starting {
        @Test
        void a_top_up_of_at_least_10_euros_starts() {
            fixture.givenNoPriorActivity()
                    .when(new StartTopUp(payment, family, ofCents(1_000), "SANDBOX"))
                    .expectEvents(new TopUpStarted(payment, family, ofCents(1_000), "SANDBOX", now));
        }

        @Test
        void refuses_less_than_10_euros() {
            fixture.givenNoPriorActivity()
                    .when(new StartTopUp(payment, family, ofCents(999), "SANDBOX"))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le montant minimum est de 10,00 €.");
        }

        @Test
        void refuses_more_than_the_maximum_the_town_set() {
            fixture.givenNoPriorActivity()
                    .when(new StartTopUp(payment, family, ofCents(30_001), "SANDBOX"))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le montant maximum est de 300,00 €.");
        }

        @Test
        void the_provider_page_is_recorded_once() {
            fixture.given(started, redirected)
                    .when(new RecordProviderSession(payment, "sbx_2", URI.create("http://x"), now))
                    .expectException(DomainException.class);
        }

        @Test
        void a_provider_that_cannot_be_reached_ends_the_payment_before_the_payer_leaves() {
            fixture.given(started)
                    .when(new RecordProviderUnavailable(payment, "timeout"))
                    .expectEvents(new TopUpNotOpened(payment, family, "timeout"));
        }
    }

    @Nested
    class Outcome {
        @Test
        void a_success_is_recorded_once_and_asks_for_the_credit_once() {
            fixture.given(started, redirected)
                    .when(outcome(PaymentOutcome.SUCCEEDED, 5_000))
                    .expectEvents(new TopUpSucceeded(payment, family, ofCents(5_000), "SANDBOX", "sbx_1",
                            now.plusSeconds(60), "NOTIFICATION", false))
                    .expectResultMessagePayload(new OutcomeRecorded(family, ofCents(5_000), "sbx_1",
                            PaymentStatus.SUCCEEDED, true));
        }

        @Test
        void a_success_told_again_changes_nothing() {
            fixture.given(started, redirected, new TopUpSucceeded(payment, family, ofCents(5_000), "SANDBOX",
                            "sbx_1", now, "NOTIFICATION", false))
                    .when(outcome(PaymentOutcome.SUCCEEDED, 5_000))
                    .expectNoEvents()
                    .expectResultMessagePayload(new OutcomeRecorded(family, ofCents(5_000), "sbx_1",
                            PaymentStatus.SUCCEEDED, false));
        }

        @Test
        void a_failure_after_a_success_never_undoes_it() {
            fixture.given(started, redirected, new TopUpSucceeded(payment, family, ofCents(5_000), "SANDBOX",
                            "sbx_1", now, "NOTIFICATION", false))
                    .when(outcome(PaymentOutcome.DECLINED, 5_000))
                    .expectNoEvents();
        }

        @Test
        void an_open_status_arriving_after_the_outcome_changes_nothing() {
            fixture.given(started, redirected, new TopUpFailed(payment, family, ofCents(5_000), "SANDBOX", "sbx_1",
                            PaymentStatus.CANCELLED, now, "NOTIFICATION"))
                    .when(outcome(PaymentOutcome.PENDING, 5_000))
                    .expectNoEvents();
        }

        @Test
        void a_decline_is_recorded() {
            fixture.given(started, redirected)
                    .when(outcome(PaymentOutcome.DECLINED, 5_000))
                    .expectEvents(new TopUpFailed(payment, family, ofCents(5_000), "SANDBOX", "sbx_1",
                            PaymentStatus.DECLINED, now.plusSeconds(60), "NOTIFICATION"));
        }

        @Test
        void a_success_after_we_gave_the_payment_up_still_credits_the_money_was_taken() {
            fixture.given(started, redirected, new TopUpFailed(payment, family, ofCents(5_000), "SANDBOX", "sbx_1",
                            PaymentStatus.EXPIRED, now, "RECONCILIATION"))
                    .when(outcome(PaymentOutcome.SUCCEEDED, 5_000))
                    .expectEvents(new TopUpSucceeded(payment, family, ofCents(5_000), "SANDBOX", "sbx_1",
                            now.plusSeconds(60), "NOTIFICATION", true));
        }

        @Test
        void refuses_an_amount_that_is_not_the_payment_s() {
            fixture.given(started, redirected)
                    .when(outcome(PaymentOutcome.SUCCEEDED, 50_000))
                    .expectException(DomainException.class)
                    .expectExceptionMessage("Le montant annoncé par le prestataire ne correspond pas à ce paiement.");
        }

        @Test
        void refuses_another_provider_s_reference() {
            fixture.given(started, redirected)
                    .when(new RecordPaymentOutcome(payment, "SANDBOX", "sbx_other", PaymentOutcome.SUCCEEDED,
                            ofCents(5_000), now, "NOTIFICATION"))
                    .expectException(DomainException.class);
        }

        @Test
        void refuses_news_from_another_provider() {
            fixture.given(started, redirected)
                    .when(new RecordPaymentOutcome(payment, "PAYFIP", "sbx_1", PaymentOutcome.SUCCEEDED,
                            ofCents(5_000), now, "NOTIFICATION"))
                    .expectException(DomainException.class);
        }
    }
}
