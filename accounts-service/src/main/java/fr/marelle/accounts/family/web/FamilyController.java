package fr.marelle.accounts.family.web;

import fr.marelle.accounts.family.Address;
import fr.marelle.accounts.family.Civility;
import fr.marelle.accounts.family.FamilyCommands.OpenFamilyFile;
import fr.marelle.accounts.family.FamilyId;
import fr.marelle.accounts.family.GuardianId;
import fr.marelle.accounts.family.query.FamilyDirectory;
import fr.marelle.accounts.family.query.FamilyDirectory.FamilySummary;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.validation.FrenchPhone;
import fr.marelle.platform.validation.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Family files: opened by staff for families without internet, read by staff and by the family itself. */
@RestController
class FamilyController {

    record OpenFamilyFileRequest(
            Civility civility,
            @NotBlank(message = "Le prénom est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
            String firstName,
            @NotBlank(message = "Le nom est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
            String lastName,
            @NotBlank(message = "L'adresse e-mail est obligatoire.")
            @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "L'adresse e-mail n'est pas valide.")
            @Size(max = 254, message = "254 caractères au plus.")
            String email,
            @NotBlank(message = "Le téléphone est obligatoire.") @FrenchPhone String phone,
            @NotBlank(message = "L'adresse est obligatoire.") @Size(max = 200, message = "200 caractères au plus.")
            String addressLine1,
            @Size(max = 200, message = "200 caractères au plus.") String addressLine2,
            @NotBlank(message = "Le code postal est obligatoire.")
            @Pattern(regexp = "^$|^[0-9]{5}$", message = "Le code postal compte 5 chiffres.") String postcode,
            @NotBlank(message = "La ville est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
            String city,
            @Pattern(regexp = "^(fr|en)?$", message = "Langue : fr ou en.") String language) {
    }

    record FamilyCreated(UUID familyId, UUID guardianId) {
    }

    private final CommandGateway commands;
    private final FamilyDirectory directory;

    FamilyController(CommandGateway commands, FamilyDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @PostMapping("/api/families")
    @ResponseStatus(HttpStatus.CREATED)
    FamilyCreated open(@Valid @RequestBody OpenFamilyFileRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        FamilyId familyId = FamilyId.random();
        GuardianId guardianId = GuardianId.random();
        commands.sendAndWait(new OpenFamilyFile(familyId, guardianId, request.civility(), request.firstName(),
                request.lastName(), request.email(), PhoneNumbers.toE164(request.phone()).orElseThrow(),
                new Address(request.addressLine1().strip(), blankToNull(request.addressLine2()),
                        request.postcode(), request.city().strip()),
                request.language() == null || request.language().isBlank() ? "fr" : request.language()));
        return new FamilyCreated(familyId.value(), guardianId.value());
    }

    @GetMapping("/api/families")
    List<FamilySummary> search(@RequestParam(name = "q", required = false) String query,
                               @RequestParam(name = "limit", defaultValue = "50") int limit) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        return directory.search(query, Math.min(Math.max(limit, 1), 200));
    }

    @GetMapping("/api/families/{familyId}")
    FamilySummary get(@PathVariable UUID familyId) {
        String scope = Callers.familyScope(familyId.toString());
        return directory.find(UUID.fromString(scope))
                .orElseThrow(() -> DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable."));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
