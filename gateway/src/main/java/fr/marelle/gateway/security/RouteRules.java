package fr.marelle.gateway.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who may open a feature's pages. Each feature (accounts, children, planning…) declares its own rules as a bean;
 * they are applied after the public pages and before the console-wide and catch-all rules, in {@link #order()}.
 * The services check roles again on every call: these rules decide what the gateway shows, not what is allowed.
 */
public interface RouteRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

    default int order() {
        return 0;
    }
}
