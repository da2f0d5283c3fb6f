package fr.marelle.notification.family;

import fr.marelle.notification.message.sms.SmsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FamilyNotificationsConfiguration {

    /** The town's nights, injected into {@link FamilyNotifications}' command handlers. */
    @Bean
    SmsWindow smsWindow(SmsProperties sms) {
        return new SmsWindow(sms.nightStart(), sms.nightEnd(), sms.zone());
    }
}
