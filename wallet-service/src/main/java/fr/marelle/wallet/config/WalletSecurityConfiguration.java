package fr.marelle.wallet.config;

import fr.marelle.platform.security.ServiceSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors. Payment providers are not Marelle and hold no service token: their notifications come to
 * {@code /payment-notifications/**} — outside {@code /api/}, which is Marelle's own API — open at the HTTP level,
 * where each provider's adapter decides what to believe (a signature, or the provider's own answer when asked).
 * Everything else is the platform's service API, behind service tokens, exactly as the platform configures it for
 * every service.
 */
@Configuration(proxyBeanMethods = false)
class WalletSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain providerNotifications(HttpSecurity http) throws Exception {
        return http.securityMatcher("/payment-notifications/**")
                .csrf(csrf -> csrf.disable()) // server-to-server, no browser, no cookie
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain serviceApi(HttpSecurity http, JwtDecoder decoder, ServiceSecurityAutoConfiguration platform)
            throws Exception {
        return platform.serviceSecurityFilterChain(http, decoder);
    }
}
