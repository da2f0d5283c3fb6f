package fr.marelle.gateway.security;

import fr.marelle.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.List;

/**
 * Sessions with Spring Security: form login, argon2id hashes, CSRF on every form, a strict content security policy
 * (no inline script or style), staff pages for staff roles only.
 */
@Configuration
public class GatewaySecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** Metrics are scraped from inside the hosting network, never from the internet. */
    private static final List<IpAddressMatcher> INTERNAL = List.of(new IpAddressMatcher("127.0.0.0/8"),
            new IpAddressMatcher("::1"), new IpAddressMatcher("10.0.0.0/8"), new IpAddressMatcher("172.16.0.0/12"),
            new IpAddressMatcher("192.168.0.0/16"));

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    BootstrapAdministrator bootstrapAdministrator(GatewayProperties properties, PasswordEncoder encoder) {
        return new BootstrapAdministrator(properties, encoder);
    }

    @Bean
    AuthenticationProvider staffAuthentication(BootstrapAdministrator administrator, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(administrator);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/admin");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/connexion", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico", "/accessibilite", "/mentions-legales", "/error",
                                "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics/**")
                        .access((authentication, context) -> new org.springframework.security.authorization
                                .AuthorizationDecision(INTERNAL.stream()
                                .anyMatch(m -> m.matches(context.getRequest()))))
                        .requestMatchers("/admin/statut/**").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers("/admin/**").hasAnyRole("ADMIN", "AGENT", "FINANCE", "AUDITOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/connexion")
                        .loginProcessingUrl("/connexion")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(success)
                        .failureUrl("/connexion?erreur"))
                .logout(logout -> logout
                        .logoutUrl("/deconnexion")
                        .logoutSuccessUrl("/connexion?deconnecte"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

}
