package fr.marelle.wallet.payment;

import fr.marelle.wallet.wallet.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one card top-up may be (screen 20: at least 10,00 €; the town sets the maximum, 300,00 € unless
 * configured otherwise with {@code MARELLE_WALLET_TOPUP_MAXIMUMCENTS}).
 */
@ConfigurationProperties("marelle.wallet.top-up")
public class TopUpLimits {

    public static final long MINIMUM_CENTS = 1_000;

    private long maximumCents = 30_000;

    public Money minimum() {
        return Money.ofCents(MINIMUM_CENTS);
    }

    public Money maximum() {
        return Money.ofCents(maximumCents);
    }

    public long getMaximumCents() {
        return maximumCents;
    }

    public void setMaximumCents(long maximumCents) {
        if (maximumCents < MINIMUM_CENTS) {
            throw new IllegalArgumentException("marelle.wallet.top-up.maximum-cents must be at least "
                    + MINIMUM_CENTS);
        }
        this.maximumCents = maximumCents;
    }
}
