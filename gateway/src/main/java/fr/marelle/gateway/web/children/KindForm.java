package fr.marelle.gateway.web.children;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.web.forms.FormErrors;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A kind of document of the catalogue as the console's form holds it; the names are children-service's. */
public class KindForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final List<String> SCOPES = List.of("FAMILY", "CHILD");
    static final List<String> REQUIREMENTS = List.of("REQUIRED", "OPTIONAL", "NONE");
    static final List<String> VALIDITIES = List.of("SCHOOL_YEAR", "MONTHS", "UNLIMITED");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern MONTHS = Pattern.compile("[0-9]{1,3}");

    public String code = "";
    public String title = "";
    public String description = "";
    public String scope = "";
    public String requirement = "";
    public String validity = "";
    public String validityMonths = "";
    public boolean reviewRequired;

    /** A new kind: reviewed by the town unless staff say otherwise. */
    static KindForm blank() {
        KindForm form = new KindForm();
        form.reviewRequired = true;
        return form;
    }

    static KindForm of(JsonNode kind) {
        KindForm form = new KindForm();
        form.code = kind.path("code").asText("");
        form.title = kind.path("title").asText("");
        form.description = kind.path("description").isNull() ? "" : kind.path("description").asText("");
        form.scope = kind.path("scope").asText("");
        form.requirement = kind.path("requirement").asText("");
        form.validity = kind.path("validity").asText("");
        form.validityMonths = kind.path("validityMonths").isNull() ? "" : kind.path("validityMonths").asText("");
        form.reviewRequired = kind.path("reviewRequired").asBoolean();
        return form;
    }

    /**
     * What the gateway can tell before asking, with children-service's rules and words; the service checks
     * everything again. A new kind's code may be left empty (made from the title) and is written in capitals.
     */
    void check(FormErrors errors, boolean creating) {
        if (errors.required("title", title, "children.kinds.error.title")) {
            errors.maxLength("title", title, 120);
        }
        errors.maxLength("description", description, 500);
        if (creating) {
            code = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                errors.reject("code", "children.kinds.error.code");
            }
            if (!SCOPES.contains(scope)) {
                errors.reject("scope", "children.kinds.error.scope");
            }
        }
        if (!REQUIREMENTS.contains(requirement)) {
            errors.reject("requirement", "children.kinds.error.requirement");
        }
        if (!VALIDITIES.contains(validity)) {
            errors.reject("validity", "children.kinds.error.validity");
        } else if ("MONTHS".equals(validity)) {
            String months = validityMonths == null ? "" : validityMonths.strip();
            if (!MONTHS.matcher(months).matches() || Integer.parseInt(months) < 1 || Integer.parseInt(months) > 60) {
                errors.reject("validityMonths", "children.kinds.error.months");
            }
        }
    }

    Map<String, Object> toRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        if (code != null && !code.isBlank()) {
            request.put("code", code.strip());
        }
        request.put("title", title.strip());
        request.put("description", description == null || description.isBlank() ? null : description.strip());
        request.put("scope", scope);
        request.put("requirement", requirement);
        request.put("validity", validity);
        request.put("validityMonths", "MONTHS".equals(validity) ? Integer.valueOf(validityMonths.strip()) : null);
        request.put("reviewRequired", reviewRequired);
        return request;
    }
}
