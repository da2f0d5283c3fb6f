package fr.marelle.accounts.credentials;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Locale;

/**
 * Throttles logins, password resets and registrations, without a lockout an attacker could trigger against
 * someone else: attempts are counted per (address, client) and per client, and refused with a delay to wait when
 * exhausted; attempts on one address from many clients only slow down (they are never refused outright, so an
 * attacker cannot lock a parent out of their account).
 */
@Component
public class LoginThrottle {

    public record Decision(boolean allowed, Duration retryAfter, Duration slowDown) {
        static Decision allow(Duration slowDown) {
            return new Decision(true, Duration.ZERO, slowDown);
        }

        static Decision refuse(Duration retryAfter) {
            return new Decision(false, retryAfter, Duration.ZERO);
        }
    }

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1)).maximumSize(200_000).build();
    /** Logins to one address from one client in {@link #WINDOW} (marelle.login.attempts-per-client-and-address). */
    private final int perClientAndAddress;

    public LoginThrottle(@Value("${marelle.login.attempts-per-client-and-address:5}") int perClientAndAddress) {
        if (perClientAndAddress < 1) {
            throw new IllegalArgumentException("marelle.login.attempts-per-client-and-address must be at least 1");
        }
        this.perClientAndAddress = perClientAndAddress;
    }

    public Decision login(String email, String clientIp) {
        String address = key(email);
        String client = clientIp == null ? "unknown" : clientIp;
        long waitPair = consume("login:pair:" + address + "|" + client, perClientAndAddress, WINDOW);
        long waitClient = consume("login:client:" + client, 50, WINDOW);
        if (waitPair > 0 || waitClient > 0) {
            return Decision.refuse(Duration.ofNanos(Math.max(waitPair, waitClient)));
        }
        long waitAddress = consume("login:address:" + address, 20, WINDOW);
        return Decision.allow(waitAddress > 0 ? Duration.ofSeconds(2) : Duration.ZERO);
    }

    /** Reset requests beyond the limit are dropped silently: the answer never changes. */
    public boolean passwordReset(String email, String clientIp) {
        return consume("reset:address:" + key(email), 3, Duration.ofHours(1)) == 0
                & consume("reset:client:" + (clientIp == null ? "unknown" : clientIp), 20, Duration.ofHours(1)) == 0;
    }

    public Decision registration(String clientIp) {
        long wait = consume("registration:" + (clientIp == null ? "unknown" : clientIp), 10, Duration.ofHours(1));
        return wait > 0 ? Decision.refuse(Duration.ofNanos(wait)) : Decision.allow(Duration.ZERO);
    }

    /** Second-factor codes: six digits, so few tries per staff member. */
    public Decision secondFactor(String userId) {
        long wait = consume("totp:" + userId, 5, Duration.ofMinutes(5));
        return wait > 0 ? Decision.refuse(Duration.ofNanos(wait)) : Decision.allow(Duration.ZERO);
    }

    /** @return 0 when a token was taken, else the nanoseconds until one is available */
    private long consume(String key, int capacity, Duration period) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
