package fr.marelle.gateway.services;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused a call with an RFC 9457 problem: its status, stable code, French detail and field errors,
 * ready to be shown next to the form fields.
 */
public class ServiceProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> fieldErrors;

    public ServiceProblem(int status, String code, String detail, Map<String, String> fieldErrors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fieldErrors = fieldErrors;
    }

    static ServiceProblem from(int status, JsonNode body) {
        Map<String, String> fields = new LinkedHashMap<>();
        body.path("errors").forEach(e -> fields.putIfAbsent(e.path("field").asText(), e.path("message").asText()));
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

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
