package fr.marelle.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Short-lived signed tokens by which the gateway tells a service who is calling. The gateway holds its private key
 * and signs for any user; services hold only its public key and verify. A service that must call another one (e.g.
 * notification asking accounts for a single-use link) signs with a key of its own, which the called service trusts
 * as a peer, for the SYSTEM role only: no service can act as a parent or a staff member.
 */
@ConfigurationProperties("marelle.service-token")
public class ServiceTokenProperties {

    /** The gateway's RSA public key (PEM, X.509 SubjectPublicKeyInfo), trusted for any actor. */
    private String publicKey;
    /** This application's RSA private key (PEM, PKCS#8), when it signs tokens: the gateway's, or a service's own. */
    private String privateKey;
    /** The name this application signs under: {@value #GATEWAY} for the gateway, the service's short name else. */
    private String keyId = GATEWAY;
    /** Public keys of the services allowed to call this one, by key id; they may act as SYSTEM only. */
    private java.util.Map<String, String> peers = new java.util.HashMap<>();
    private String audience = "marelle-services";

    public static final String GATEWAY = "gateway";
    /** Lifetime of a token: one call, or a few. */
    private Duration ttl = Duration.ofSeconds(60);

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public java.util.Map<String, String> getPeers() {
        return peers;
    }

    public void setPeers(java.util.Map<String, String> peers) {
        this.peers = peers;
    }

    /** The issuer claim of tokens signed under a key id. */
    public static String issuerOf(String keyId) {
        return "marelle:" + keyId;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl;
    }
}
