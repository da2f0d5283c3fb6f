package fr.marelle.gateway.web.forms;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every field of the registration form (screen 4). Passwords are never shown again. */
public class RegistrationForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public String civility = "";
    public String firstName = "";
    public String lastName = "";
    public String mainPhone = "";
    public String secondaryPhone = "";
    public String addressLine1 = "";
    public String addressLine2 = "";
    public String postcode = "";
    public String city = "";
    public String cafNumber = "";
    public String quotientFamilial = "";
    public boolean newsletterConsent;
    public String email = "";
    public String password = "";
    public String passwordConfirmation = "";
    public String language = "fr";

    public Integer check(FormErrors errors) {
        errors.required("firstName", firstName, "error.firstName.required");
        errors.maxLength("firstName", firstName, 100);
        errors.required("lastName", lastName, "error.lastName.required");
        errors.maxLength("lastName", lastName, 100);
        if (errors.required("mainPhone", mainPhone, "error.mainPhone.required")) {
            errors.phone("mainPhone", mainPhone);
        }
        errors.phone("secondaryPhone", secondaryPhone);
        AddressForm address = new AddressForm();
        address.addressLine1 = addressLine1;
        address.addressLine2 = addressLine2;
        address.postcode = postcode;
        address.city = city;
        address.check(errors, "");
        errors.cafNumber("cafNumber", cafNumber);
        Integer quotient = errors.quotientFamilial("quotientFamilial", quotientFamilial);
        if (errors.required("email", email, "error.email.required")) {
            errors.email("email", email);
        }
        errors.required("password", password, "error.password.required");
        if (errors.required("passwordConfirmation", passwordConfirmation, "error.passwordConfirmation.required")) {
            errors.sameAs("passwordConfirmation", passwordConfirmation, password);
        }
        return quotient;
    }

    public Map<String, Object> toRequest(Integer quotient) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("civility", ProfileForm.blankToNull(civility));
        request.put("firstName", ProfileForm.strip(firstName));
        request.put("lastName", ProfileForm.strip(lastName));
        request.put("mainPhone", ProfileForm.strip(mainPhone));
        request.put("secondaryPhone", ProfileForm.blankToNull(secondaryPhone));
        request.put("addressLine1", ProfileForm.strip(addressLine1));
        request.put("addressLine2", ProfileForm.blankToNull(addressLine2));
        request.put("postcode", ProfileForm.strip(postcode));
        request.put("city", ProfileForm.strip(city));
        request.put("cafNumber", ProfileForm.blankToNull(cafNumber));
        request.put("quotientFamilial", quotient);
        request.put("newsletterConsent", newsletterConsent);
        request.put("email", ProfileForm.strip(email));
        request.put("password", password);
        request.put("passwordConfirmation", passwordConfirmation);
        request.put("language", "en".equals(language) ? "en" : "fr");
        return request;
    }

    /** What is shown again after an error: everything but the passwords. */
    public RegistrationForm withoutPasswords() {
        password = "";
        passwordConfirmation = "";
        return this;
    }
}
