package fr.marelle.gateway.web.notifications;

import fr.marelle.gateway.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open the notifications pages: parents their "Mes notifications" and history; staff the failed messages
 * (ADMIN, AGENT; only ADMIN sends one again), a family's messages and preferences (every staff role reads, ADMIN and
 * AGENT change), the newsletters (every staff role reads, ADMIN and AGENT write and send); anyone the page behind a
 * newsletter's unsubscribe link. notification-service checks every role again.
 */
@Component
class NotificationsRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/newsletter/desinscription").permitAll()
                .requestMatchers("/mes-notifications", "/mes-notifications/**").hasRole("PARENT")
                .requestMatchers(HttpMethod.POST, "/admin/notifications/*/relance").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/admin/notifications/familles/**").hasAnyRole("ADMIN", "AGENT")
                .requestMatchers("/admin/notifications/familles/**")
                .hasAnyRole("ADMIN", "AGENT", "FINANCE", "AUDITOR")
                .requestMatchers("/admin/notifications", "/admin/notifications/**").hasAnyRole("ADMIN", "AGENT")
                .requestMatchers(HttpMethod.POST, "/admin/lettres", "/admin/lettres/**").hasAnyRole("ADMIN", "AGENT")
                .requestMatchers("/admin/lettres/nouvelle").hasAnyRole("ADMIN", "AGENT")
                .requestMatchers("/admin/lettres", "/admin/lettres/**")
                .hasAnyRole("ADMIN", "AGENT", "FINANCE", "AUDITOR");
    }
}
