package fr.marelle.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers what the sandbox owes merchants: each due notification is posted, signed, to the payment's notification
 * URL; a 2xx settles it, anything else (an error, a refusal, no answer) is tried again later. Pages nobody finished
 * in time are closed on the way. The HTTP call happens outside any transaction.
 */
@Component
class Notifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final int BATCH = 20;

    private final Notifications notifications;
    private final Payments payments;
    private final SandboxProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile ScheduledExecutorService executor;

    Notifier(Notifications notifications, Payments payments, SandboxProperties properties, ObjectMapper json,
             Clock clock) {
        this.notifications = notifications;
        this.payments = payments;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.getNotifications().getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sandbox-notifier");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.getNotifications().getPollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    void round() {
        try {
            int expired = payments.expireLate();
            if (expired > 0) {
                log.info("{} payment page(s) expired", expired);
            }
            List<Notifications.Due> due;
            do {
                due = notifications.claimDue(clock.instant(), properties.getNotifications().getTimeout()
                        .multipliedBy(3), BATCH);
                due.forEach(this::deliver);
            } while (due.size() == BATCH && isRunning());
        } catch (RuntimeException e) {
            log.warn("Notification round failed: {}", e.toString());
        }
    }

    private void deliver(Notifications.Due due) {
        Payment payment = payments.find(due.paymentId()).orElseThrow();
        byte[] body = body(due, payment);
        Instant now = clock.instant();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(due.notificationUrl()))
                    .timeout(properties.getNotifications().getTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "payment-sandbox")
                    .header(Signature.HEADER, Signature.sign(properties.getSigningSecret(), now.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                notifications.delivered(due, clock.instant());
                log.info("Notification {} ({} {}) delivered at attempt {}", due.eventId(), due.paymentId(),
                        due.status(), due.attempts() + 1);
            } else {
                notifications.failed(due, clock.instant(), "HTTP " + response.statusCode());
                log.info("Notification {} ({} {}) refused with {}; tried again later", due.eventId(),
                        due.paymentId(), due.status(), response.statusCode());
            }
        } catch (IOException | IllegalArgumentException e) {
            notifications.failed(due, clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage());
            log.info("Notification {} ({}) not delivered: {}; tried again later", due.eventId(), due.paymentId(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The payment as it was when the event happened: its status then, and everything else as it is. */
    private byte[] body(Notifications.Due due, Payment payment) {
        ObjectNode node = json.createObjectNode()
                .put("eventId", due.eventId().toString())
                .put("type", "payment.updated")
                .put("id", payment.id())
                .put("merchantReference", payment.merchantReference())
                .put("amountCents", payment.amountCents())
                .put("currency", payment.currency())
                .put("status", due.status())
                .put("createdAt", payment.createdAt().toString())
                .put("occurredAt", due.occurredAt().toString());
        if (!Payment.PENDING.equals(due.status()) && payment.completedAt() != null) {
            node.put("completedAt", payment.completedAt().toString());
        } else {
            node.putNull("completedAt");
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
