package fr.marelle.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import fr.marelle.platform.audit.Actor;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Signs the short-lived token the gateway sends with each call to a service. */
public class ServiceTokenIssuer {

    private final NimbusJwtEncoder encoder;
    private final ServiceTokenProperties properties;
    private final Clock clock;

    public ServiceTokenIssuer(ServiceTokenProperties properties, Clock clock) {
        RSAKey key = new RSAKey.Builder(PemKeys.publicKey(properties.getPublicKey()))
                .privateKey(PemKeys.privateKey(properties.getPrivateKey()))
                .keyID("marelle-gateway")
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(Actor actor) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .id(UUID.randomUUID().toString())
                .issuer(properties.getIssuer())
                .audience(java.util.List.of(properties.getAudience()))
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
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("marelle-gateway").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
