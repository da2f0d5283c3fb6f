package fr.marelle.accounts.authentication;

import fr.marelle.accounts.authentication.AuthenticationService.EnrolledOutcome;
import fr.marelle.accounts.authentication.AuthenticationService.Enrollment;
import fr.marelle.accounts.authentication.AuthenticationService.LoginOutcome;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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

    AuthenticationController(AuthenticationService authentication) {
        this.authentication = authentication;
    }

    @PostMapping("/api/authentication")
    LoginOutcome authenticate(@Valid @RequestBody Credentials credentials) {
        Actor gateway = Callers.requireApplication("gateway");
        return authentication.authenticate(credentials.email(), credentials.password(), gateway.clientIp());
    }

    @PostMapping("/api/authentication/second-factor")
    LoginOutcome secondFactor(@Valid @RequestBody Code code) {
        Callers.requireApplication("gateway");
        return authentication.verifySecondFactor(code.challenge(), code.code());
    }

    @PostMapping("/api/authentication/second-factor/enrollment")
    Enrollment enroll(@Valid @RequestBody Challenge challenge) {
        Callers.requireApplication("gateway");
        return authentication.startEnrollment(challenge.challenge());
    }

    @PostMapping("/api/authentication/second-factor/enrollment/confirmation")
    EnrolledOutcome confirm(@Valid @RequestBody Code code) {
        Callers.requireApplication("gateway");
        return authentication.confirmEnrollment(code.challenge(), code.code());
    }
}
