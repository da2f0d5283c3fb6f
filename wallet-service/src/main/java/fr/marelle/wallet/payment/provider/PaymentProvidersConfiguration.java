package fr.marelle.wallet.payment.provider;

import fr.marelle.platform.eventstore.EventStoreAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The providers configured: the sandbox when its key and secret are set, PayFiP when its régie number is; new
 * payments go through {@code marelle.wallet.payments.provider}, which must be one of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentProvidersConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentProvidersConfiguration.class);

    @Bean
    PaymentProviders paymentProviders(PaymentProperties properties, Clock clock) {
        List<PaymentProvider> providers = new ArrayList<>();
        PaymentProperties.Sandbox sandbox = properties.getSandbox();
        if (configured(sandbox.getApiKey()) && configured(sandbox.getSigningSecret())) {
            providers.add(new SandboxProvider(properties, EventStoreAutoConfiguration.eventObjectMapper(), clock));
        }
        if (configured(properties.getPayfip().getClientNumber())) {
            providers.add(new PayFipProvider(properties, clock));
        }
        PaymentProviders configured = new PaymentProviders(providers, properties.getProvider());
        log.info("Card payments go through {}; providers configured: {}", configured.offersCardPayment()
                ? configured.active() : "nobody (none offered)", providers);
        return configured;
    }

    private static boolean configured(String value) {
        return value != null && !value.isBlank();
    }
}
