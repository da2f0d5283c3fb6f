package fr.marelle.notification.message.rendering;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The email renderer; its {@link LinkProvider} is accounts-service's link API (see the integration package). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TownProperties.class, PortalProperties.class})
class RenderingConfiguration {

    @Bean
    EmailRenderer emailRenderer(TownProperties town, PortalProperties portal, LinkProvider links) {
        return new EmailRenderer(town, portal, links);
    }
}
