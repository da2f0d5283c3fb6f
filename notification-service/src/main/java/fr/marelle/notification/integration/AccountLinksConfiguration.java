package fr.marelle.notification.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.notification.message.rendering.LinkProvider;
import fr.marelle.platform.security.ServiceTokenIssuer;
import fr.marelle.platform.security.ServiceTokenProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Where single-use links come from: accounts-service's link API, called with a token signed by notification-service's
 * own key ({@code marelle.service-token.private-key}, {@code MARELLE_SERVICETOKEN_PRIVATEKEY}, under the key id
 * {@code marelle.service-token.key-id}, {@code notification}). Without that key, no link can be had: messages that
 * carry one fail their attempts with that reason, and are requeued by staff once the key is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AccountsServiceProperties.class, ServiceTokenProperties.class})
class AccountLinksConfiguration {

    static final String NO_KEY = "notification-service n'a pas de clé pour signer ses appels à accounts-service "
            + "(MARELLE_SERVICETOKEN_PRIVATEKEY non configurée)";
    private static final Logger log = LoggerFactory.getLogger(AccountLinksConfiguration.class);

    @Bean
    LinkProvider accountLinks(AccountsServiceProperties accounts, ServiceTokenProperties tokens, Clock clock) {
        if (tokens.getPrivateKey() == null || tokens.getPrivateKey().isBlank()) {
            log.warn("Single-use links unavailable: {}. Emails that carry one will fail until it is configured.",
                    NO_KEY);
            return LinkProvider.unavailable(NO_KEY);
        }
        if (ServiceTokenProperties.GATEWAY.equals(tokens.getKeyId())) {
            // only the gateway signs for users; a service signs as itself, under its own name
            throw new IllegalStateException("marelle.service-token.key-id must name notification-service's own key "
                    + "(notification), not the gateway's");
        }
        AccountLinkClient client = new AccountLinkClient(accounts, new ServiceTokenIssuer(tokens, clock),
                tokens.getKeyId(), new ObjectMapper());
        log.info("Single-use links are asked of accounts-service at {} as system:{}", accounts.url(),
                tokens.getKeyId());
        return client;
    }
}
