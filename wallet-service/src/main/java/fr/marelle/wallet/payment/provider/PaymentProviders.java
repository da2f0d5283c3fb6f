package fr.marelle.wallet.payment.provider;

import fr.marelle.platform.errors.DomainException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The providers this wallet-service can talk to, and the one new payments go through. A payment keeps the provider
 * it started with: after a switch, payments still open at the previous one are still reconciled there (when it is
 * configured).
 */
public final class PaymentProviders {

    /** No card payment at all: {@code marelle.wallet.payments.provider=none}. */
    public static final String NONE = "none";

    private final Map<String, PaymentProvider> byName = new LinkedHashMap<>();
    private final PaymentProvider active;

    public PaymentProviders(List<PaymentProvider> providers, String activeName) {
        providers.forEach(p -> byName.put(p.name(), p));
        if (NONE.equalsIgnoreCase(activeName)) {
            this.active = null;
            return;
        }
        this.active = byName.get(activeName.toUpperCase(Locale.ROOT));
        if (active == null) {
            throw new IllegalStateException("marelle.wallet.payments.provider=" + activeName
                    + " is not configured; configured: " + byName.keySet());
        }
    }

    /** The provider of new payments; refused (422) when the town offers no card payment. */
    public PaymentProvider active() {
        if (active == null) {
            throw DomainException.rule("CARD_PAYMENT_NOT_OFFERED",
                    "Le paiement par carte n'est pas proposé ; adressez-vous à la mairie.");
        }
        return active;
    }

    public boolean offersCardPayment() {
        return active != null;
    }

    public Optional<PaymentProvider> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name.toUpperCase(Locale.ROOT)));
    }
}
