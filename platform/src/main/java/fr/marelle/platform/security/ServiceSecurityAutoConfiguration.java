package fr.marelle.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A service accepts only calls that carry a valid service token from the gateway; the token names the actor, whose
 * role and family every endpoint checks. Health, info, metrics and the OpenAPI description are open (services
 * live on an internal network).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnProperty(prefix = "marelle.service-token", name = "public-key")
@EnableConfigurationProperties(ServiceTokenProperties.class)
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    /**
     * Verifies tokens signed by the gateway (any actor) or by a peer service (SYSTEM, as itself only): signature
     * by the key named in the header, issuer matching that key, audience, expiry.
     */
    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder serviceTokenDecoder(ServiceTokenProperties properties) {
        List<JWK> keys = new ArrayList<>();
        keys.add(new RSAKey.Builder(PemKeys.publicKey(properties.getPublicKey()))
                .keyID(ServiceTokenProperties.GATEWAY).build());
        properties.getPeers().forEach((keyId, pem) -> keys.add(new RSAKey.Builder(PemKeys.publicKey(pem))
                .keyID(keyId).build()));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(keys))));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        }); // claims are checked below, with Spring's validators
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.getAudience())
                        ? OAuth2TokenValidatorResult.success() : invalid("wrong audience"),
                ServiceSecurityAutoConfiguration::issuerMatchesKeyAndPeersActAsThemselves));
        return decoder;
    }

    static OAuth2TokenValidatorResult issuerMatchesKeyAndPeersActAsThemselves(Jwt jwt) {
        Object keyId = jwt.getHeaders().get("kid");
        if (keyId == null || !ServiceTokenProperties.issuerOf(keyId.toString()).equals(jwt.getClaimAsString("iss"))) {
            return invalid("issuer does not match the signing key");
        }
        if (!ServiceTokenProperties.GATEWAY.equals(keyId)
                && (!Role.SYSTEM.name().equals(jwt.getClaimAsString(ServiceTokenClaims.ROLE))
                || !("system:" + keyId).equals(jwt.getSubject()))) {
            return invalid("a peer service acts only as itself");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }

    static ActorAuthentication toActor(Jwt jwt) {
        Actor actor = new Actor(jwt.getSubject(), Role.valueOf(jwt.getClaimAsString(ServiceTokenClaims.ROLE)),
                jwt.getClaimAsString(ServiceTokenClaims.FAMILY_ID), jwt.getClaimAsString(ServiceTokenClaims.CLIENT_IP));
        return new ActorAuthentication(actor, jwt);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
        http.csrf(csrf -> csrf.disable()) // no browser session: only bearer tokens from the gateway
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/actuator/metrics/**", "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(
                                ServiceSecurityAutoConfiguration::toActor))
                        .authenticationEntryPoint((request, response, e) -> problem(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentification requise.")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response,
                                HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentification requise."))
                        .accessDeniedHandler((request, response, ex) -> problem(response,
                                HttpStatus.FORBIDDEN, "FORBIDDEN_ROLE", "Votre rôle ne permet pas cette action.")))
                .addFilterAfter(new ActorContextFilter(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    static void problem(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status, code, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
