package fr.marelle.accounts.staff.web;

import fr.marelle.accounts.staff.StaffService;
import fr.marelle.accounts.staff.query.StaffDirectory;
import fr.marelle.accounts.staff.query.StaffDirectory.StaffView;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.Callers;
import fr.marelle.platform.web.RequestValidation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Staff users and their roles: administrators only. */
@RestController
class StaffController {

    record NewStaffMember(@NotBlank(message = "L'adresse e-mail est obligatoire.")
                          @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                                  message = "L'adresse e-mail n'est pas valide.")
                          @Size(max = 254) String email,
                          @NotBlank(message = "Le prénom est obligatoire.") @Size(max = 100) String firstName,
                          @NotBlank(message = "Le nom est obligatoire.") @Size(max = 100) String lastName,
                          @NotNull(message = "Le rôle est obligatoire.") Role role) {
    }

    record RoleChange(@NotNull(message = "Le rôle est obligatoire.") Role role) {
    }

    private final StaffService staff;
    private final StaffDirectory directory;
    private final Validator validator;

    StaffController(StaffService staff, StaffDirectory directory, Validator validator) {
        this.staff = staff;
        this.directory = directory;
        this.validator = validator;
    }

    @GetMapping("/api/staff")
    List<StaffView> all() {
        Callers.require(Role.ADMIN);
        return directory.all();
    }

    @PostMapping("/api/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffService.Invited invite(@RequestBody NewStaffMember request) {
        Callers.require(Role.ADMIN);
        RequestValidation.check(validator, request, List.of());
        return staff.invite(request.email(), request.firstName(), request.lastName(), request.role());
    }

    @PutMapping("/api/staff/{staffId}/role")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeRole(@PathVariable UUID staffId, @RequestBody RoleChange request) {
        Callers.require(Role.ADMIN);
        RequestValidation.check(validator, request, List.of());
        staff.changeRole(staffId, request.role());
    }

    @PostMapping("/api/staff/{staffId}/deactivation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable UUID staffId) {
        Callers.require(Role.ADMIN);
        staff.deactivate(staffId);
    }

    @PostMapping("/api/staff/{staffId}/reactivation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reactivate(@PathVariable UUID staffId) {
        Callers.require(Role.ADMIN);
        staff.reactivate(staffId);
    }

    @PostMapping("/api/staff/{staffId}/second-factor-reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetSecondFactor(@PathVariable UUID staffId) {
        Callers.require(Role.ADMIN);
        staff.resetSecondFactor(staffId);
    }
}
