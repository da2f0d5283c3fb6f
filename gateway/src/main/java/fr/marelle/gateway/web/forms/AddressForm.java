package fr.marelle.gateway.web.forms;

import fr.marelle.gateway.services.accounts.AccountsClient.FamilyFile;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** A family's address: given at registration, then changed by staff only. */
public class AddressForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public String addressLine1 = "";
    public String addressLine2 = "";
    public String postcode = "";
    public String city = "";

    public static AddressForm of(FamilyFile family) {
        AddressForm form = new AddressForm();
        form.addressLine1 = ProfileForm.orEmpty(family.addressLine1());
        form.addressLine2 = ProfileForm.orEmpty(family.addressLine2());
        form.postcode = ProfileForm.orEmpty(family.postcode());
        form.city = ProfileForm.orEmpty(family.city());
        return form;
    }

    public void check(FormErrors errors, String prefix) {
        errors.required(prefix + "addressLine1", addressLine1, "error.addressLine1.required");
        errors.maxLength(prefix + "addressLine1", addressLine1, 200);
        errors.maxLength(prefix + "addressLine2", addressLine2, 200);
        if (errors.required(prefix + "postcode", postcode, "error.postcode.required")) {
            errors.postcode(prefix + "postcode", postcode);
        }
        errors.required(prefix + "city", city, "error.city.required");
        errors.maxLength(prefix + "city", city, 100);
    }

    public Map<String, Object> toRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("addressLine1", ProfileForm.strip(addressLine1));
        request.put("addressLine2", ProfileForm.blankToNull(addressLine2));
        request.put("postcode", ProfileForm.strip(postcode));
        request.put("city", ProfileForm.strip(city));
        return request;
    }
}
