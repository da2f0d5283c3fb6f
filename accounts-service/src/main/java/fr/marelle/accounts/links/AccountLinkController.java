package fr.marelle.accounts.links;

import fr.marelle.accounts.credentials.AccountLinks;
import fr.marelle.accounts.credentials.LinkPurpose;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Single-use links, minted when notification-service writes the email that carries them: the token exists only in
 * this answer and in the email, never in an event, a Kafka record or a log line. Only notification-service may ask.
 */
@RestController
class AccountLinkController {

    record LinkRequest(@NotBlank @Size(max = 64) String requestId) {
    }

    record Link(String url, Instant expiresAt) {
    }

    private final AccountLinks links;
    private final String portalUrl;

    private final Validator validator;

    AccountLinkController(AccountLinks links, @Value("${marelle.portal.url}") String portalUrl, Validator validator) {
        this.links = links;
        this.validator = validator;
        this.portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }

    @PostMapping("/api/account-links")
    @Transactional
    Link mint(@RequestBody LinkRequest request) {
        Callers.requireApplication("notification");
        RequestValidation.check(validator, request, List.of());
        AccountLinks.Request pending = links.pending(request.requestId())
                .filter(r -> r.purpose().path() != null)
                .orElseThrow(() -> DomainException.rule("LINK_EXPIRED_OR_USED",
                        "Ce lien n'est plus valable : il a déjà servi ou il a expiré."));
        String token = links.mint(pending.requestId());
        return new Link(portalUrl + pending.purpose().path() + "?jeton=" + token, pending.expiresAt());
    }
}
