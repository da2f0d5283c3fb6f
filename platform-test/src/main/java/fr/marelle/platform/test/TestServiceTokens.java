package fr.marelle.platform.test;

import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.PemKeys;
import fr.marelle.platform.security.ServiceTokenIssuer;
import fr.marelle.platform.security.ServiceTokenProperties;

import java.time.Clock;
import java.util.UUID;

/** A key pair per test JVM, and tokens as the gateway would sign them. */
public final class TestServiceTokens {

    private static final String[] KEYS = PemKeys.generate();
    private static final ServiceTokenIssuer ISSUER;

    static {
        ServiceTokenProperties properties = new ServiceTokenProperties();
        properties.setPublicKey(KEYS[0]);
        properties.setPrivateKey(KEYS[1]);
        ISSUER = new ServiceTokenIssuer(properties, Clock.systemUTC());
    }

    private TestServiceTokens() {
    }

    public static String publicKey() {
        return KEYS[0];
    }

    public static String privateKey() {
        return KEYS[1];
    }

    public static String tokenFor(Actor actor) {
        return ISSUER.issue(actor);
    }

    public static Actor parentOf(String familyId) {
        return new Actor("parent-" + UUID.randomUUID(), Role.PARENT, familyId, "203.0.113.7");
    }

    public static Actor staff(Role role) {
        return new Actor("staff-" + role.name().toLowerCase() + "-" + UUID.randomUUID(), role, null, "198.51.100.4");
    }

    /** A token signed by a key the services do not trust. */
    public static String forgedTokenFor(Actor actor) {
        String[] other = PemKeys.generate();
        ServiceTokenProperties properties = new ServiceTokenProperties();
        properties.setPublicKey(other[0]);
        properties.setPrivateKey(other[1]);
        return new ServiceTokenIssuer(properties, Clock.systemUTC()).issue(actor);
    }
}
