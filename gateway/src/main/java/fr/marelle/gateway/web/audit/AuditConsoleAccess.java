package fr.marelle.gateway.web.audit;

import fr.marelle.gateway.security.RouteRules;
import fr.marelle.gateway.web.navigation.NavEntries;
import fr.marelle.gateway.web.navigation.NavEntry;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import java.util.List;

/** The audit console is for auditors and administrators: its pages, and its entries in the console's menu. */
@Component
class AuditConsoleAccess implements RouteRules, NavEntries {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/audit", "/audit/**").hasAnyRole("AUDITOR", "ADMIN");
    }

    @Override
    public List<NavEntry> entries() {
        return List.of(
                NavEntry.console(700, "audit", "audit.nav.timeline", "/audit", "AUDITOR", "ADMIN"),
                NavEntry.console(710, "auditAsOf", "audit.nav.asOf", "/audit/etat", "AUDITOR", "ADMIN"),
                NavEntry.console(720, "auditReadModels", "audit.nav.readModels", "/audit/modeles", "AUDITOR", "ADMIN"),
                NavEntry.console(730, "auditChains", "audit.nav.chains", "/audit/chaines", "AUDITOR", "ADMIN"),
                NavEntry.console(740, "auditJournal", "audit.nav.journal", "/audit/journal", "AUDITOR", "ADMIN"));
    }
}
