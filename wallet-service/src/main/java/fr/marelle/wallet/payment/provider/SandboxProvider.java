package fr.marelle.wallet.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.wallet.payment.PaymentOutcome;
import fr.marelle.wallet.wallet.Money;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The local payment sandbox ({@code payment-sandbox}, a separate application) over HTTP, as a card acquirer's API:
 * {@code POST /api/payments} opens a payment page, {@code GET /api/payments/{id}} tells how it stands, both with our
 * API key; notifications come signed with a shared secret (see {@link NotificationSignature}) and are trusted for
 * their outcome once the signature, its age and the amount check out.
 */
public final class SandboxProvider implements PaymentProvider {

    public static final String NAME = "SANDBOX";

    private final PaymentProperties properties;
    private final PaymentProperties.Sandbox sandbox;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;

    public SandboxProvider(PaymentProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.sandbox = properties.getSandbox();
        if (blank(sandbox.getApiKey()) || blank(sandbox.getSigningSecret())) {
            throw new IllegalStateException("marelle.wallet.payments.sandbox.api-key and .signing-secret "
                    + "(MARELLE_WALLET_PAYMENTS_SANDBOX_APIKEY, _SIGNINGSECRET) are required for the sandbox provider");
        }
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderSession open(PaymentRequest request) throws ProviderUnavailableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantReference", request.paymentId().toString());
        body.put("amountCents", request.amount().cents());
        body.put("currency", "EUR");
        body.put("description", request.description());
        body.put("payerEmail", request.payerEmail());
        body.put("returnUrl", request.returnUrl().toString());
        body.put("notificationUrl", request.notificationUrl().toString());
        JsonNode answer = call(HttpRequest.newBuilder(endpoint("/api/payments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))), 201);
        String reference = text(answer, "id");
        String redirect = text(answer, "redirectUrl");
        String expiresAt = text(answer, "expiresAt");
        try {
            return new ProviderSession(reference, URI.create(redirect), Instant.parse(expiresAt));
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("sandbox: unreadable answer to the payment's creation", e);
        }
    }

    @Override
    public ProviderReport status(ProviderQuery query) throws ProviderUnavailableException {
        if (query.reference() == null) {
            // the page was opened but we never learnt its id: the sandbox finds it by our reference
            JsonNode list = call(HttpRequest.newBuilder(endpoint("/api/payments?merchantReference="
                    + query.paymentId())).GET(), 200);
            JsonNode first = list.path("payments").path(0);
            if (first.isMissingNode()) {
                return new ProviderReport(null, PaymentOutcome.EXPIRED, query.amount(), clock.instant());
            }
            return report(first);
        }
        return report(call(HttpRequest.newBuilder(endpoint("/api/payments/" + query.reference())).GET(), 200));
    }

    @Override
    public ProviderNotification read(IncomingNotification notification) throws RefusedNotificationException {
        NotificationSignature.verify(notification.header(NotificationSignature.HEADER), sandbox.getSigningSecret(),
                notification.body(), clock.instant(), sandbox.getSignatureTolerance());
        try {
            JsonNode payment = json.readTree(notification.body());
            ProviderReport report = report(payment);
            return new ProviderNotification(report.reference(), text(payment, "merchantReference"),
                    Optional.of(report));
        } catch (IOException | ProviderUnavailableException | RuntimeException e) {
            throw new RefusedNotificationException("NOTIFICATION_MALFORMED", "signed but unreadable notification");
        }
    }

    private ProviderReport report(JsonNode payment) throws ProviderUnavailableException {
        try {
            PaymentOutcome outcome = PaymentOutcome.valueOf(text(payment, "status"));
            String at = payment.path("completedAt").asText(null);
            return new ProviderReport(text(payment, "id"), outcome, Money.ofCents(payment.path("amountCents")
                    .asLong()), at == null || at.isBlank() || at.equals("null") ? clock.instant() : Instant.parse(at));
        } catch (RuntimeException e) {
            throw new ProviderUnavailableException("sandbox: unreadable payment " + e.getMessage(), e);
        }
    }

    private JsonNode call(HttpRequest.Builder request, int expected) throws ProviderUnavailableException {
        request.timeout(properties.getTimeout())
                .header("Authorization", "Bearer " + sandbox.getApiKey())
                .header("Accept", "application/json");
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderUnavailableException("sandbox unreachable at " + sandbox.getUrl() + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", e);
        }
        if (response.statusCode() != expected) {
            throw new ProviderUnavailableException("sandbox answered " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderUnavailableException("sandbox: unreadable answer", e);
        }
    }

    private URI endpoint(String path) {
        String base = sandbox.getUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private byte[] bytes(Object body) throws ProviderUnavailableException {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new ProviderUnavailableException("cannot write the request", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "SandboxProvider[" + sandbox.getUrl() + "]";
    }
}
