package fr.marelle.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.contracts.wallet.TopUpFailed;
import fr.marelle.contracts.wallet.TopUpSucceeded;
import fr.marelle.contracts.wallet.WalletCredited;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import fr.marelle.wallet.payment.Reconciliation;
import fr.marelle.wallet.payment.provider.NotificationSignature;
import fr.marelle.wallet.support.Published;
import fr.marelle.wallet.support.StubSandbox;
import fr.marelle.wallet.support.WalletServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Card top-ups (screen 20) through the payment-provider port with the sandbox's merchant API: the limits, the page to
 * send the payer to, and every way the news of a payment may come — signed notifications (replayed, forged, altered,
 * stale, out of order), the payer's return, the reconciliation when nothing comes.
 */
@WalletServiceTest
@ExtendWith(OutputCaptureExtension.class)
class TopUpApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reconciliation reconciliation;

    final StubSandbox sandbox = StubSandbox.shared();
    final HttpClient http = HttpClient.newHttpClient();

    ServiceApi.Caller parent(String family) {
        return new ServiceApi(port).as(TestServiceTokens.parentOf(family));
    }

    long mainBalance(String family) {
        return new ServiceApi(port).as(TestServiceTokens.staff(Role.FINANCE)).get("/api/families/" + family
                + "/wallet").body().path("mainBalanceCents").asLong();
    }

    record TopUp(String family, String paymentId, JsonNode opened) {
    }

    TopUp start(long cents) {
        String family = UUID.randomUUID().toString();
        ServiceApi.Response opened = parent(family).post("/api/families/" + family + "/top-ups",
                Map.of("amountCents", cents, "payerEmail", "camille.martin@example.org"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        TopUp topUp = new TopUp(family, opened.body().path("paymentId").asText(), opened.body());
        awaitStatus(topUp, "PENDING"); // the payer is on the provider's page
        return topUp;
    }

    /** What the sandbox posts: its view of the payment, signed now (or at {@code signedAt}) with {@code secret}. */
    int deliver(ObjectNode payment, String secret, Instant signedAt, String bodyOverride) {
        ObjectNode body = payment.deepCopy();
        body.put("eventId", UUID.randomUUID().toString());
        String json = bodyOverride != null ? bodyOverride : body.toString();
        String signature = secret == null ? null : NotificationSignature.sign(secret, signedAt.getEpochSecond(),
                body.toString().getBytes(StandardCharsets.UTF_8));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/payment-notifications/sandbox"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (secret != null) {
                request.header(NotificationSignature.HEADER, signature);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    int deliver(ObjectNode payment) {
        return deliver(payment, StubSandbox.SIGNING_SECRET, Instant.now(), null);
    }

    String status(TopUp topUp, boolean check) {
        return parent(topUp.family()).get("/api/families/" + topUp.family() + "/top-ups/" + topUp.paymentId()
                + (check ? "?check=true" : "")).body().path("status").asText();
    }

    void awaitStatus(TopUp topUp, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(status(topUp, false)));
    }

    @Nested
    class Starting {
        @Test
        void the_limits_are_10_euros_and_what_the_town_set() {
            JsonNode limits = parent(UUID.randomUUID().toString()).get("/api/top-ups/limits").body();
            assertThat(limits.path("minimumCents").asLong()).isEqualTo(1_000);
            assertThat(limits.path("maximumCents").asLong()).isEqualTo(30_000);
            assertThat(limits.path("cardPaymentOffered").asBoolean()).isTrue();
        }

        @Test
        void less_than_10_euros_or_more_than_the_maximum_is_refused_on_the_amount_field() {
            String family = UUID.randomUUID().toString();
            ServiceApi.Response low = parent(family).post("/api/families/" + family + "/top-ups",
                    Map.of("amountCents", 999));
            assertThat(low.status()).isEqualTo(422);
            assertThat(low.code()).isEqualTo("TOP_UP_BELOW_MINIMUM");
            assertThat(low.body().path("errors").get(0).path("field").asText()).isEqualTo("amountCents");
            assertThat(low.body().path("errors").get(0).path("message").asText())
                    .isEqualTo("Le montant minimum est de 10,00 €.");
            ServiceApi.Response high = parent(family).post("/api/families/" + family + "/top-ups",
                    Map.of("amountCents", 30_001));
            assertThat(high.code()).isEqualTo("TOP_UP_ABOVE_MAXIMUM");
            assertThat(parent(family).post("/api/families/" + UUID.randomUUID() + "/top-ups",
                    Map.of("amountCents", 2_000)).status()).isEqualTo(404);
        }

        @Test
        void the_payer_is_sent_to_the_provider_s_page_which_knows_where_to_send_them_back() {
            TopUp topUp = start(5_000);
            ObjectNode atSandbox = sandbox.byMerchantReference(topUp.paymentId());
            assertThat(topUp.opened().path("redirectUrl").asText())
                    .isEqualTo(sandbox.url() + "/paiement/" + atSandbox.path("id").asText());
            assertThat(atSandbox.path("amountCents").asLong()).isEqualTo(5_000);
            assertThat(atSandbox.path("returnUrl").asText())
                    .isEqualTo("https://portail.vincey.test/porte-monnaie/paiements/" + topUp.paymentId());
            assertThat(atSandbox.path("notificationUrl").asText()).endsWith("/payment-notifications/sandbox");
            awaitStatus(topUp, "PENDING");
        }

        @Test
        void when_the_provider_is_down_the_parent_is_told_and_the_payment_never_opens() {
            String family = UUID.randomUUID().toString();
            sandbox.down(true);
            try {
                ServiceApi.Response refused = parent(family).post("/api/families/" + family + "/top-ups",
                        Map.of("amountCents", 2_000));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.code()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
            } finally {
                sandbox.down(false);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> parent(family).get("/api/families/" + family
                    + "/top-ups").body().path(0).path("status").asText().equals("NOT_OPENED"));
        }

        @Test
        void staff_do_not_pay_by_card_for_a_family() {
            String family = UUID.randomUUID().toString();
            assertThat(new ServiceApi(port).as(TestServiceTokens.staff(Role.FINANCE)).post("/api/families/"
                    + family + "/top-ups", Map.of("amountCents", 2_000)).status()).isEqualTo(403);
        }
    }

    @Nested
    class Notifications {
        @Test
        void a_signed_success_credits_the_wallet_and_is_published() {
            TopUp topUp = start(5_000);
            assertThat(deliver(sandbox.settle(topUp.paymentId(), "SUCCEEDED"))).isEqualTo(204);
            await().atMost(Duration.ofSeconds(15)).until(() -> mainBalance(topUp.family()) == 5_000);
            awaitStatus(topUp, "SUCCEEDED");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(Published.walletEventsOf(topUp.family(), TopUpSucceeded.TYPE)).singleElement()
                        .satisfies(o -> assertThat(o.payload().path("amountCents").asLong()).isEqualTo(5_000));
                assertThat(Published.walletEventsOf(topUp.family(), WalletCredited.TYPE)).singleElement()
                        .satisfies(o -> assertThat(o.payload().path("kind").asText()).isEqualTo("TOP_UP"));
            });
        }

        @Test
        void a_notification_replayed_any_number_of_times_credits_once() throws Exception {
            TopUp topUp = start(2_500);
            ObjectNode paid = sandbox.settle(topUp.paymentId(), "SUCCEEDED");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    answers.add(pool.submit(() -> deliver(paid)));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isIn(204, 409);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(deliver(paid)).isEqualTo(204);
            await().atMost(Duration.ofSeconds(15)).until(() -> mainBalance(topUp.family()) == 2_500);
            Thread.sleep(500);
            assertThat(mainBalance(topUp.family())).isEqualTo(2_500);
            assertThat(jdbc.sql("SELECT count(*) FROM payment_notification WHERE payment_id = ?::uuid "
                            + "AND verdict = 'APPLIED'").param(topUp.paymentId()).query(Long.class).single())
                    .isEqualTo(1);
        }

        @Test
        void a_forged_altered_stale_or_unsigned_notification_is_refused_logged_and_changes_nothing(
                CapturedOutput output) {
            TopUp topUp = start(3_000);
            ObjectNode paid = sandbox.settle(topUp.paymentId(), "SUCCEEDED");
            assertThat(deliver(paid, "whsec_forged", Instant.now(), null)).isEqualTo(403);
            String altered = paid.deepCopy().put("amountCents", 30_000).put("eventId", "x").toString();
            assertThat(deliver(paid, StubSandbox.SIGNING_SECRET, Instant.now(), altered)).isEqualTo(403);
            assertThat(deliver(paid, StubSandbox.SIGNING_SECRET, Instant.now().minusSeconds(600), null))
                    .isEqualTo(403);
            assertThat(deliver(paid, null, Instant.now(), null)).isEqualTo(403);
            assertThat(jdbc.sql("SELECT count(*) FROM payment_notification WHERE verdict = 'REFUSED_SIGNATURE' "
                    + "AND received_at > now() - interval '1 minute'").query(Long.class).single())
                    .isGreaterThanOrEqualTo(4);
            assertThat(output.getOut()).contains("REFUSED SANDBOX notification")
                    .contains("NOTIFICATION_SIGNATURE_INVALID").contains("NOTIFICATION_STALE")
                    .contains("NOTIFICATION_SIGNATURE_MISSING");
            assertThat(status(topUp, false)).isEqualTo("PENDING");
            assertThat(mainBalance(topUp.family())).isZero();
        }

        @Test
        void a_signed_notification_about_an_unknown_payment_or_another_amount_is_refused() {
            TopUp topUp = start(3_000);
            ObjectNode paid = sandbox.settle(topUp.paymentId(), "SUCCEEDED");
            ObjectNode unknown = paid.deepCopy().put("merchantReference", UUID.randomUUID().toString());
            assertThat(deliver(unknown)).isEqualTo(404);
            ObjectNode otherAmount = paid.deepCopy().put("amountCents", 300);
            assertThat(deliver(otherAmount)).isEqualTo(422);
            assertThat(status(topUp, false)).isEqualTo("PENDING");
            assertThat(mainBalance(topUp.family())).isZero();
        }

        @Test
        void a_decline_is_published_and_credits_nothing_and_a_late_open_status_changes_nothing() {
            TopUp topUp = start(4_000);
            ObjectNode declined = sandbox.settle(topUp.paymentId(), "DECLINED");
            ObjectNode stillOpen = declined.deepCopy().put("status", "PENDING");
            assertThat(deliver(declined)).isEqualTo(204);
            assertThat(deliver(stillOpen)).isEqualTo(204); // delivered after the outcome
            awaitStatus(topUp, "DECLINED");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(Published.walletEventsOf(topUp.family(), TopUpFailed.TYPE)).singleElement()
                            .satisfies(o -> assertThat(o.payload().path("reason").asText()).isEqualTo("DECLINED")));
            assertThat(mainBalance(topUp.family())).isZero();
        }
    }

    @Nested
    class WithoutNotification {
        @Test
        void the_payer_coming_back_sees_the_result_at_once() {
            TopUp topUp = start(2_000);
            sandbox.settle(topUp.paymentId(), "SUCCEEDED");
            assertThat(status(topUp, true)).isEqualTo("SUCCEEDED");
            await().atMost(Duration.ofSeconds(15)).until(() -> mainBalance(topUp.family()) == 2_000);
        }

        @Test
        void a_payment_whose_notification_never_comes_is_reconciled_by_asking_the_provider() {
            TopUp paid = start(6_000);
            TopUp abandoned = start(1_500);
            awaitStatus(paid, "PENDING");
            awaitStatus(abandoned, "PENDING");
            sandbox.settle(paid.paymentId(), "SUCCEEDED");
            reconciliation.reconcile(Instant.now().plus(Duration.ofMinutes(3)));
            awaitStatus(paid, "SUCCEEDED");
            await().atMost(Duration.ofSeconds(15)).until(() -> mainBalance(paid.family()) == 6_000);
            assertThat(status(abandoned, false)).as("still open at the provider").isEqualTo("PENDING");

            reconciliation.reconcile(Instant.now().plus(Duration.ofHours(3)));
            awaitStatus(abandoned, "EXPIRED");
            assertThat(mainBalance(abandoned.family())).isZero();
            // the provider says paid after all: the money was taken, the wallet is credited
            assertThat(deliver(sandbox.settle(abandoned.paymentId(), "SUCCEEDED"))).isEqualTo(204);
            await().atMost(Duration.ofSeconds(15)).until(() -> mainBalance(abandoned.family()) == 1_500);
        }
    }
}
