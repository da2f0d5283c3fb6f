package fr.marelle.accounts.guardian.web;

import fr.marelle.accounts.family.FamilyService;
import fr.marelle.accounts.family.query.FamilyDirectory;
import fr.marelle.accounts.family.query.FamilyDirectory.GuardianView;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Staff: accounts waiting for activation, activation, refusal with a reason, invitations to log in. */
@RestController
class GuardianAdminController {

    record Refusal(@NotBlank(message = "Indiquez le motif du refus.")
                   @Size(max = 1000, message = "1000 caractères au plus.") String reason) {
    }

    record Invitation(@NotBlank(message = "L'adresse e-mail est obligatoire.")
                      @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "L'adresse e-mail n'est pas valide.")
                      @Size(max = 254) String email) {
    }

    private final FamilyService families;
    private final FamilyDirectory directory;
    private final Validator validator;

    GuardianAdminController(FamilyService families, FamilyDirectory directory, Validator validator) {
        this.families = families;
        this.directory = directory;
        this.validator = validator;
    }

    @GetMapping("/api/guardians/awaiting-activation")
    List<GuardianView> awaiting() {
        Callers.require(Role.ADMIN, Role.AGENT);
        return directory.awaitingActivation();
    }

    @PostMapping("/api/guardians/{guardianId}/activation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void activate(@PathVariable UUID guardianId) {
        Callers.require(Role.ADMIN);
        families.activate(guardianId);
    }

    @PostMapping("/api/guardians/{guardianId}/refusal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void refuse(@PathVariable UUID guardianId, @RequestBody Refusal refusal) {
        Callers.require(Role.ADMIN);
        RequestValidation.check(validator, refusal, List.of());
        families.refuse(guardianId, refusal.reason());
    }

    @PostMapping("/api/guardians/{guardianId}/invitation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void invite(@PathVariable UUID guardianId, @RequestBody Invitation invitation) {
        Callers.require(Role.ADMIN, Role.AGENT);
        RequestValidation.check(validator, invitation, List.of());
        families.inviteToLogIn(guardianId, invitation.email());
    }
}
