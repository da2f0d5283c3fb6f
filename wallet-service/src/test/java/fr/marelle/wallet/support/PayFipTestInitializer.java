package fr.marelle.wallet.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/** wallet-service with PayFiP as its provider, on the simulated PayFiP endpoint. */
public class PayFipTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SimulatedPayFip payfip = SimulatedPayFip.shared();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("payfip-test", Map.of(
                "marelle.wallet.payments.provider", "payfip",
                "marelle.wallet.payments.payfip.url", payfip.serviceUrl(),
                "marelle.wallet.payments.payfip.payment-page-url", payfip.pageUrl(),
                "marelle.wallet.payments.payfip.client-number", "012345",
                "marelle.wallet.payments.payfip.mode", "T",
                "marelle.wallet.payments.reconciliation.enabled", "false",
                "marelle.portal.url", "https://portail.vincey.test")));
    }
}
