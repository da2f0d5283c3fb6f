package fr.marelle.wallet.payment.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/** Card payments: the provider in use, where payers come back, where providers notify, and each provider's settings. */
@ConfigurationProperties("marelle.wallet.payments")
public class PaymentProperties {

    /** The provider new payments go through: {@code sandbox} (default) or {@code payfip}. */
    private String provider = "sandbox";
    /** Where the payer comes back to the portal; {@code {paymentId}} is replaced. */
    private String returnUrl = "http://localhost:8080/porte-monnaie/paiements/{paymentId}";
    /** wallet-service's address as the provider reaches it; notifications go to {@code <it>/payment-notifications/<provider>}. */
    private URI notificationBaseUrl = URI.create("http://127.0.0.1:8085");
    /** What the payer's bank statement and the provider's page show. */
    private String description = "Porte-monnaie famille";
    private Duration connectTimeout = Duration.ofSeconds(3);
    private Duration timeout = Duration.ofSeconds(10);
    private final Sandbox sandbox = new Sandbox();
    private final PayFip payfip = new PayFip();
    private final Reconciliation reconciliation = new Reconciliation();

    public static class Sandbox {
        private URI url = URI.create("http://127.0.0.1:8090");
        /** Our key at the sandbox, sent with every call. */
        private String apiKey;
        /** The secret the sandbox signs its notifications with (HMAC-SHA256). */
        private String signingSecret;
        /** How old a notification's signature may be. */
        private Duration signatureTolerance = Duration.ofMinutes(5);

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getSigningSecret() {
            return signingSecret;
        }

        public void setSigningSecret(String signingSecret) {
            this.signingSecret = signingSecret;
        }

        public Duration getSignatureTolerance() {
            return signatureTolerance;
        }

        public void setSignatureTolerance(Duration signatureTolerance) {
            this.signatureTolerance = signatureTolerance;
        }
    }

    public static class PayFip {
        /** The SOAP service (PaiementSecuriseService). */
        private URI url = URI.create("https://www.tipi.budget.gouv.fr/tpa/services/securite");
        /** The page the payer is sent to, with {@code ?idop=}. */
        private URI paymentPageUrl = URI.create("https://www.payfip.gouv.fr/tpa/paiementws.web");
        /** The town's régie number at the DGFiP ("numcli", 6 digits). */
        private String clientNumber;
        /** T (test), X (activation) or W (production). */
        private String mode = "T";
        /** How long an operation id stays usable at PayFiP. */
        private Duration sessionLifetime = Duration.ofMinutes(15);

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }

        public URI getPaymentPageUrl() {
            return paymentPageUrl;
        }

        public void setPaymentPageUrl(URI paymentPageUrl) {
            this.paymentPageUrl = paymentPageUrl;
        }

        public String getClientNumber() {
            return clientNumber;
        }

        public void setClientNumber(String clientNumber) {
            this.clientNumber = clientNumber;
        }

        public String getMode() {
            return mode;
        }

        public void setMode(String mode) {
            this.mode = mode;
        }

        public Duration getSessionLifetime() {
            return sessionLifetime;
        }

        public void setSessionLifetime(Duration sessionLifetime) {
            this.sessionLifetime = sessionLifetime;
        }
    }

    public static class Reconciliation {
        private boolean enabled = true;
        /** How often open payments are looked at. */
        private Duration interval = Duration.ofMinutes(1);
        /** A payment without news for this long is asked about. */
        private Duration after = Duration.ofMinutes(2);
        /** A payment the provider still calls open after this long is given up as expired. */
        private Duration giveUpAfter = Duration.ofHours(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getAfter() {
            return after;
        }

        public void setAfter(Duration after) {
            this.after = after;
        }

        public Duration getGiveUpAfter() {
            return giveUpAfter;
        }

        public void setGiveUpAfter(Duration giveUpAfter) {
            this.giveUpAfter = giveUpAfter;
        }
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getReturnUrl() {
        return returnUrl;
    }

    public void setReturnUrl(String returnUrl) {
        this.returnUrl = returnUrl;
    }

    public URI getNotificationBaseUrl() {
        return notificationBaseUrl;
    }

    public void setNotificationBaseUrl(URI notificationBaseUrl) {
        this.notificationBaseUrl = notificationBaseUrl;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Sandbox getSandbox() {
        return sandbox;
    }

    public PayFip getPayfip() {
        return payfip;
    }

    public Reconciliation getReconciliation() {
        return reconciliation;
    }

    /** Where the provider sends the payer back for this payment. */
    public URI returnUrlFor(String paymentId) {
        return URI.create(returnUrl.replace("{paymentId}", paymentId));
    }

    /** Where the provider named posts its notifications. */
    public URI notificationUrlFor(String providerName) {
        String base = notificationBaseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/payment-notifications/" + providerName.toLowerCase(java.util.Locale.ROOT));
    }
}
