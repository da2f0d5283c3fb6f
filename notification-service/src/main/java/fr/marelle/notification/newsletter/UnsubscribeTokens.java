package fr.marelle.notification.newsletter;

import fr.marelle.notification.message.rendering.PortalProperties;
import fr.marelle.notification.message.rendering.UnsubscribeLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The unsubscribe links of newsletter emails: a random token per email (256 bits), of which only a SHA-256 hash is
 * kept, with the family it stops the newsletter for. The link leads to the portal's public page
 * {@code /newsletter/desinscription?jeton=…}, which asks to confirm (nothing changes on a GET, so that a mail
 * scanner following links unsubscribes nobody). A token stays valid: an old newsletter's link still works.
 */
@Component
public class UnsubscribeTokens implements UnsubscribeLinks {

    static final String PATH = "/newsletter/desinscription";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PortalProperties portal;
    private final Clock clock;

    UnsubscribeTokens(JdbcClient jdbc, PortalProperties portal, Clock clock) {
        this.jdbc = jdbc;
        this.portal = portal;
        this.clock = clock;
    }

    /** A fresh link for the family; its own statement, outside any transaction of the delivery. */
    @Override
    public String linkFor(String familyId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO newsletter_unsubscribe_token (token_hash, family_id, created_at) VALUES (?, ?, ?)")
                .params(hash(token), UUID.fromString(familyId), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        String base = portal.url().endsWith("/") ? portal.url().substring(0, portal.url().length() - 1) : portal.url();
        return base + PATH + "?jeton=" + token;
    }

    /** The family a token stops the newsletter for. */
    public Optional<UUID> familyOf(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT family_id FROM newsletter_unsubscribe_token WHERE token_hash = ?")
                .param(hash(token.strip())).query(UUID.class).optional();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
