package fr.marelle.accounts.credentials;

import fr.marelle.platform.errors.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests confirmed by a single-use link. The request (its id, owner, purpose, expiry) is written with the command
 * that asks for it; the link's token is minted later, when the email is written, and only its SHA-256 is kept. A
 * token opens its request once, before the request expires; a newer request of the same purpose cancels the older.
 */
@Component
public class AccountLinks {

    public record Request(String requestId, UUID userId, LinkPurpose purpose, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new request, cancelling the user's pending ones of the same purpose. */
    public Request open(UUID userId, LinkPurpose purpose) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE account_link SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                .params(Timestamp.from(now), userId, purpose.name()).update();
        Request request = new Request(UUID.randomUUID().toString(), userId, purpose, now.plus(purpose.lifetime()));
        jdbc.sql("INSERT INTO account_link (request_id, user_id, purpose, expires_at, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(request.requestId(), userId, purpose.name(), Timestamp.from(request.expiresAt()),
                        Timestamp.from(now))
                .update();
        return request;
    }

    /** A token for a pending request; refused when the request was used, cancelled or has expired. */
    public String mint(String requestId) {
        Request request = pending(requestId).orElseThrow(AccountLinks::noLongerValid);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO account_link_token (token_hash, request_id, minted_at) VALUES (?, ?, ?)")
                .params(hash(token), request.requestId(), Timestamp.from(clock.instant())).update();
        return token;
    }

    /** Opens the request of a token, once: the request is marked used in the caller's transaction. */
    public Request redeem(String token, LinkPurpose purpose) {
        Request request = find(token, purpose).orElseThrow(AccountLinks::noLongerValid);
        jdbc.sql("UPDATE account_link SET used_at = ? WHERE request_id = ?")
                .params(Timestamp.from(clock.instant()), request.requestId()).update();
        return request;
    }

    /** The request of a token, if it can still be used, without using it. */
    public Optional<Request> find(String token, LinkPurpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT l.request_id, l.user_id, l.purpose, l.expires_at
                        FROM account_link_token t JOIN account_link l ON l.request_id = t.request_id
                        WHERE t.token_hash = ? AND l.purpose = ? AND l.used_at IS NULL AND l.expires_at > ?
                        FOR UPDATE OF l""")
                .params(hash(token), purpose.name(), Timestamp.from(clock.instant()))
                .query((rs, row) -> new Request(rs.getString("request_id"), rs.getObject("user_id", UUID.class),
                        LinkPurpose.valueOf(rs.getString("purpose")), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public Optional<Request> pending(String requestId) {
        return jdbc.sql("""
                        SELECT request_id, user_id, purpose, expires_at FROM account_link
                        WHERE request_id = ? AND used_at IS NULL AND expires_at > ?""")
                .params(requestId, Timestamp.from(clock.instant()))
                .query((rs, row) -> new Request(rs.getString("request_id"), rs.getObject("user_id", UUID.class),
                        LinkPurpose.valueOf(rs.getString("purpose")), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public static DomainException noLongerValidLink() {
        return noLongerValid();
    }

    static DomainException noLongerValid() {
        return DomainException.rule("LINK_EXPIRED_OR_USED",
                "Ce lien n'est plus valable : il a déjà servi ou il a expiré.");
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
