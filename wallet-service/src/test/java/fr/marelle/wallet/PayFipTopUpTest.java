package fr.marelle.wallet;

import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleTestInitializer;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import fr.marelle.wallet.support.PayFipTestInitializer;
import fr.marelle.wallet.support.SimulatedPayFip;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PayFiP adapter behind the same payment-provider port, against a simulated PayFiP SOAP endpoint: the payment is
 * registered with {@code creerPaiementSecurise}, the payer sent to PayFiP with its operation id, and the result always
 * read back with {@code recupererDetailPaiementSecurise} when PayFiP's (unsigned) notification comes.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {MarelleTestInitializer.class, PayFipTestInitializer.class})
class PayFipTopUpTest {

    @LocalServerPort
    int port;

    final SimulatedPayFip payfip = SimulatedPayFip.shared();
    final HttpClient http = HttpClient.newHttpClient();

    record TopUp(String family, String paymentId, String idOp) {
    }

    ServiceApi.Caller parent(String family) {
        return new ServiceApi(port).as(TestServiceTokens.parentOf(family));
    }

    TopUp start(long cents) {
        String family = UUID.randomUUID().toString();
        ServiceApi.Response opened = parent(family).post("/api/families/" + family + "/top-ups",
                Map.of("amountCents", cents, "payerEmail", "camille.martin@example.org"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String redirect = opened.body().path("redirectUrl").asText();
        assertThat(redirect).startsWith(payfip.pageUrl() + "?idop=");
        TopUp topUp = new TopUp(family, opened.body().path("paymentId").asText(),
                redirect.substring(redirect.indexOf("idop=") + 5));
        await().atMost(Duration.ofSeconds(15)).until(() -> "PENDING".equals(status(topUp)));
        return topUp;
    }

    String status(TopUp topUp) {
        return parent(topUp.family()).get("/api/families/" + topUp.family() + "/top-ups/" + topUp.paymentId())
                .body().path("status").asText();
    }

    long balance(String family) {
        return new ServiceApi(port).as(TestServiceTokens.staff(Role.FINANCE)).get("/api/families/" + family
                + "/wallet").body().path("mainBalanceCents").asLong();
    }

    /** PayFiP's notification: a form post naming the operation. */
    int notifyWallet(String idOp) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                    + "/payment-notifications/payfip"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("idOp=" + idOp)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_payment_is_registered_with_creerPaiementSecurise_as_the_dgfip_asks() {
        TopUp topUp = start(5_000);
        Map<String, String> registered = payfip.operation(topUp.idOp());
        assertThat(registered).containsEntry("montant", "5000")
                .containsEntry("numcli", "012345")
                .containsEntry("saisie", "T")
                .containsEntry("mel", "camille.martin@example.org")
                .containsEntry("objet", "Porte monnaie famille")
                .containsEntry("exer", Integer.toString(Year.now(ZoneId.of("Europe/Paris")).getValue()))
                .containsEntry("urlredirect", "https://portail.vincey.test/porte-monnaie/paiements/"
                        + topUp.paymentId());
        assertThat(registered.get("refdet")).matches("MAR[0-9A-F]{27}");
        assertThat(registered.get("urlnotif")).endsWith("/payment-notifications/payfip");
    }

    @Test
    void a_paid_operation_is_read_back_with_recupererDetailPaiementSecurise_and_credits_once() {
        TopUp topUp = start(4_200);
        payfip.pay(topUp.idOp(), "P");
        assertThat(notifyWallet(topUp.idOp())).isEqualTo(204);
        assertThat(notifyWallet(topUp.idOp())).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> balance(topUp.family()) == 4_200);
        assertThat(payfip.calls()).anySatisfy(call -> {
            assertThat(call.operation()).isEqualTo("recupererDetailPaiementSecurise");
            assertThat(call.fields()).containsEntry("idOp", topUp.idOp());
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCEEDED".equals(status(topUp)));
        assertThat(balance(topUp.family())).isEqualTo(4_200);
    }

    @Test
    void refused_and_abandoned_operations_credit_nothing() {
        TopUp refused = start(2_000);
        TopUp abandoned = start(2_000);
        payfip.pay(refused.idOp(), "R");
        payfip.pay(abandoned.idOp(), "A");
        assertThat(notifyWallet(refused.idOp())).isEqualTo(204);
        assertThat(notifyWallet(abandoned.idOp())).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> "DECLINED".equals(status(refused))
                && "CANCELLED".equals(status(abandoned)));
        assertThat(balance(refused.family())).isZero();
    }

    @Test
    void a_notification_is_never_believed_as_such() {
        TopUp topUp = start(3_000);
        // an operation id nobody registered: refused
        assertThat(notifyWallet("forged" + UUID.randomUUID().toString().replace("-", ""))).isEqualTo(404);
        // the real one, before anything was paid: PayFiP is asked, has no result, nothing changes
        assertThat(notifyWallet(topUp.idOp())).isEqualTo(204);
        assertThat(status(topUp)).isEqualTo("PENDING");
        assertThat(balance(topUp.family())).isZero();
    }

    @Test
    void a_hostile_answer_is_not_parsed_and_the_notification_is_asked_again_later() {
        TopUp topUp = start(3_000);
        payfip.answerRaw(topUp.idOp(), "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><return>"
                + "<resultrans>&x;</resultrans></return></soap:Body></soap:Envelope>");
        assertThat(notifyWallet(topUp.idOp())).isEqualTo(503);
        assertThat(status(topUp)).isEqualTo("PENDING");
    }

    @Test
    void when_payfip_is_down_the_parent_is_told() {
        String family = UUID.randomUUID().toString();
        payfip.down(true);
        try {
            ServiceApi.Response refused = parent(family).post("/api/families/" + family + "/top-ups",
                    Map.of("amountCents", 2_000, "payerEmail", "a@example.org"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        } finally {
            payfip.down(false);
        }
    }
}
