package fr.marelle.notification.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.notification.StubAccounts;
import fr.marelle.notification.StubAccounts.Answer;
import fr.marelle.notification.message.LinkKind;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.rendering.LinkRequest;
import fr.marelle.notification.message.rendering.LinkUnavailableException;
import fr.marelle.notification.message.rendering.ResolvedLink;
import fr.marelle.platform.security.PemKeys;
import fr.marelle.platform.security.ServiceTokenIssuer;
import fr.marelle.platform.security.ServiceTokenProperties;
import fr.marelle.platform.test.TcpProxy;
import fr.marelle.platform.test.TestServiceTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client of accounts-service's link API, against the stub of accounts-service (which checks the token). */
class AccountLinkClientTest {

    static final Duration TIMEOUT = Duration.ofMillis(600);

    static AccountLinkClient client(String url, String privateKey, String keyId) {
        ServiceTokenProperties tokens = new ServiceTokenProperties();
        tokens.setPrivateKey(privateKey);
        tokens.setKeyId(keyId);
        return new AccountLinkClient(new AccountsServiceProperties(URI.create(url), Duration.ofMillis(400), TIMEOUT),
                new ServiceTokenIssuer(tokens, Clock.systemUTC()), keyId, new ObjectMapper());
    }

    final AccountLinkClient notification = client(StubAccounts.url(), StubAccounts.notificationPrivateKey(),
            "notification");

    static LinkRequest request(String requestId) {
        return new LinkRequest(new MessageId(UUID.randomUUID()), LinkKind.PASSWORD_RESET, requestId,
                UUID.randomUUID().toString(), "camille.martin@example.org", Map.of("firstName", "Camille"));
    }

    static LinkUnavailableException refusal(AccountLinkClient client, String requestId) {
        try {
            client.linkFor(request(requestId));
        } catch (LinkUnavailableException e) {
            return e;
        }
        throw new AssertionError("a link was given");
    }

    @Test
    void gets_the_link_accounts_mints_for_the_request_calling_as_notification_with_its_own_key() throws Exception {
        String requestId = UUID.randomUUID().toString();

        ResolvedLink link = notification.linkFor(request(requestId));

        assertThat(StubAccounts.callsFor(requestId)).singleElement().satisfies(call -> {
            assertThat(call.caller()).isEqualTo("system:notification");
            assertThat(call.status()).isEqualTo(200);
            assertThat(link.url()).isEqualTo(call.url()).startsWith("https://famille.vincey.test/compte/valider?jeton=");
        });
        assertThat(link.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(1)));
        assertThat(link.toString()).doesNotContain("jeton");
    }

    @Test
    void a_request_used_replaced_or_expired_is_refused_for_good_with_the_code_accounts_gives() {
        String requestId = UUID.randomUUID().toString();
        StubAccounts.answer(requestId, Answer.REFUSED);

        LinkUnavailableException refused = refusal(notification, requestId);

        assertThat(refused.isPermanent()).isTrue();
        assertThat(refused.getMessage()).contains("PASSWORD_RESET", "422", "LINK_EXPIRED_OR_USED",
                "a déjà servi, a été remplacée ou a expiré");
    }

    @Test
    void an_error_of_accounts_only_delays_the_link() {
        String requestId = UUID.randomUUID().toString();
        StubAccounts.answer(requestId, Answer.UNAVAILABLE);

        LinkUnavailableException unavailable = refusal(notification, requestId);

        assertThat(unavailable.isPermanent()).isFalse();
        assertThat(unavailable.getMessage()).contains("503");
    }

    @Test
    void an_answer_slower_than_the_timeout_is_given_up_and_tried_again_later() {
        String requestId = UUID.randomUUID().toString();
        StubAccounts.answer(requestId, Answer.SLOW);
        long started = System.nanoTime();

        LinkUnavailableException slow = refusal(notification, requestId);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(slow.isPermanent()).isFalse();
        assertThat(slow.getMessage()).contains("n'a pas répondu en 600 ms");
    }

    @Test
    void accounts_off_the_network_only_delays_the_link() {
        AccountLinkClient toNowhere = client("http://127.0.0.1:" + TcpProxy.freePort(),
                StubAccounts.notificationPrivateKey(), "notification");

        LinkUnavailableException down = refusal(toNowhere, UUID.randomUUID().toString());

        assertThat(down.isPermanent()).isFalse();
        assertThat(down.getMessage()).contains("accounts-service injoignable");
        assertThat(toNowhere.longestCall()).isEqualTo(Duration.ofMillis(400).plus(TIMEOUT));
    }

    @Test
    void a_key_accounts_does_not_trust_or_a_caller_other_than_notification_is_refused_and_says_what_to_check() {
        AccountLinkClient unknownKey = client(StubAccounts.url(), PemKeys.generate()[1], "notification");
        AccountLinkClient asTheGateway = client(StubAccounts.url(), TestServiceTokens.privateKey(), "gateway");

        LinkUnavailableException unauthenticated = refusal(unknownKey, UUID.randomUUID().toString());
        LinkUnavailableException forbidden = refusal(asTheGateway, UUID.randomUUID().toString());

        assertThat(unauthenticated.isPermanent()).isFalse();
        assertThat(unauthenticated.getMessage()).contains("401", "MARELLE_SERVICETOKEN_PEERS_NOTIFICATION");
        assertThat(forbidden.isPermanent()).isFalse();
        assertThat(forbidden.getMessage()).contains("403", "FORBIDDEN_CALLER");
    }

    @Test
    void a_message_that_names_no_request_can_never_get_a_link() {
        LinkUnavailableException refused = refusal(notification, null);

        assertThat(refused.isPermanent()).isTrue();
        assertThat(refused.getMessage()).contains("aucune demande");
    }
}
