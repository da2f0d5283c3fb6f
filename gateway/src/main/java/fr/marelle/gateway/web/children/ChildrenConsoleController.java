package fr.marelle.gateway.web.children;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.children.ChildrenClient;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The console's side: the queue of documents to validate or refuse (the family is told by email), the schools and
 * their classes. A family's children, and what staff do for it, are {@link FamilyChildrenConsoleController}'s.
 */
@Controller
class ChildrenConsoleController {

    private final ChildrenClient children;
    private final Texts texts;

    ChildrenConsoleController(ChildrenClient children, Texts texts) {
        this.children = children;
        this.texts = texts;
    }

    @GetMapping("/admin/documents")
    String queue(Model model) {
        model.addAttribute("pending", children.pendingDocuments());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", texts.errors().asMap());
        }
        return "children/review";
    }

    @PostMapping("/admin/documents/{documentId}/validation")
    String approve(@PathVariable UUID documentId,
                   @RequestParam(name = "validUntil", required = false) String validUntil,
                   @RequestParam(name = "quotientFamilial", required = false) String quotientFamilial,
                   RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        String prefix = documentId + ".";
        Integer qf = quotientFamilial == null || quotientFamilial.isBlank() ? null
                : errors.quotientFamilial(prefix + "quotientFamilial", quotientFamilial);
        if (errors.isEmpty()) {
            try {
                children.approve(documentId, blankToNull(validUntil), qf);
                redirect.addFlashAttribute("done", texts.get("children.review.approved"));
                return "redirect:/admin/documents";
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.addPrefixed(prefix, problem);
                } else if (problem.status() == 409 || problem.status() == 422) {
                    redirect.addFlashAttribute("failed", texts.problem(problem));
                    return "redirect:/admin/documents";
                } else {
                    throw problem;
                }
            }
        }
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("focusField", errors.asMap().keySet().iterator().next());
        return queue(model);
    }

    @PostMapping("/admin/documents/{documentId}/refus")
    String reject(@PathVariable UUID documentId, @RequestParam(name = "reason", required = false) String reason,
                  RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        String field = documentId + ".reason";
        if (errors.required(field, reason, "children.error.reason")) {
            errors.maxLength(field, reason, 500);
        }
        if (errors.isEmpty()) {
            try {
                children.reject(documentId, reason.strip());
                redirect.addFlashAttribute("done", texts.get("children.review.rejected"));
                return "redirect:/admin/documents";
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.addPrefixed(documentId + ".", problem);
                } else if (problem.status() == 409 || problem.status() == 422) {
                    redirect.addFlashAttribute("failed", texts.problem(problem));
                    return "redirect:/admin/documents";
                } else {
                    throw problem;
                }
            }
        }
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("focusField", field);
        return queue(model);
    }

    @GetMapping("/admin/ecoles")
    String schools(Model model) {
        model.addAttribute("catalog", children.schools());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", texts.errors().asMap());
        }
        model.addAttribute("form", new SchoolForms());
        return "children/schools";
    }

    /** The fields of the school and class forms, as typed. */
    public static class SchoolForms {
        public String name = "";
        public String kind = "MATERNELLE";
        public String minAge = "3";
        public String maxAge = "6";
    }

    @PostMapping("/admin/ecoles")
    String openSchool(@RequestParam Map<String, String> fields, RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        errors.required("name", fields.get("name"), "children.error.schoolName");
        Integer min = age(errors, "minAge", fields.get("minAge"));
        Integer max = age(errors, "maxAge", fields.get("maxAge"));
        if (errors.isEmpty()) {
            Map<String, Object> school = new LinkedHashMap<>();
            school.put("name", fields.get("name").strip());
            school.put("kind", fields.get("kind"));
            school.put("minAge", min);
            school.put("maxAge", max);
            try {
                children.openSchool(school);
                redirect.addFlashAttribute("done", texts.get("children.schools.opened"));
                return "redirect:/admin/ecoles";
            } catch (ServiceProblem problem) {
                if (!problem.isInvalidInput() && problem.status() != 422) {
                    throw problem;
                }
                if (problem.fields().isEmpty()) {
                    errors.add("name", problem);
                } else {
                    errors.add(problem);
                }
            }
        }
        model.addAttribute("errors", errors.asMap());
        String page = schools(model);
        SchoolForms form = new SchoolForms();
        form.name = fields.getOrDefault("name", "");
        form.kind = fields.getOrDefault("kind", "MATERNELLE");
        form.minAge = fields.getOrDefault("minAge", "");
        form.maxAge = fields.getOrDefault("maxAge", "");
        model.addAttribute("form", form);
        return page;
    }

    @PostMapping("/admin/ecoles/{schoolId}/classes")
    String addClass(@PathVariable UUID schoolId, @RequestParam Map<String, String> fields,
                    RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        String prefix = schoolId + ".";
        errors.required(prefix + "name", fields.get("name"), "children.error.className");
        if (errors.isEmpty()) {
            try {
                children.addClass(schoolId, Map.of("schoolYear", fields.getOrDefault("schoolYear", ""),
                        "name", fields.get("name").strip(), "level", fields.getOrDefault("level", "")));
                redirect.addFlashAttribute("done", texts.get("children.schools.classAdded"));
                return "redirect:/admin/ecoles";
            } catch (ServiceProblem problem) {
                if (!problem.isInvalidInput() && problem.status() != 422 && problem.status() != 409) {
                    throw problem;
                }
                if (problem.fields().isEmpty()) {
                    errors.add(prefix + "name", problem);
                } else {
                    errors.addPrefixed(prefix, problem);
                }
            }
        }
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("focusField", prefix + "name");
        return schools(model);
    }

    private static Integer age(FormErrors errors, String field, String value) {
        if (!errors.required(field, value, "children.error.age")) {
            return null;
        }
        try {
            int age = Integer.parseInt(value.strip());
            if (age < 0 || age > 18) {
                errors.reject(field, "children.error.age");
                return null;
            }
            return age;
        } catch (NumberFormatException e) {
            errors.reject(field, "children.error.age");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
