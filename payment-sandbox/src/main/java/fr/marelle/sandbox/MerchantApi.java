package fr.marelle.sandbox;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merchant's side, as a card acquirer's API: open a payment page ({@code POST /api/payments}), ask how a payment
 * stands ({@code GET /api/payments/{id}}, or by the merchant's reference). Notifications then go to the merchant's
 * {@code notificationUrl}, signed.
 */
@RestController
class MerchantApi {

    record OpenRequest(String merchantReference, Long amountCents, String currency, String description,
                       String payerEmail, String returnUrl, String notificationUrl) {
    }

    record PaymentView(String id, String merchantReference, long amountCents, String currency, String description,
                       String status, URI redirectUrl, String returnUrl, String notificationUrl, Instant createdAt,
                       Instant expiresAt, Instant completedAt, List<Notifications.Delivery> notifications) {
    }

    private static final long MAX_AMOUNT = 10_000_000;

    private final Payments payments;
    private final Notifications notifications;
    private final SandboxProperties properties;

    MerchantApi(Payments payments, Notifications notifications, SandboxProperties properties) {
        this.payments = payments;
        this.notifications = notifications;
        this.properties = properties;
    }

    @PostMapping("/api/payments")
    ResponseEntity<?> open(@RequestBody OpenRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(request.merchantReference()) || request.merchantReference().length() > 100) {
            errors.put("merchantReference", "obligatoire, 100 caractères au plus");
        }
        if (request.amountCents() == null || request.amountCents() <= 0 || request.amountCents() > MAX_AMOUNT) {
            errors.put("amountCents", "un nombre entier de centimes entre 1 et " + MAX_AMOUNT);
        }
        if (request.currency() != null && !request.currency().equals("EUR")) {
            errors.put("currency", "seul EUR est accepté");
        }
        if (!isHttpUrl(request.returnUrl())) {
            errors.put("returnUrl", "une adresse http(s) absolue");
        }
        if (!isHttpUrl(request.notificationUrl())) {
            errors.put("notificationUrl", "une adresse http(s) absolue");
        }
        if (request.description() != null && request.description().length() > 200) {
            errors.put("description", "200 caractères au plus");
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_request", "errors", errors));
        }
        Payment payment = payments.open(request.merchantReference().strip(), request.amountCents(), "EUR",
                request.description(), request.payerEmail(), request.returnUrl(), request.notificationUrl());
        return ResponseEntity.status(201).body(view(payment));
    }

    @GetMapping("/api/payments/{id}")
    ResponseEntity<?> get(@PathVariable String id) {
        return payments.find(id).<ResponseEntity<?>>map(p -> ResponseEntity.ok(view(p)))
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("error", "not_found")));
    }

    @GetMapping("/api/payments")
    Map<String, List<PaymentView>> byReference(@RequestParam("merchantReference") String reference) {
        return Map.of("payments", payments.byMerchantReference(reference).stream().map(this::view).toList());
    }

    private PaymentView view(Payment p) {
        return new PaymentView(p.id(), p.merchantReference(), p.amountCents(), p.currency(), p.description(),
                p.status(), CardPage.pageUrl(properties, p.id()), p.returnUrl(), p.notificationUrl(), p.createdAt(),
                p.expiresAt(), p.completedAt(), notifications.of(p.id()));
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
