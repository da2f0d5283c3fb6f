package fr.marelle.wallet.payment.web;

import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import fr.marelle.wallet.payment.PaymentCommands.OutcomeRecorded;
import fr.marelle.wallet.payment.TopUpLimits;
import fr.marelle.wallet.payment.TopUpService;
import fr.marelle.wallet.payment.provider.PaymentProviders;
import fr.marelle.wallet.payment.query.PaymentQueries;
import fr.marelle.wallet.payment.query.PaymentQueries.PaymentView;
import fr.marelle.wallet.wallet.FamilyId;
import fr.marelle.wallet.wallet.Money;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Card top-ups (screen 20): the limits, a parent's request (answered with the provider's page to send them to), and
 * how a payment stands — asking the provider at once when the payer comes back before its notification.
 */
@RestController
class TopUpController {

    record Limits(long minimumCents, long maximumCents, boolean cardPaymentOffered) {
    }

    record TopUpRequest(@NotNull(message = "Le montant est obligatoire.") Long amountCents,
                        @Email(message = "L'adresse e-mail n'est pas valide.")
                        @Size(max = 254, message = "254 caractères au plus.") String payerEmail) {
    }

    record Opened(UUID paymentId, long amountCents, URI redirectUrl, Instant expiresAt) {
    }

    record TopUp(UUID paymentId, long amountCents, String provider, String status, OffsetDateTime startedAt,
                 OffsetDateTime finishedAt, String redirectUrl, boolean late) {

        static TopUp of(PaymentView p) {
            return new TopUp(p.paymentId(), p.amountCents(), p.provider(), p.status(), p.startedAt(), p.finishedAt(),
                    "PENDING".equals(p.status()) ? p.redirectUrl() : null, p.late());
        }
    }

    private final TopUpService topUps;
    private final PaymentQueries payments;
    private final TopUpLimits limits;
    private final PaymentProviders providers;
    private final Validator validator;

    TopUpController(TopUpService topUps, PaymentQueries payments, TopUpLimits limits, PaymentProviders providers,
                    Validator validator) {
        this.topUps = topUps;
        this.payments = payments;
        this.limits = limits;
        this.providers = providers;
        this.validator = validator;
    }

    @GetMapping("/api/top-ups/limits")
    Limits limits() {
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        return new Limits(limits.minimum().cents(), limits.maximum().cents(), providers.offersCardPayment());
    }

    /** A parent tops their own wallet up; 422 below the minimum or above the maximum, 503 if the provider is down. */
    @PostMapping("/api/families/{familyId}/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    Opened start(@PathVariable UUID familyId, @RequestBody TopUpRequest request) {
        Callers.require(Role.PARENT);
        UUID family = UUID.fromString(Callers.familyScope(familyId.toString()));
        RequestValidation.check(validator, request, List.of());
        TopUpService.Started started = topUps.start(new FamilyId(family), Money.ofCents(request.amountCents()),
                request.payerEmail());
        return new Opened(started.paymentId().value(), started.amount().cents(), started.redirectUrl(),
                started.expiresAt());
    }

    @GetMapping("/api/families/{familyId}/top-ups")
    List<TopUp> list(@PathVariable UUID familyId, @RequestParam(name = "limit", defaultValue = "20") int limit) {
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        UUID family = UUID.fromString(Callers.familyScope(familyId.toString()));
        return payments.ofFamily(family, Math.min(Math.max(limit, 1), 100)).stream().map(TopUp::of).toList();
    }

    /**
     * How a payment stands. With {@code check=true} (the payer's return page), a payment still open is asked about at
     * its provider at once, so the payer sees the result without waiting for the notification.
     */
    @GetMapping("/api/families/{familyId}/top-ups/{paymentId}")
    TopUp get(@PathVariable UUID familyId, @PathVariable UUID paymentId,
              @RequestParam(name = "check", defaultValue = "false") boolean check) {
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        UUID family = UUID.fromString(Callers.familyScope(familyId.toString()));
        PaymentView payment = payments.payment(paymentId).filter(p -> p.familyId().equals(family))
                .orElseThrow(() -> DomainException.notFound("PAYMENT_NOT_FOUND", "Paiement introuvable."));
        if (check && ("PENDING".equals(payment.status()) || "STARTED".equals(payment.status()))) {
            Optional<OutcomeRecorded> now = topUps.check(payment, "RETURN");
            if (now.isPresent() && now.get().status().isFinal()) {
                return new TopUp(payment.paymentId(), payment.amountCents(), payment.provider(),
                        now.get().status().name(), payment.startedAt(), null, null, false);
            }
        }
        return TopUp.of(payment);
    }
}
