package fr.marelle.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/** The sandbox's merchant credentials, its page's address, and how its notifications behave. */
@ConfigurationProperties("sandbox")
public class SandboxProperties {

    /** The merchant's key: every call to /api must carry it as a bearer token. */
    private String apiKey;
    /** The secret notifications are signed with (HMAC-SHA256), shared with the merchant. */
    private String signingSecret;
    private URI publicUrl = URI.create("http://localhost:8090");
    /** How long a payment page stays open. */
    private Duration sessionLifetime = Duration.ofMinutes(15);
    private final Notifications notifications = new Notifications();

    public static class Notifications {
        private Duration pollInterval = Duration.ofMillis(500);
        /** Each notification waits a random delay up to this before its first attempt. */
        private Duration maxFirstDelay = Duration.ofSeconds(3);
        /** The chance that a notification is delivered a second time, later, with the same event id. */
        private double duplicateProbability = 0.2;
        private Duration firstRetry = Duration.ofSeconds(2);
        private Duration maxRetry = Duration.ofMinutes(10);
        private int maxAttempts = 15;
        private Duration timeout = Duration.ofSeconds(5);
        /** A fixed seed makes the delays and duplicates repeatable (tests); 0 = random. */
        private long seed;

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getMaxFirstDelay() {
            return maxFirstDelay;
        }

        public void setMaxFirstDelay(Duration maxFirstDelay) {
            this.maxFirstDelay = maxFirstDelay;
        }

        public double getDuplicateProbability() {
            return duplicateProbability;
        }

        public void setDuplicateProbability(double duplicateProbability) {
            this.duplicateProbability = duplicateProbability;
        }

        public Duration getFirstRetry() {
            return firstRetry;
        }

        public void setFirstRetry(Duration firstRetry) {
            this.firstRetry = firstRetry;
        }

        public Duration getMaxRetry() {
            return maxRetry;
        }

        public void setMaxRetry(Duration maxRetry) {
            this.maxRetry = maxRetry;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        public long getSeed() {
            return seed;
        }

        public void setSeed(long seed) {
            this.seed = seed;
        }
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

    public URI getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    public Duration getSessionLifetime() {
        return sessionLifetime;
    }

    public void setSessionLifetime(Duration sessionLifetime) {
        this.sessionLifetime = sessionLifetime;
    }

    public Notifications getNotifications() {
        return notifications;
    }

    void validate() {
        if (apiKey == null || apiKey.isBlank() || signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalStateException("sandbox.api-key and sandbox.signing-secret (SANDBOX_APIKEY, "
                    + "SANDBOX_SIGNINGSECRET) are required: the merchant's credentials, shared with wallet-service");
        }
    }
}
