package fr.marelle.gateway.web.forms;

import fr.marelle.gateway.services.accounts.AccountsClient.FamilyFile;
import fr.marelle.gateway.services.accounts.AccountsClient.Guardian;
import fr.marelle.platform.validation.PhoneNumbers;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A guardian's profile as "Mon profil" shows it (screen 7), and as staff edit it on the family's behalf: everything
 * but the address and the login address. Fields are public: a form-backing object bound by field
 * ({@code initDirectFieldAccess}), values as typed.
 */
public class ProfileForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public String civility = "";
    public String firstName = "";
    public String lastName = "";
    public String mainPhone = "";
    public String secondaryPhone = "";
    public String notificationEmail = "";
    public String secondaryEmail = "";
    public String cafNumber = "";
    public String quotientFamilial = "";
    public boolean newsletterConsent;
    public String language = "fr";

    public static ProfileForm of(Guardian guardian, FamilyFile family) {
        ProfileForm form = new ProfileForm();
        if (guardian != null) {
            form.civility = orEmpty(guardian.civility());
            form.firstName = orEmpty(guardian.firstName());
            form.lastName = orEmpty(guardian.lastName());
            form.mainPhone = national(guardian.mainPhone());
            form.secondaryPhone = national(guardian.secondaryPhone());
            form.notificationEmail = orEmpty(guardian.notificationEmail());
            form.secondaryEmail = orEmpty(guardian.secondaryEmail());
            form.newsletterConsent = guardian.newsletterConsent();
            form.language = guardian.language() == null ? "fr" : guardian.language();
        }
        if (family != null) {
            form.cafNumber = orEmpty(family.cafNumber());
            form.quotientFamilial = family.quotientFamilial() == null ? "" : family.quotientFamilial().toString();
        }
        return form;
    }

    /** The gateway's own checks; {@code prefix} is how the page names this part ({@code ""} or {@code "guardian."}). */
    public Integer check(FormErrors errors, String prefix) {
        errors.required(prefix + "firstName", firstName, "error.firstName.required");
        errors.maxLength(prefix + "firstName", firstName, 100);
        errors.required(prefix + "lastName", lastName, "error.lastName.required");
        errors.maxLength(prefix + "lastName", lastName, 100);
        if (errors.required(prefix + "mainPhone", mainPhone, "error.mainPhone.required")) {
            errors.phone(prefix + "mainPhone", mainPhone);
        }
        errors.phone(prefix + "secondaryPhone", secondaryPhone);
        errors.email(prefix + "notificationEmail", notificationEmail);
        errors.email(prefix + "secondaryEmail", secondaryEmail);
        errors.cafNumber(prefix + "cafNumber", cafNumber);
        return errors.quotientFamilial(prefix + "quotientFamilial", quotientFamilial);
    }

    /** The body of {@code PUT /api/me/profile} and of its staff equivalent. */
    public Map<String, Object> toRequest(Integer quotient) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("civility", blankToNull(civility));
        request.put("firstName", strip(firstName));
        request.put("lastName", strip(lastName));
        request.put("mainPhone", strip(mainPhone));
        request.put("secondaryPhone", blankToNull(secondaryPhone));
        request.put("notificationEmail", blankToNull(notificationEmail));
        request.put("secondaryEmail", blankToNull(secondaryEmail));
        request.put("cafNumber", blankToNull(cafNumber));
        request.put("quotientFamilial", quotient);
        request.put("newsletterConsent", newsletterConsent);
        request.put("language", "en".equals(language) ? "en" : "fr");
        return request;
    }

    static String national(String e164) {
        return e164 == null || e164.isBlank() ? "" : PhoneNumbers.toNational(e164);
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
