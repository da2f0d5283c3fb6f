package fr.marelle.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Pages of accounts, staff users and the services' status. */
@Component
class AccountsRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/admin/statut/**").hasAnyRole("ADMIN", "AUDITOR")
                .requestMatchers("/admin/personnel/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/admin/comptes-en-attente/**").hasRole("ADMIN")
                .requestMatchers("/admin/comptes-en-attente/*/refus").hasRole("ADMIN")
                .requestMatchers("/admin/comptes-en-attente/**").hasAnyRole("ADMIN", "AGENT")
                .requestMatchers("/admin/familles/nouvelle", "/admin/familles/*/adresse",
                        "/admin/familles/*/contacts", "/admin/familles/*/responsables/**")
                .hasAnyRole("ADMIN", "AGENT")
                .requestMatchers("/mon-profil/**", "/email-de-validation").hasRole("PARENT");
    }
}
