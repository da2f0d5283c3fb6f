package fr.marelle.gateway.web.town;

import fr.marelle.gateway.security.RouteRules;
import fr.marelle.gateway.web.console.ConfigurationEntries;
import fr.marelle.gateway.web.console.ConfigurationEntry;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** The town's theme, logo and legal pages are public; only administrators change them. */
@Component
class TownAccess implements RouteRules, ConfigurationEntries {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/commune/theme.css", "/commune/logo", "/mentions-legales", "/donnees-personnelles")
                .permitAll()
                .requestMatchers("/admin/configuration/commune").hasRole("ADMIN");
    }

    @Override
    public List<ConfigurationEntry> entries() {
        return List.of(new ConfigurationEntry(0, "console.config.group.town", "town.identity.title",
                "town.identity.description", "/admin/configuration/commune", Set.of("ADMIN")));
    }
}
