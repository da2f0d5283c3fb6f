package fr.marelle.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Signs the short-lived token sent with each call to a service: by the gateway for its users, or by a service for
 * itself (SYSTEM role only; the called service refuses anything else from a peer).
 */
public class ServiceTokenIssuer {

    private final NimbusJwtEncoder encoder;
    private final ServiceTokenProperties properties;
    private final Clock clock;

    public ServiceTokenIssuer(ServiceTokenProperties properties, Clock clock) {
        RSAPrivateKey privateKey = PemKeys.privateKey(properties.getPrivateKey());
        RSAKey key = new RSAKey.Builder(PemKeys.publicOf(privateKey))
                .privateKey(privateKey)
                .keyID(properties.getKeyId())
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(Actor actor) {
        boolean gateway = ServiceTokenProperties.GATEWAY.equals(properties.getKeyId());
        if (!gateway && (actor.role() != Role.SYSTEM || !actor.id().equals("system:" + properties.getKeyId()))) {
            throw new IllegalArgumentException("A service signs only for itself, as SYSTEM");
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(ServiceTokenProperties.issuerOf(properties.getKeyId()))
                .audience(List.of(properties.getAudience()))
                .subject(actor.id())
                .issuedAt(now)
                .expiresAt(now.plus(properties.getTtl()))
                .claim(ServiceTokenClaims.ROLE, actor.role().name());
        if (actor.familyId() != null) {
            claims.claim(ServiceTokenClaims.FAMILY_ID, actor.familyId());
        }
        if (actor.clientIp() != null) {
            claims.claim(ServiceTokenClaims.CLIENT_IP, actor.clientIp());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(properties.getKeyId()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
