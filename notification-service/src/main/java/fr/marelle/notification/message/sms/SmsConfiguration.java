package fr.marelle.notification.message.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS gateway: over HTTP when {@code marelle.sms.http.url} is set, else none (SMS are not offered). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    SmsProvider smsProvider(SmsProperties properties, ObjectMapper json) {
        if (!properties.http().configured()) {
            log.warn("No SMS gateway configured (MARELLE_SMS_URL): families are offered email only");
            return new UnconfiguredSmsProvider();
        }
        log.info("SMS go to {} as sender {}", properties.http().url(), properties.sender());
        return new HttpSmsProvider(properties.http(), properties.sender(), json);
    }

    @Bean
    SmsAvailability smsAvailability(SmsProperties properties) {
        return new SmsAvailability(properties.http().configured());
    }
}
