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

    private static final java.util.Map<String, ServiceTokenIssuer> PEERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> PEER_PUBLIC_KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The public key of a peer service (e.g. {@code notification}), generated once per JVM. */
    public static String peerPublicKey(String keyId) {
        peer(keyId);
        return PEER_PUBLIC_KEYS.get(keyId);
    }

    /** A token a peer service signs for itself (SYSTEM role). */
    public static String peerTokenFor(String keyId) {
        return peer(keyId).issue(Actor.system(keyId));
    }

    /** The gateway calling for itself: logins, registrations, links, with the client's address. */
    public static Actor gateway() {
        return new Actor("system:gateway", Role.SYSTEM, null, "203.0.113." + (1 + new java.util.Random().nextInt(250)));
    }

    private static ServiceTokenIssuer peer(String keyId) {
        return PEERS.computeIfAbsent(keyId, id -> {
            String[] keys = PemKeys.generate();
            PEER_PUBLIC_KEYS.put(id, keys[0]);
            ServiceTokenProperties properties = new ServiceTokenProperties();
            properties.setPrivateKey(keys[1]);
            properties.setKeyId(id);
            return new ServiceTokenIssuer(properties, Clock.systemUTC());
        });
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
