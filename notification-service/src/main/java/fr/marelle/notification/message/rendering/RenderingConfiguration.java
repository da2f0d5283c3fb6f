package fr.marelle.notification.message.rendering;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TownProperties.class, PortalProperties.class})
class RenderingConfiguration {

    /** Replaced by a client of accounts-service's link API (a {@code @Primary} bean) when it exists. */
    @Bean
    LinkProvider unavailableLinkProvider() {
        return new UnavailableLinkProvider();
    }

    @Bean
    EmailRenderer emailRenderer(TownProperties town, PortalProperties portal, LinkProvider links) {
        return new EmailRenderer(town, portal, links);
    }
}
