package fr.marelle.accounts.registration;

import fr.marelle.accounts.credentials.PasswordPolicy;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Registrations from the portal's form, through the gateway. */
@RestController
class RegistrationController {

    private final RegistrationService registrations;
    private final Validator validator;

    RegistrationController(RegistrationService registrations, Validator validator) {
        this.registrations = registrations;
        this.validator = validator;
    }

    @PostMapping("/api/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationService.Registered register(@RequestBody RegistrationRequest request) {
        Actor gateway = Callers.requireApplication("gateway");
        List<FieldViolation> more = new ArrayList<>();
        String local = request.email() == null ? null : request.email().split("@")[0];
        PasswordPolicy.check("password", request.password(), local, request.firstName(), request.lastName())
                .ifPresent(more::add);
        if (request.password() != null && !request.password().isEmpty()
                && !Objects.equals(request.password(), request.passwordConfirmation())) {
            more.add(new FieldViolation("passwordConfirmation", "PASSWORDS_DIFFER",
                    "Les deux mots de passe ne sont pas identiques."));
        }
        RequestValidation.check(validator, request, more);
        return registrations.register(request, gateway.clientIp());
    }
}
