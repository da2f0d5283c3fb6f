package fr.marelle.gateway.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused a call with an RFC 9457 problem: its status, stable code, French detail and field errors (by
 * the field's name as sent, e.g. {@code guardian.firstName} or {@code contacts[0].phone}), ready to be shown next
 * to the form fields.
 */
public class ServiceProblem extends RuntimeException {

    /** One invalid field, as the service named it. */
    public record FieldProblem(String code, String message) {
    }

    private final int status;
    private final String code;
    private final Map<String, FieldProblem> fields;

    public ServiceProblem(int status, String code, String detail, Map<String, FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fields = fields;
    }

    static ServiceProblem from(int status, JsonNode body) {
        Map<String, FieldProblem> fields = new LinkedHashMap<>();
        body.path("errors").forEach(e -> fields.putIfAbsent(e.path("field").asText(),
                new FieldProblem(e.path("code").asText("INVALID"), e.path("message").asText())));
        String detail = body.path("detail").asText(null);
        return new ServiceProblem(status, body.path("code").asText("UNKNOWN"),
                detail != null ? detail : "La demande n'a pas pu aboutir.", fields);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean is(String code) {
        return this.code.equals(code);
    }

    /** Field errors, by field name. */
    public Map<String, FieldProblem> fields() {
        return fields;
    }

    /** A 400 with field errors: the form is shown again with them. */
    public boolean isInvalidInput() {
        return status == 400;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
