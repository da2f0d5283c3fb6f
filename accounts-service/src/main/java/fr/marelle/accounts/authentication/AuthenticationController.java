package fr.marelle.accounts.authentication;

import fr.marelle.accounts.authentication.AuthenticationService.EnrolledOutcome;
import fr.marelle.accounts.authentication.AuthenticationService.Enrollment;
import fr.marelle.accounts.authentication.AuthenticationService.LoginOutcome;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Logins, for the gateway only (it calls as itself, with the client's address in its token). */
@RestController
class AuthenticationController {

    record Credentials(@NotBlank(message = "L'adresse e-mail est obligatoire.") @Size(max = 254) String email,
                       @NotBlank(message = "Le mot de passe est obligatoire.") @Size(max = 256) String password) {
    }

    record Code(@NotBlank(message = "La connexion a expiré ; recommencez.") @Size(max = 100) String challenge,
                @NotBlank(message = "Le code est obligatoire.") @Size(max = 20) String code) {
    }

    record Challenge(@NotBlank(message = "La connexion a expiré ; recommencez.") @Size(max = 100) String challenge) {
    }

    private final AuthenticationService authentication;

    private final Validator validator;

    AuthenticationController(AuthenticationService authentication, Validator validator) {
        this.authentication = authentication;
        this.validator = validator;
    }

    @PostMapping("/api/authentication")
    LoginOutcome authenticate(@RequestBody Credentials credentials) {
        Actor gateway = Callers.requireApplication("gateway");
        RequestValidation.check(validator, credentials, List.of());
        return authentication.authenticate(credentials.email(), credentials.password(), gateway.clientIp());
    }

    @PostMapping("/api/authentication/second-factor")
    LoginOutcome secondFactor(@RequestBody Code code) {
        Callers.requireApplication("gateway");
        RequestValidation.check(validator, code, List.of());
        return authentication.verifySecondFactor(code.challenge(), code.code());
    }

    @PostMapping("/api/authentication/second-factor/enrollment")
    Enrollment enroll(@RequestBody Challenge challenge) {
        Callers.requireApplication("gateway");
        RequestValidation.check(validator, challenge, List.of());
        return authentication.startEnrollment(challenge.challenge());
    }

    @PostMapping("/api/authentication/second-factor/enrollment/confirmation")
    EnrolledOutcome confirm(@RequestBody Code code) {
        Callers.requireApplication("gateway");
        RequestValidation.check(validator, code, List.of());
        return authentication.confirmEnrollment(code.challenge(), code.code());
    }
}
