package fr.marelle.accounts.guardian.web;

import fr.marelle.accounts.guardian.Civility;
import fr.marelle.accounts.guardian.GuardianProfile;
import fr.marelle.platform.validation.FrenchPhone;
import fr.marelle.platform.validation.PhoneNumbers;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** "Mon profil" (screen 7): everything but the address and the login email. */
public record ProfileRequest(
        Civility civility,
        @NotBlank(message = "Le prénom est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
        String firstName,
        @NotBlank(message = "Le nom est obligatoire.") @Size(max = 100, message = "100 caractères au plus.")
        String lastName,
        @NotBlank(message = "Le téléphone principal est obligatoire.") @FrenchPhone String mainPhone,
        @FrenchPhone String secondaryPhone,
        @Email(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "L'adresse e-mail n'est pas valide.")
        @Size(max = 254, message = "254 caractères au plus.") String notificationEmail,
        @Email(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "L'adresse e-mail n'est pas valide.")
        @Size(max = 254, message = "254 caractères au plus.") String secondaryEmail,
        @Pattern(regexp = "^$|^[0-9]{7}$", message = "Le numéro d'allocataire CAF compte 7 chiffres, sans la lettre.")
        String cafNumber,
        @PositiveOrZero(message = "Le quotient familial est un nombre entier positif.")
        @Max(value = 99_999, message = "Le quotient familial est un nombre entier positif.")
        Integer quotientFamilial,
        boolean newsletterConsent,
        @Pattern(regexp = "^(fr|en)?$", message = "Langue : fr ou en.") String language) {

    public GuardianProfile toProfile() {
        return new GuardianProfile(civility, firstName.strip(), lastName.strip(),
                PhoneNumbers.toE164(mainPhone).orElseThrow(), PhoneNumbers.toE164(secondaryPhone).orElse(null),
                blankToNull(notificationEmail), blankToNull(secondaryEmail),
                language == null || language.isBlank() ? "fr" : language);
    }

    public String caf() {
        return blankToNull(cafNumber);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
