package fr.marelle.accounts.guardian.web;

import fr.marelle.accounts.credentials.AccountLinks;
import fr.marelle.accounts.credentials.LinkPurpose;
import fr.marelle.accounts.credentials.PasswordPolicy;
import fr.marelle.accounts.guardian.GuardianAccountService;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What arrives through the gateway from emailed links (address confirmation, password reset, invitation, address
 * change) and the "forgotten password" form. The gateway calls as itself: the user is not logged in.
 */
@RestController
class LoginLinksController {

    record Token(@NotBlank(message = "Ce lien n'est pas complet.") @Size(max = 100) String token) {
    }

    record TokenCheck(@NotBlank @Size(max = 100) String token, LinkPurpose purpose) {
    }

    record ResetRequest(@NotBlank(message = "L'adresse e-mail est obligatoire.")
                        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "L'adresse e-mail n'est pas valide.")
                        @Size(max = 254) String email) {
    }

    record NewPassword(@NotBlank(message = "Ce lien n'est pas complet.") @Size(max = 100) String token,
                       String password, String passwordConfirmation) {
    }

    record Done(UUID userId) {
    }

    private final GuardianAccountService accounts;
    private final AccountLinks links;
    private final Validator validator;

    LoginLinksController(GuardianAccountService accounts, AccountLinks links, Validator validator) {
        this.accounts = accounts;
        this.links = links;
        this.validator = validator;
    }

    /** Whether a link can still be used, to show its form or say it has expired. Nothing is consumed. */
    @PostMapping("/api/link-checks")
    @Transactional
    Map<String, Boolean> check(@RequestBody TokenCheck check) {
        Callers.requireApplication("gateway");
        boolean valid = check.purpose() != null && check.purpose() != LinkPurpose.LOGIN_CHALLENGE
                && links.find(check.token(), check.purpose()).isPresent();
        return Map.of("valid", valid);
    }

    @PostMapping("/api/email-verifications")
    Done verify(@RequestBody Token token) {
        Callers.requireApplication("gateway");
        RequestValidation.check(validator, token, List.of());
        return new Done(accounts.verifyEmail(token.token()));
    }

    @PostMapping("/api/password-resets")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@RequestBody ResetRequest request) {
        var gateway = Callers.requireApplication("gateway");
        RequestValidation.check(validator, request, List.of());
        accounts.requestPasswordReset(request.email(), gateway.clientIp());
    }

    @PostMapping("/api/password-resets/completion")
    Done completeReset(@RequestBody NewPassword request) {
        Callers.requireApplication("gateway");
        RequestValidation.check(validator, request, confirmation(request));
        return new Done(accounts.completePasswordReset(request.token(), request.password()));
    }

    @PostMapping("/api/invitations/acceptance")
    Done acceptInvitation(@RequestBody NewPassword request) {
        Callers.requireApplication("gateway");
        RequestValidation.check(validator, request, confirmation(request));
        return new Done(accounts.acceptInvitation(request.token(), request.password()));
    }

    @PostMapping("/api/email-changes/confirmation")
    Done confirmEmailChange(@RequestBody Token token) {
        Callers.requireApplication("gateway");
        RequestValidation.check(validator, token, List.of());
        return new Done(accounts.confirmEmailChange(token.token()));
    }

    /** The policy is checked again with the account's own words once the account is known. */
    private static List<FieldViolation> confirmation(NewPassword request) {
        List<FieldViolation> violations = new ArrayList<>();
        PasswordPolicy.check("password", request.password()).ifPresent(violations::add);
        if (request.password() != null && !request.password().isEmpty()
                && !Objects.equals(request.password(), request.passwordConfirmation())) {
            violations.add(new FieldViolation("passwordConfirmation", "PASSWORDS_DIFFER",
                    "Les deux mots de passe ne sont pas identiques."));
        }
        return violations;
    }
}
