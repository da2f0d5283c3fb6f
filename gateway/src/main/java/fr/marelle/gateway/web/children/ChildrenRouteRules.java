package fr.marelle.gateway.web.children;

import fr.marelle.gateway.security.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Children and documents: the parents' pages, the review queue, schools, the catalogue of documents (administrators),
 * and what administrators and agents do on a family's behalf (add, change or archive a child, send its documents or
 * the family's); every staff role still reads a family's children ({@code /admin/familles/{id}/enfants}, under the
 * console's rule). children-service checks again.
 */
@Component
class ChildrenRouteRules implements RouteRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/vos-enfants/**", "/mes-documents/**").hasRole("PARENT")
                .requestMatchers("/fichiers/**").authenticated()
                .requestMatchers("/admin/documents/**").hasAnyRole("ADMIN", "AGENT")
                .requestMatchers("/admin/familles/*/enfants/*/**", "/admin/familles/*/documents/**")
                .hasAnyRole("ADMIN", "AGENT")
                .requestMatchers(DocumentKindsConsoleController.BASE + "/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/admin/ecoles/**").hasRole("ADMIN")
                .requestMatchers("/admin/ecoles/**").hasAnyRole("ADMIN", "AGENT");
    }
}
