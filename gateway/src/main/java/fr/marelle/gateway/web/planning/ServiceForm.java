package fr.marelle.gateway.web.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.web.forms.FormErrors;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service of the catalogue as staff edit it; field names are planning-service's. */
public class ServiceForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public String code;
    public String name;
    public String description;
    public List<String> runsOn = new ArrayList<>();
    public String capacity;
    public Map<String, String> schoolCapacities = new LinkedHashMap<>();
    public Deadline bookingDeadline = new Deadline();
    public Deadline cancellationDeadline = new Deadline();
    public List<String> requirements = new ArrayList<>();
    public String cesuClass = "NONE";
    public String unit = "DAY";
    public String hoursPerUnit;

    public static class Deadline implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String kind = "DAYS_BEFORE";
        public String days = "2";
        public String weekday = "THURSDAY";
        public String dayOfMonth = "20";
        public String time = "10:00";
        public boolean workingDaysOnly = true;

        Map<String, Object> toRequest(String field, FormErrors errors) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", kind);
            d.put("time", time);
            d.put("workingDaysOnly", workingDaysOnly);
            switch (kind == null ? "" : kind) {
                case "DAYS_BEFORE" -> d.put("days", integer(field + ".days", days, errors));
                case "WEEKDAY_OF_PREVIOUS_WEEK" -> d.put("weekday", weekday);
                case "DAY_OF_PREVIOUS_MONTH" -> d.put("dayOfMonth", integer(field + ".dayOfMonth", dayOfMonth, errors));
                default -> {
                }
            }
            return d;
        }

        static Deadline of(JsonNode d) {
            Deadline deadline = new Deadline();
            deadline.kind = d.path("kind").asText();
            deadline.days = d.path("days").isNull() ? "" : d.path("days").asText("");
            deadline.weekday = d.path("weekday").asText("THURSDAY");
            deadline.dayOfMonth = d.path("dayOfMonth").isNull() ? "" : d.path("dayOfMonth").asText("");
            deadline.time = d.path("time").asText();
            deadline.workingDaysOnly = d.path("workingDaysOnly").asBoolean();
            return deadline;
        }
    }

    static ServiceForm of(JsonNode definition) {
        ServiceForm form = new ServiceForm();
        form.code = definition.path("code").asText();
        form.name = definition.path("name").asText();
        form.description = definition.path("description").asText(null);
        definition.path("runsOn").forEach(k -> form.runsOn.add(k.asText()));
        form.capacity = definition.path("capacity").asText();
        definition.path("schoolCapacities").fields().forEachRemaining(e -> form.schoolCapacities.put(e.getKey(),
                e.getValue().asText()));
        form.bookingDeadline = Deadline.of(definition.path("bookingDeadline"));
        form.cancellationDeadline = Deadline.of(definition.path("cancellationDeadline"));
        definition.path("requirements").forEach(r -> form.requirements.add(r.asText()));
        form.cesuClass = definition.path("cesuClass").asText();
        form.unit = definition.path("unit").asText();
        form.hoursPerUnit = definition.path("hoursPerUnit").decimalValue().stripTrailingZeros().toPlainString()
                .replace('.', ',');
        return form;
    }

    /** The request planning expects; numbers that are not numbers are refused here, next to their field. */
    Map<String, Object> toRequest(FormErrors errors) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("code", code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT));
        request.put("name", name);
        request.put("description", description);
        request.put("runsOn", runsOn);
        request.put("capacity", integer("capacity", capacity, errors));
        Map<String, Object> perSchool = new LinkedHashMap<>();
        schoolCapacities.forEach((school, places) -> {
            if (places != null && !places.isBlank()) {
                perSchool.put(school, integer("schoolCapacities[" + school + "]", places, errors));
            }
        });
        request.put("schoolCapacities", perSchool);
        request.put("bookingDeadline", bookingDeadline.toRequest("bookingDeadline", errors));
        request.put("cancellationDeadline", cancellationDeadline.toRequest("cancellationDeadline", errors));
        request.put("requirements", requirements);
        request.put("cesuClass", cesuClass);
        request.put("unit", unit);
        try {
            request.put("hoursPerUnit", hoursPerUnit == null || hoursPerUnit.isBlank() ? null
                    : new BigDecimal(hoursPerUnit.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            errors.reject("hoursPerUnit", "planning.error.number");
        }
        return request;
    }

    static Integer integer(String field, String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.reject(field, "planning.error.number");
            return null;
        }
    }
}
