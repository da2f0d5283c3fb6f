package fr.marelle.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.List;

/**
 * Sessions with Spring Security. Logins are checked by accounts-service (the login controllers call it and then
 * open the session through {@link AccountSessions}); the gateway keeps no password. CSRF on every form, a strict
 * content security policy (no inline script or style), staff pages for their roles only, parent pages for parents
 * only. The services check roles and families again.
 */
@Configuration
public class GatewaySecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** Pages anyone may see: login, registration, emailed links, static files. */
    static final String[] PUBLIC = {"/", "/connexion", "/connexion/code", "/connexion/enrolement", "/inscription",
            "/mot-de-passe/oubli", "/mot-de-passe/nouveau", "/compte/valider", "/compte/email/confirmer",
            "/compte/invitation", "/accessibilite", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
            "/favicon.ico", "/actuator/health/**", "/actuator/info"};

    /** Metrics are scraped from inside the hosting network, never from the internet. */
    private static final List<IpAddressMatcher> INTERNAL = List.of(new IpAddressMatcher("127.0.0.0/8"),
            new IpAddressMatcher("::1"), new IpAddressMatcher("10.0.0.0/8"), new IpAddressMatcher("172.16.0.0/12"),
            new IpAddressMatcher("192.168.0.0/16"));

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    /** At login: a new session id (against session fixation) and a new CSRF token. */
    @Bean
    SessionAuthenticationStrategy sessionAuthenticationStrategy(CsrfTokenRepository csrf) {
        return new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(csrf)));
    }

    @Bean
    RequestCache requestCache() {
        return new HttpSessionRequestCache();
    }

    /** No user lives in the gateway: this only stops Spring Boot from creating an in-memory one. */
    @Bean
    UserDetailsService noLocalUsers() {
        return username -> {
            throw new UsernameNotFoundException("Logins are checked by accounts-service");
        };
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, SecurityContextRepository contexts,
                                        CsrfTokenRepository csrf, RequestCache requestCache,
                                        List<RouteRules> features) throws Exception {
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC).permitAll()
                            .requestMatchers("/actuator/prometheus", "/actuator/metrics/**")
                            .access((authentication, context) -> new AuthorizationDecision(INTERNAL.stream()
                                    .anyMatch(m -> m.matches(context.getRequest()))));
                    // each feature's pages for the roles whose service calls they make
                    features.stream().sorted(java.util.Comparator.comparingInt(RouteRules::order))
                            .forEach(rules -> rules.apply(auth));
                    auth.requestMatchers("/admin/**").hasAnyRole("ADMIN", "AGENT", "FINANCE", "AUDITOR")
                            .anyRequest().authenticated();
                })
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(c -> c.csrfTokenRepository(csrf))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/connexion")))
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
