package fr.marelle.notification.integration;

import fr.marelle.notification.StubAccounts;
import fr.marelle.notification.message.LinkKind;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.rendering.LinkProvider;
import fr.marelle.notification.message.rendering.LinkRequest;
import fr.marelle.notification.message.rendering.LinkUnavailableException;
import fr.marelle.platform.security.ServiceTokenProperties;
import fr.marelle.platform.test.TestServiceTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountLinksConfigurationTest {

    final AccountsServiceProperties accounts = new AccountsServiceProperties(URI.create("http://127.0.0.1:8081"),
            Duration.ofSeconds(2), Duration.ofSeconds(5));

    static ServiceTokenProperties tokens(String privateKey, String keyId) {
        ServiceTokenProperties tokens = new ServiceTokenProperties();
        tokens.setPrivateKey(privateKey);
        tokens.setKeyId(keyId);
        return tokens;
    }

    @Test
    void without_a_key_of_its_own_no_link_can_be_had_and_the_reason_says_which_setting_is_missing() {
        LinkProvider links = new AccountLinksConfiguration().accountLinks(accounts, tokens("", "notification"),
                Clock.systemUTC());

        assertThatThrownBy(() -> links.linkFor(new LinkRequest(new MessageId(UUID.randomUUID()),
                LinkKind.EMAIL_VERIFICATION, "request-1", UUID.randomUUID().toString(), "a@example.org", Map.of())))
                .isInstanceOf(LinkUnavailableException.class)
                .hasMessageContaining("EMAIL_VERIFICATION")
                .hasMessageContaining("MARELLE_SERVICETOKEN_PRIVATEKEY")
                .satisfies(e -> assertThat(((LinkUnavailableException) e).isPermanent()).isFalse());
    }

    @Test
    void with_its_key_it_asks_accounts_and_its_timeouts_bound_the_delivery_lease() {
        LinkProvider links = new AccountLinksConfiguration().accountLinks(accounts,
                tokens(StubAccounts.notificationPrivateKey(), "notification"), Clock.systemUTC());

        assertThat(links).isInstanceOf(AccountLinkClient.class);
        assertThat(links.longestCall()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void refuses_to_sign_under_the_gateway_name() {
        assertThatThrownBy(() -> new AccountLinksConfiguration().accountLinks(accounts,
                tokens(TestServiceTokens.privateKey(), "gateway"), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key-id");
    }
}
