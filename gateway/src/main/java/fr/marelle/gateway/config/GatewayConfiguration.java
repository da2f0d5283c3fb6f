package fr.marelle.gateway.config;

import fr.marelle.platform.security.ServiceTokenIssuer;
import fr.marelle.platform.security.ServiceTokenProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
@EnableConfigurationProperties({GatewayProperties.class, ServiceTokenProperties.class})
public class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    ServiceTokenIssuer serviceTokenIssuer(ServiceTokenProperties properties, Clock clock) {
        return new ServiceTokenIssuer(properties, clock);
    }
}
