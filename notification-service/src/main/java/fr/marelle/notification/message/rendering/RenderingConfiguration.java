package fr.marelle.notification.message.rendering;

import fr.marelle.notification.message.sms.SmsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The email and SMS renderers. The email's {@link LinkProvider} is accounts-service's link API (see the integration
 * package); its {@link NewsletterContents} and {@link UnsubscribeLinks} come from the newsletter package.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TownProperties.class, PortalProperties.class})
class RenderingConfiguration {

    @Bean
    EmailRenderer emailRenderer(TownProperties town, PortalProperties portal, LinkProvider links,
                                NewsletterContents newsletters, UnsubscribeLinks unsubscribe) {
        return new EmailRenderer(town, portal, links, newsletters, unsubscribe);
    }

    @Bean
    SmsRenderer smsRenderer(TownProperties town, PortalProperties portal, SmsProperties sms) {
        return new SmsRenderer(town, portal, sms.maxSegments());
    }
}
