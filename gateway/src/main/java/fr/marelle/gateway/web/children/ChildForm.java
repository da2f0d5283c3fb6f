package fr.marelle.gateway.web.children;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.web.forms.FormErrors;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A child as the forms of screens 12 and 15 hold it; the names are children-service's. */
public class ChildForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public String firstName = "";
    public String lastName = "";
    public String birthDate = "";
    public String schoolId = "";
    public String classId = "";
    public String dietComment = "";
    public String allergies = "";

    static ChildForm of(JsonNode child) {
        ChildForm form = new ChildForm();
        form.firstName = child.path("firstName").asText("");
        form.lastName = child.path("lastName").asText("");
        String birth = child.path("birthDate").asText("");
        form.birthDate = birth.isEmpty() ? "" : LocalDate.parse(birth).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        form.schoolId = child.path("schoolId").asText("");
        form.classId = child.path("classId").isNull() ? "" : child.path("classId").asText("");
        form.dietComment = child.path("dietComment").isNull() ? "" : child.path("dietComment").asText("");
        form.allergies = child.path("allergies").isNull() ? "" : child.path("allergies").asText("");
        return form;
    }

    /** What the gateway can tell before asking: the mandatory fields; children-service checks everything. */
    void check(FormErrors errors, boolean withClass) {
        errors.required("firstName", firstName, "children.error.firstName");
        errors.required("lastName", lastName, "children.error.lastName");
        errors.required("birthDate", birthDate, "children.error.birthDate");
        errors.required("schoolId", schoolId, "children.error.school");
        errors.maxLength("dietComment", dietComment, 500);
        errors.maxLength("allergies", allergies, 500);
    }

    /** The request children-service takes; {@code familyId} when staff add a child to a family, else null. */
    Map<String, Object> toRequest(UUID familyId) {
        Map<String, Object> request = new LinkedHashMap<>();
        if (familyId != null) {
            request.put("familyId", familyId.toString());
        }
        request.put("firstName", strip(firstName));
        request.put("lastName", strip(lastName));
        request.put("birthDate", strip(birthDate));
        request.put("schoolId", strip(schoolId));
        request.put("classId", strip(classId));
        request.put("dietComment", strip(dietComment));
        request.put("allergies", strip(allergies));
        return request;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
