package fr.marelle.gateway.web.billing;

import fr.marelle.gateway.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open the billing pages: parents their own "Ma facturation"; finance and administrators act in the console
 * (invoices of the month, credit notes, tariffs), auditors read it, agents read a family's orders and invoices at
 * the front desk. billing-service checks every role again.
 */
@Component
class BillingRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/ma-facturation/**", "/ma-facturation").hasRole("PARENT")
                .requestMatchers(HttpMethod.POST, "/admin/facturation/**").hasAnyRole("ADMIN", "FINANCE")
                .requestMatchers("/admin/facturation/tarifs/nouvelle-grille").hasAnyRole("ADMIN", "FINANCE")
                .requestMatchers("/admin/facturation/familles/**", "/admin/facturation/commandes/**",
                        "/admin/facturation/factures/**", "/admin/facturation/avoirs/**")
                .hasAnyRole("ADMIN", "FINANCE", "AUDITOR", "AGENT")
                .requestMatchers("/admin/facturation/**", "/admin/facturation").hasAnyRole("ADMIN", "FINANCE", "AUDITOR");
    }
}
