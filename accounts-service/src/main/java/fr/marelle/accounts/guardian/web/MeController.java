package fr.marelle.accounts.guardian.web;

import fr.marelle.accounts.credentials.Credential;
import fr.marelle.accounts.credentials.CredentialStore;
import fr.marelle.accounts.credentials.PasswordPolicy;
import fr.marelle.accounts.family.FamilyService;
import fr.marelle.accounts.family.query.FamilyDirectory;
import fr.marelle.accounts.guardian.AccountStatus;
import fr.marelle.accounts.guardian.GuardianAccountService;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The logged-in user's own account: "Mon profil" (screen 7) and "Mon compte" (screen 9). */
@RestController
class MeController {

    record Me(UUID userId, String kind, String role, String status, String displayName, String loginEmail,
              String language, UUID familyId, FamilyDirectory.GuardianView guardian) {
    }

    record PasswordChange(String currentPassword, String newPassword, String newPasswordConfirmation) {
    }

    record EmailChange(@NotBlank(message = "La nouvelle adresse e-mail est obligatoire.")
                       @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "L'adresse e-mail n'est pas valide.")
                       @Size(max = 254, message = "254 caractères au plus.") String newEmail,
                       @NotBlank(message = "Le mot de passe actuel est obligatoire.") String currentPassword) {
    }

    private final CredentialStore credentials;
    private final FamilyDirectory directory;
    private final FamilyService families;
    private final GuardianAccountService accounts;
    private final Validator validator;

    MeController(CredentialStore credentials, FamilyDirectory directory, FamilyService families,
                 GuardianAccountService accounts, Validator validator) {
        this.credentials = credentials;
        this.directory = directory;
        this.families = families;
        this.accounts = accounts;
        this.validator = validator;
    }

    @GetMapping("/api/me")
    Me me() {
        Credential login = current();
        return new Me(login.userId(), login.kind(), login.role(), login.status(), login.displayName(),
                login.loginEmail(), login.language(), login.familyId(),
                login.isStaff() ? null : directory.guardian(login.userId()).orElse(null));
    }

    /** Reachable while the account waits for its activation, as the profile is. */
    @PutMapping("/api/me/profile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void saveProfile(@RequestBody ProfileRequest request) {
        Credential login = current();
        if (login.isStaff() || login.familyId() == null) {
            throw DomainException.forbidden("FORBIDDEN_ROLE", "Votre rôle ne permet pas cette action.");
        }
        RequestValidation.check(validator, request, List.of());
        families.saveProfile(login.familyId(), login.userId(), request.toProfile(), request.newsletterConsent(),
                request.caf(), request.quotientFamilial());
    }

    /**
     * The caller's family file, by their login (reachable before activation, when the token carries no family yet):
     * the profile page shows the address, the CAF information and the emergency contacts.
     */
    @GetMapping("/api/me/family")
    FamilyDirectory.FamilyFile family() {
        Credential login = current();
        if (login.isStaff() || login.familyId() == null) {
            throw DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
        }
        return directory.family(login.familyId())
                .orElseThrow(() -> DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable."));
    }

    /** The emergency contacts of the caller's family, by their login (also before activation). */
    @PutMapping("/api/me/emergency-contacts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void saveContacts(@RequestBody EmergencyContactsRequest request) {
        Credential login = current();
        if (login.isStaff() || login.familyId() == null) {
            throw DomainException.forbidden("FORBIDDEN_ROLE", "Votre rôle ne permet pas cette action.");
        }
        RequestValidation.check(validator, request, List.of());
        families.saveEmergencyContacts(login.familyId(), request.toContacts());
    }

    @PostMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange request) {
        Credential login = current();
        List<FieldViolation> violations = new ArrayList<>();
        if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
            violations.add(new FieldViolation("currentPassword", "REQUIRED",
                    "Le mot de passe actuel est obligatoire."));
        }
        PasswordPolicy.check("newPassword", request.newPassword()).ifPresent(violations::add);
        if (request.newPassword() != null && !request.newPassword().isEmpty()
                && !Objects.equals(request.newPassword(), request.newPasswordConfirmation())) {
            violations.add(new FieldViolation("newPasswordConfirmation", "PASSWORDS_DIFFER",
                    "Les deux mots de passe ne sont pas identiques."));
        }
        RequestValidation.check(validator, request, violations);
        accounts.changePassword(login.userId(), request.currentPassword(), request.newPassword());
    }

    @PostMapping("/api/me/email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void changeEmail(@RequestBody EmailChange request) {
        Credential login = current();
        RequestValidation.check(validator, request, List.of());
        accounts.requestEmailChange(login.userId(), request.newEmail(), request.currentPassword());
    }

    @PostMapping("/api/me/email-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resendVerification() {
        Actor actor = Callers.require(Role.PARENT);
        accounts.resendVerification(UUID.fromString(actor.id()));
    }

    /**
     * The caller's own login. A parent registered with an address already known has a session but no account: they
     * get a 404 here, as they would for anything else.
     */
    private Credential current() {
        Actor actor = Callers.current();
        if (actor.role() == Role.SYSTEM) {
            throw DomainException.forbidden("FORBIDDEN_ROLE", "Votre rôle ne permet pas cette action.");
        }
        UUID userId;
        try {
            userId = UUID.fromString(actor.id());
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("ACCOUNT_NOT_FOUND", "Compte introuvable.");
        }
        return credentials.byId(userId).filter(c -> !AccountStatus.NO_LOGIN.name().equals(c.status()))
                .orElseThrow(() -> DomainException.notFound("ACCOUNT_NOT_FOUND", "Compte introuvable."));
    }
}
