package fr.marelle.gateway.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceClients;
import fr.marelle.gateway.services.ServiceProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Staff console: find a family, open the file of a family without internet, read a family file. */
@Controller
class FamilyAdminController {

    /** The form as typed, shown again with the errors next to the fields. */
    public static class FamilyForm {
        private String civility = "";
        private String firstName = "";
        private String lastName = "";
        private String email = "";
        private String phone = "";
        private String addressLine1 = "";
        private String addressLine2 = "";
        private String postcode = "";
        private String city = "";
        private String language = "fr";

        Map<String, Object> toRequest() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("civility", civility == null || civility.isBlank() ? null : civility);
            request.put("firstName", firstName);
            request.put("lastName", lastName);
            request.put("email", email);
            request.put("phone", phone);
            request.put("addressLine1", addressLine1);
            request.put("addressLine2", addressLine2);
            request.put("postcode", postcode);
            request.put("city", city);
            request.put("language", language);
            return request;
        }

        public String getCivility() { return civility; }
        public void setCivility(String civility) { this.civility = civility; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String firstName) { this.firstName = firstName; }
        public String getLastName() { return lastName; }
        public void setLastName(String lastName) { this.lastName = lastName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getPhone() { return phone; }
        public void setPhone(String phone) { this.phone = phone; }
        public String getAddressLine1() { return addressLine1; }
        public void setAddressLine1(String addressLine1) { this.addressLine1 = addressLine1; }
        public String getAddressLine2() { return addressLine2; }
        public void setAddressLine2(String addressLine2) { this.addressLine2 = addressLine2; }
        public String getPostcode() { return postcode; }
        public void setPostcode(String postcode) { this.postcode = postcode; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getLanguage() { return language; }
        public void setLanguage(String language) { this.language = language; }
    }

    private final ServiceClients services;

    FamilyAdminController(ServiceClients services) {
        this.services = services;
    }

    @GetMapping("/admin")
    String dashboard() {
        return "admin/dashboard";
    }

    @GetMapping("/admin/familles")
    String search(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        model.addAttribute("q", query);
        model.addAttribute("families", services.service("accounts").get("/api/families?q={q}", JsonNode.class, query));
        return "admin/families";
    }

    @GetMapping("/admin/familles/nouvelle")
    String newFamily(Model model) {
        model.addAttribute("form", new FamilyForm());
        model.addAttribute("errors", Map.of());
        return "admin/family-new";
    }

    @PostMapping("/admin/familles/nouvelle")
    String open(@ModelAttribute("form") FamilyForm form, Model model) {
        try {
            JsonNode created = services.service("accounts").post("/api/families", form.toRequest(), JsonNode.class);
            return "redirect:/admin/familles/" + created.path("familyId").asText() + "?cree";
        } catch (ServiceProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("errors", problem.fieldErrors());
            model.addAttribute("problem", problem.getMessage());
            return "admin/family-new";
        }
    }

    @GetMapping("/admin/familles/{familyId}")
    String file(@PathVariable UUID familyId, @RequestParam(name = "cree", required = false) String created,
                Model model) {
        model.addAttribute("familyId", familyId);
        model.addAttribute("created", created != null);
        try {
            model.addAttribute("family", services.service("accounts")
                    .get("/api/families/{id}", JsonNode.class, familyId));
        } catch (ServiceProblem problem) {
            if (!problem.isNotFound() || created == null) {
                throw problem;
            }
            // just created: the directory catches up within a moment; the page refreshes itself
            model.addAttribute("family", null);
        }
        model.addAttribute("messages", services.service("notification")
                .get("/api/messages?familyId={id}", JsonNode.class, familyId));
        return "admin/family";
    }
}
