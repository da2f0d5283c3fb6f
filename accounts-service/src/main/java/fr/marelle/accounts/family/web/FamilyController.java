package fr.marelle.accounts.family.web;

import fr.marelle.accounts.family.Address;
import fr.marelle.accounts.family.FamilyService;
import fr.marelle.accounts.family.query.FamilyDirectory;
import fr.marelle.accounts.family.query.FamilyDirectory.FamilyFile;
import fr.marelle.accounts.credentials.CredentialStore;
import fr.marelle.accounts.guardian.web.EmergencyContactsRequest;
import fr.marelle.accounts.guardian.web.ProfileRequest;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Family files: read by the family and by staff; opened, completed and corrected by staff on its behalf. */
@RestController
class FamilyController {

    record AddressRequest(
            @NotBlank(message = "L'adresse est obligatoire.") @Size(max = 200, message = "200 caractères au plus.")
            String addressLine1,
            @Size(max = 200, message = "200 caractères au plus.") String addressLine2,
            @NotBlank(message = "Le code postal est obligatoire.")
            @Pattern(regexp = "^$|^[0-9]{5}$", message = "Le code postal compte 5 chiffres.") String postcode,
            @NotBlank(message = "La ville est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
            String city) {

        Address toAddress() {
            return new Address(addressLine1.strip(), addressLine2 == null || addressLine2.isBlank() ? null
                    : addressLine2.strip(), postcode, city.strip());
        }
    }

    /** Staff open the file of a family that does not use the portal, optionally inviting its guardian to log in. */
    record OpenFamilyRequest(@NotNull(message = "Le responsable légal est obligatoire.") @Valid ProfileRequest guardian,
                             @NotNull(message = "L'adresse est obligatoire.") @Valid AddressRequest address,
                             @Email(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                                     message = "L'adresse e-mail n'est pas valide.")
                             @Size(max = 254, message = "254 caractères au plus.") String loginEmail,
                             boolean inviteToPortal) {
    }

    record AddGuardianRequest(@NotNull(message = "Le responsable légal est obligatoire.") @Valid ProfileRequest guardian,
                              @Email(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                                      message = "L'adresse e-mail n'est pas valide.")
                              @Size(max = 254, message = "254 caractères au plus.") String loginEmail,
                              boolean inviteToPortal) {
    }

    record Opened(UUID familyId, UUID guardianId) {
    }

    record SearchResult(UUID familyId, UUID guardianId, String firstName, String lastName, String loginEmail,
                        String mainPhone, String status) {
    }

    private final FamilyService families;
    private final FamilyDirectory directory;
    private final CredentialStore credentials;
    private final Validator validator;

    FamilyController(FamilyService families, FamilyDirectory directory, CredentialStore credentials,
                     Validator validator) {
        this.families = families;
        this.directory = directory;
        this.credentials = credentials;
        this.validator = validator;
    }

    @PostMapping("/api/families")
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(@RequestBody OpenFamilyRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        RequestValidation.check(validator, request, invitationNeedsAnEmail(request.inviteToPortal(),
                request.loginEmail()));
        FamilyService.Opened opened = families.openOffline(request.guardian().toProfile(),
                request.address().toAddress(), request.guardian().caf(), request.guardian().quotientFamilial(),
                blankToNull(request.loginEmail()), request.inviteToPortal());
        return new Opened(opened.familyId(), opened.guardianId());
    }

    @GetMapping("/api/families")
    List<SearchResult> search(@RequestParam(name = "q", required = false) String query,
                              @RequestParam(name = "limit", defaultValue = "50") int limit) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        return directory.search(query, Math.min(Math.max(limit, 1), 200)).stream()
                .map(g -> new SearchResult(g.familyId(), g.guardianId(), g.firstName(), g.lastName(), g.loginEmail(),
                        g.mainPhone(), g.status()))
                .toList();
    }

    /**
     * How many families one call may name: a page of a staff list. Their ids (40 bytes each in the query) keep the
     * request well under the server's 8 KB of request line and headers.
     */
    static final int NAMES_MAX = 100;

    /** The name of each family of a staff list, in one call (unknown ids are left out). */
    @GetMapping("/api/families/names")
    List<FamilyName> names(@RequestParam(name = "id", required = false) List<UUID> ids) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        List<UUID> asked = ids == null ? List.of() : ids.stream().distinct().toList();
        if (asked.size() > NAMES_MAX) {
            throw DomainException.invalid("TOO_MANY_FAMILIES", "Au plus " + NAMES_MAX + " familles par demande.",
                    List.of(new FieldViolation("id", "MAX_" + NAMES_MAX,
                            "Au plus " + NAMES_MAX + " identifiants de famille.")));
        }
        return directory.namesOf(asked).entrySet().stream()
                .map(name -> new FamilyName(name.getKey(), name.getValue())).toList();
    }

    record FamilyName(UUID familyId, String familyName) {
    }

    @GetMapping("/api/families/{familyId}")
    FamilyFile get(@PathVariable UUID familyId) {
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        UUID scope = UUID.fromString(Callers.familyScope(familyId.toString()));
        return directory.family(scope).orElseThrow(FamilyController::familyNotFound);
    }

    /** Only staff change an address once the file is open. */
    @PutMapping("/api/families/{familyId}/address")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeAddress(@PathVariable UUID familyId, @RequestBody AddressRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        RequestValidation.check(validator, request, List.of());
        families.changeAddress(familyId, request.toAddress());
    }

    @PutMapping("/api/families/{familyId}/emergency-contacts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void saveContacts(@PathVariable UUID familyId, @RequestBody EmergencyContactsRequest request) {
        UUID scope = UUID.fromString(Callers.familyScope(familyId.toString()));
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        RequestValidation.check(validator, request, List.of());
        families.saveEmergencyContacts(scope, request.toContacts());
    }

    /** Staff, on the family's behalf, save a guardian's profile page. */
    @PutMapping("/api/families/{familyId}/guardians/{guardianId}/profile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void saveProfile(@PathVariable UUID familyId, @PathVariable UUID guardianId,
                     @RequestBody ProfileRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        guardianOf(familyId, guardianId);
        RequestValidation.check(validator, request, List.of());
        families.saveProfile(familyId, guardianId, request.toProfile(), request.newsletterConsent(), request.caf(),
                request.quotientFamilial());
    }

    @PostMapping("/api/families/{familyId}/guardians")
    @ResponseStatus(HttpStatus.CREATED)
    Opened addGuardian(@PathVariable UUID familyId, @RequestBody AddGuardianRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        RequestValidation.check(validator, request, invitationNeedsAnEmail(request.inviteToPortal(),
                request.loginEmail()));
        UUID guardianId = families.addGuardian(familyId, request.guardian().toProfile(),
                blankToNull(request.loginEmail()), request.inviteToPortal());
        return new Opened(familyId, guardianId);
    }

    /** The guardian belongs to the family (read from the logins, which are never behind). */
    private void guardianOf(UUID familyId, UUID guardianId) {
        credentials.byId(guardianId).filter(c -> familyId.equals(c.familyId()))
                .orElseThrow(() -> DomainException.notFound("GUARDIAN_NOT_FOUND", "Responsable introuvable."));
    }

    private static List<FieldViolation> invitationNeedsAnEmail(boolean invite, String email) {
        List<FieldViolation> violations = new ArrayList<>();
        if (invite && (email == null || email.isBlank())) {
            violations.add(new FieldViolation("loginEmail", "REQUIRED",
                    "L'adresse e-mail est obligatoire pour inviter le responsable à se connecter."));
        }
        return violations;
    }

    static DomainException familyNotFound() {
        return DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
