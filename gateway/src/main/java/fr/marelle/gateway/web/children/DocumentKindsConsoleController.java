package fr.marelle.gateway.web.children;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.children.ChildrenClient;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of documents, for administrators: which documents the town asks for, of the family or of each child,
 * how long they stay valid, whether staff review them, and the blank form families download. children-service holds
 * the rules and checks every field again; its field errors land next to the fields here.
 */
@Controller
class DocumentKindsConsoleController {

    static final String BASE = "/admin/types-de-documents";

    private final ChildrenClient children;
    private final Texts texts;

    DocumentKindsConsoleController(ChildrenClient children, Texts texts) {
        this.children = children;
        this.texts = texts;
    }

    @GetMapping(BASE)
    String list(Model model) {
        JsonNode kinds = children.documentKinds();
        model.addAttribute("kinds", kinds);
        model.addAttribute("required", required(kinds));
        return "children/kinds";
    }

    @GetMapping(BASE + "/nouveau")
    String newForm(Model model) {
        return showForm(null, KindForm.blank(), texts.errors(), null, model);
    }

    @PostMapping(BASE + "/nouveau")
    String define(@ModelAttribute("form") KindForm form, RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        form.check(errors, true);
        if (errors.isEmpty()) {
            try {
                String code = children.defineKind(form.toRequest());
                redirect.addFlashAttribute("done", texts.get("children.kinds.defined", form.title.strip(), code));
                return "redirect:" + BASE;
            } catch (ServiceProblem problem) {
                return refused(problem, errors, null, form, model);
            }
        }
        return showForm(null, form, errors, null, model);
    }

    @GetMapping(BASE + "/{code}")
    String editForm(@PathVariable String code, Model model) {
        JsonNode kind = kind(code);
        // errors flashed by a refused upload (a file over the size limit: ChildrenUploadLimits)
        return showForm(kind, KindForm.of(kind), flashedErrors(model), null, model);
    }

    @PostMapping(BASE + "/{code}")
    String change(@PathVariable String code, @ModelAttribute("form") KindForm form, RedirectAttributes redirect,
                  Model model) {
        JsonNode kind = kind(code);
        FormErrors errors = texts.errors();
        form.scope = kind.path("scope").asText();
        form.code = kind.path("code").asText();
        form.check(errors, false);
        if (errors.isEmpty()) {
            try {
                children.changeKind(code, form.toRequest());
                redirect.addFlashAttribute("done", texts.get("children.kinds.changed", form.title.strip()));
                return "redirect:" + BASE;
            } catch (ServiceProblem problem) {
                return refused(problem, errors, kind, form, model);
            }
        }
        return showForm(kind, form, errors, null, model);
    }

    /** The blank form families download (PDF, JPEG or PNG, checked by children-service like any upload). */
    @PostMapping(BASE + "/{code}/formulaire")
    String publishBlankForm(@PathVariable String code,
                            @RequestParam(name = "file", required = false) MultipartFile file,
                            RedirectAttributes redirect, Model model) throws IOException {
        JsonNode kind = kind(code);
        FormErrors errors = texts.errors();
        if (file == null || file.isEmpty()) {
            errors.reject("file", "children.error.file");
        } else {
            try {
                children.publishBlankForm(code, file.getOriginalFilename(), file.getBytes());
                redirect.addFlashAttribute("done", texts.get("children.kinds.formPublished"));
                return "redirect:" + BASE + "/" + code;
            } catch (ServiceProblem problem) {
                if (problem.isNotFound() || !(problem.isInvalidInput() || problem.status() == 422
                        || problem.status() == 503)) {
                    throw problem;
                }
                errors.add("file", problem.fields().isEmpty() ? problem : new ServiceProblem(problem.status(),
                        problem.code(), problem.fields().values().iterator().next().message(), Map.of()));
            }
        }
        model.addAttribute("focusField", "file");
        return showForm(kind, KindForm.of(kind), errors, null, model);
    }

    @PostMapping(BASE + "/{code}/formulaire/retrait")
    String withdrawBlankForm(@PathVariable String code, RedirectAttributes redirect) {
        kind(code);
        children.withdrawBlankForm(code);
        redirect.addFlashAttribute("done", texts.get("children.kinds.formWithdrawn"));
        return "redirect:" + BASE + "/" + code;
    }

    private JsonNode kind(String code) {
        for (JsonNode kind : children.documentKinds()) {
            if (kind.path("code").asText().equals(code)) {
                return kind;
            }
        }
        throw new ServiceProblem(404, "DOCUMENT_KIND_NOT_FOUND", texts.get("children.kinds.notFound"), Map.of());
    }

    private String refused(ServiceProblem problem, FormErrors errors, JsonNode kind, KindForm form, Model model) {
        if (problem.isNotFound() || !(problem.isInvalidInput() || problem.status() == 409
                || problem.status() == 422)) {
            throw problem;
        }
        if (problem.fields().isEmpty()) {
            return showForm(kind, form, errors, texts.problem(problem), model);
        }
        errors.add(problem);
        return showForm(kind, form, errors, null, model);
    }

    private String showForm(JsonNode kind, KindForm form, FormErrors errors, String formError, Model model) {
        return showForm(kind, form, errors.asMap(), formError, model);
    }

    private String showForm(JsonNode kind, KindForm form, Map<String, String> errors, String formError,
                            Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        if (!model.containsAttribute("focusField") && !errors.isEmpty()) {
            model.addAttribute("focusField", errors.keySet().iterator().next());
        }
        return "children/kind-form";
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> flashedErrors(Model model) {
        return model.getAttribute("errors") instanceof Map<?, ?> flashed ? (Map<String, String>) flashed : Map.of();
    }

    /** The kinds without which, valid, a child may not be booked (children-service's requirements). */
    static List<JsonNode> required(JsonNode kinds) {
        List<JsonNode> required = new ArrayList<>();
        kinds.forEach(kind -> {
            if ("REQUIRED".equals(kind.path("requirement").asText())) {
                required.add(kind);
            }
        });
        return required;
    }
}
