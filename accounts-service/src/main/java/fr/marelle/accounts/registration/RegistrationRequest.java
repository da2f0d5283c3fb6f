package fr.marelle.accounts.registration;

import fr.marelle.accounts.guardian.Civility;
import fr.marelle.platform.validation.FrenchPhone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Every field of the registration form (screen 4); mandatory ones are marked so in the form. */
public record RegistrationRequest(
        Civility civility,
        @NotBlank(message = "Le prénom est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
        String firstName,
        @NotBlank(message = "Le nom est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
        String lastName,
        @NotBlank(message = "Le téléphone principal est obligatoire.") @FrenchPhone String mainPhone,
        @FrenchPhone String secondaryPhone,
        @NotBlank(message = "L'adresse est obligatoire.") @Size(max = 200, message = "200 caractères au plus.")
        String addressLine1,
        @Size(max = 200, message = "200 caractères au plus.") String addressLine2,
        @NotBlank(message = "Le code postal est obligatoire.")
        @Pattern(regexp = "^$|^[0-9]{5}$", message = "Le code postal compte 5 chiffres.") String postcode,
        @NotBlank(message = "La ville est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
        String city,
        @Pattern(regexp = "^$|^[0-9]{7}$", message = "Le numéro d'allocataire CAF compte 7 chiffres, sans la lettre.")
        String cafNumber,
        @PositiveOrZero(message = "Le quotient familial est un nombre entier positif.")
        @Max(value = 99_999, message = "Le quotient familial est un nombre entier positif.")
        Integer quotientFamilial,
        boolean newsletterConsent,
        @NotBlank(message = "L'adresse e-mail est obligatoire.")
        @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "L'adresse e-mail n'est pas valide.")
        @Size(max = 254, message = "254 caractères au plus.")
        String email,
        String password,
        String passwordConfirmation,
        @Pattern(regexp = "^(fr|en)?$", message = "Langue : fr ou en.") String language) {
}
