package fr.marelle.gateway.web.planning;

import fr.marelle.gateway.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Planning: the parents' "Planification"; the console's services, calendar, registers, occupancy, CAF report. */
@Component
class PlanningRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/planification/**").hasRole("PARENT")
                .requestMatchers("/admin/planification/services/nouveau", "/admin/planification/services/*/modifier")
                .hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/admin/planification/services/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/admin/planification/calendrier/**",
                        "/admin/planification/fermetures/**", "/admin/planification/pointage/**",
                        "/admin/planification/occupation/**").hasAnyRole("ADMIN", "AGENT")
                .requestMatchers("/admin/planification/pointage/**", "/admin/planification/attente/**")
                .hasAnyRole("ADMIN", "AGENT", "AUDITOR")
                .requestMatchers("/admin/planification/**").hasAnyRole("ADMIN", "AGENT", "FINANCE", "AUDITOR");
    }
}
