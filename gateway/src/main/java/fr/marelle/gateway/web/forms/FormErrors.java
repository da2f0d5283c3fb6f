package fr.marelle.gateway.web.forms;

import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.platform.validation.PhoneNumbers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The errors of a form, by field (its name as posted, e.g. {@code guardian.postcode} or {@code contacts[1].phone},
 * which is also how services name it), each shown next to its field and listed in the summary at the top of the
 * page. The gateway checks what it can before calling a service (what cannot even be sent, like a quotient
 * familial that is not a number, and the obvious) with the same rules and words as the services; the services check
 * everything again and their field errors join these.
 */
public final class FormErrors {

    static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    static final Pattern CAF_NUMBER = Pattern.compile("[0-9]{7}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    static final int MAX_QUOTIENT_FAMILIAL = 99_999;

    private final Texts texts;
    private final Map<String, String> errors = new LinkedHashMap<>();

    FormErrors(Texts texts) {
        this.texts = texts;
    }

    /** The field's error, in the visitor's language, unless it already has one. */
    public FormErrors reject(String field, String key, Object... arguments) {
        errors.putIfAbsent(field, texts.get(key, arguments));
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean required(String field, String value, String key) {
        if (isBlank(value)) {
            reject(field, key);
            return false;
        }
        return true;
    }

    public void maxLength(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            reject(field, "error.maxLength", max);
        }
    }

    public void email(String field, String value) {
        if (!isBlank(value) && (!EMAIL.matcher(value.strip()).matches() || value.strip().length() > 254)) {
            reject(field, "error.email.invalid");
        }
    }

    public void phone(String field, String value) {
        if (!isBlank(value) && PhoneNumbers.toE164(value).isEmpty()) {
            reject(field, "error.phone.invalid");
        }
    }

    public void postcode(String field, String value) {
        if (!isBlank(value) && !POSTCODE.matcher(value.strip()).matches()) {
            reject(field, "error.postcode.invalid");
        }
    }

    public void cafNumber(String field, String value) {
        if (!isBlank(value) && !CAF_NUMBER.matcher(value.strip()).matches()) {
            reject(field, "error.cafNumber.invalid");
        }
    }

    /** A quotient familial as typed: empty, or a whole number of euros from 0 to 99 999. */
    public Integer quotientFamilial(String field, String value) {
        if (isBlank(value)) {
            return null;
        }
        String typed = value.strip().replace(" ", "").replace("\u00a0", "");
        if (!INTEGER.matcher(typed).matches()) {
            reject(field, "error.quotientFamilial.invalid");
            return null;
        }
        int quotient = Integer.parseInt(typed);
        if (quotient < 0 || quotient > MAX_QUOTIENT_FAMILIAL) {
            reject(field, "error.quotientFamilial.invalid");
            return null;
        }
        return quotient;
    }

    public void sameAs(String field, String value, String other) {
        if (!isBlank(value) && !value.equals(other)) {
            reject(field, "error.password.differ");
        }
    }

    /** A service's field errors, under the names it gave them (the form's own). */
    public FormErrors add(ServiceProblem problem) {
        problem.fields().forEach((field, error) -> errors.putIfAbsent(field, texts.field(error)));
        return this;
    }

    /** A service's field errors, for a part of the page whose fields are named {@code prefix + name}. */
    public FormErrors addPrefixed(String prefix, ServiceProblem problem) {
        problem.fields().forEach((field, error) -> errors.putIfAbsent(prefix + field, texts.field(error)));
        return this;
    }

    /** A refusal about one field that the service did not name as a field (e.g. an address already used). */
    public FormErrors add(String field, ServiceProblem problem) {
        errors.putIfAbsent(field, texts.problem(problem));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(errors);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The HTML id of a field, from its name: {@code contacts[1].phone} → {@code contacts-1-phone}. */
    public static String id(String field) {
        return field.replace("].", "-").replace('[', '-').replace(']', '-').replace('.', '-');
    }
}
