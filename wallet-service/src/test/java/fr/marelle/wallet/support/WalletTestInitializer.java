package fr.marelle.wallet.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * wallet-service on the sandbox's merchant API (a stub the tests drive), snapshots every 5 events so that loading
 * from a snapshot is exercised, and the reconciliation left to the tests (they run a round at a chosen time).
 */
public class WalletTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("wallet-test", Map.of(
                "marelle.wallet.payments.provider", "sandbox",
                "marelle.wallet.payments.sandbox.url", StubSandbox.shared().url(),
                "marelle.wallet.payments.sandbox.api-key", StubSandbox.API_KEY,
                "marelle.wallet.payments.sandbox.signing-secret", StubSandbox.SIGNING_SECRET,
                "marelle.wallet.payments.reconciliation.enabled", "false",
                "marelle.wallet.snapshot-every", "5",
                "marelle.wallet.top-up.maximum-cents", "30000",
                "marelle.portal.url", "https://portail.vincey.test")));
    }
}
