package fr.marelle.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Short-lived signed tokens by which the gateway tells a service who is calling. The gateway holds the private key
 * and signs; services hold only the public key and verify, so no service can mint a token.
 */
@ConfigurationProperties("marelle.service-token")
public class ServiceTokenProperties {

    /** RSA public key (PEM, X.509 SubjectPublicKeyInfo) that verifies tokens. Every service needs it. */
    private String publicKey;
    /** RSA private key (PEM, PKCS#8) that signs tokens. Only the gateway has it. */
    private String privateKey;
    private String issuer = "marelle-gateway";
    private String audience = "marelle-services";
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

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
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
