package fr.marelle.gateway.web.wallet;

import fr.marelle.gateway.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open the wallet pages: parents their own "Porte-monnaie" and its top-up; finance staff and administrators
 * a family's wallet and what they record on its behalf (CESU cheques, cash and cheques, refunds, adjustments);
 * auditors read. wallet-service checks every role again.
 */
@Component
class WalletRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/porte-monnaie", "/porte-monnaie/**").hasRole("PARENT")
                .requestMatchers(HttpMethod.POST, "/admin/porte-monnaie/**").hasAnyRole("ADMIN", "FINANCE")
                .requestMatchers("/admin/porte-monnaie/*/operations/**").hasAnyRole("ADMIN", "FINANCE")
                .requestMatchers("/admin/porte-monnaie/negatifs").hasAnyRole("ADMIN", "FINANCE")
                .requestMatchers("/admin/porte-monnaie", "/admin/porte-monnaie/**")
                .hasAnyRole("ADMIN", "FINANCE", "AUDITOR");
    }
}
