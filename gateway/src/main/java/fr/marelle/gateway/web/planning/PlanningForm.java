package fr.marelle.gateway.web.planning;

import fr.marelle.gateway.web.forms.FormErrors;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The planning form (screen 17), named as planning-service names its fields. */
public class PlanningForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    public List<String> childIds = new ArrayList<>();
    public String from;
    public String to;
    public List<String> weekdays = new ArrayList<>();
    public String attendance = "PRESENT";

    /** What can be checked before asking planning: required fields and dates that are dates. */
    void check(FormErrors errors) {
        if (childIds == null || childIds.isEmpty()) {
            errors.reject("childIds", "planning.error.children");
        }
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.reject("to", "planning.error.order");
        }
        if (weekdays == null || weekdays.isEmpty()) {
            errors.reject("weekdays", "planning.error.weekdays");
        }
        if (!"PRESENT".equals(attendance) && !"ABSENT".equals(attendance)) {
            errors.reject("attendance", "planning.error.attendance");
        }
    }

    private static LocalDate date(String field, String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "planning.error.dateRequired");
            return null;
        }
        LocalDate parsed = parse(value);
        if (parsed == null) {
            errors.reject(field, "planning.error.date");
        }
        return parsed;
    }

    /** A date as a browser's date field sends it (2026-09-01) or as typed (01/09/2026). */
    static LocalDate parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return v.contains("/") ? LocalDate.parse(v, FRENCH) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    Map<String, Object> toRequest(String serviceId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceId", serviceId);
        request.put("childIds", childIds);
        request.put("from", parse(from).toString());
        request.put("to", parse(to).toString());
        request.put("weekdays", weekdays);
        request.put("attendance", attendance);
        return request;
    }

    boolean cancels() {
        return "ABSENT".equals(attendance);
    }
}
