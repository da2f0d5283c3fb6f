package fr.marelle.gateway.web.children;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.children.ChildrenClient;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * Adding, editing and archiving a child and sending its documents, the same for a parent ("Vos enfants") and for
 * staff acting on a family's behalf (the console): one form, one set of checks, one way of putting children-service's
 * refusals next to their fields; the {@link ChildrenSpace} says where the pages are. Who may act is checked by the
 * route rules and by children-service; which family a child belongs to, by the callers (a parent's own family is
 * children-service's scope, the console's family by {@link FamilyChildrenConsoleController}).
 */
@Component
class ChildPages {

    private final ChildrenClient children;
    private final Texts texts;

    ChildPages(ChildrenClient children, Texts texts) {
        this.children = children;
        this.texts = texts;
    }

    String addForm(ChildrenSpace space, Model model) {
        return showForm(space, null, new ChildForm(), texts.errors(), null, model);
    }

    String add(ChildrenSpace space, ChildForm form, RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        form.check(errors, false);
        if (errors.isEmpty()) {
            try {
                UUID childId = children.addChild(form.toRequest(space.familyId()));
                redirect.addFlashAttribute("added", form.firstName.strip());
                return "redirect:" + space.upload(childId, "PHOTO");
            } catch (ServiceProblem problem) {
                return refused(space, problem, errors, null, form, model);
            }
        }
        return showForm(space, null, form, errors, null, model);
    }

    String editForm(ChildrenSpace space, JsonNode child, Model model) {
        return showForm(space, child, ChildForm.of(child), texts.errors(), null, model);
    }

    String edit(ChildrenSpace space, JsonNode child, ChildForm form, RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        form.check(errors, true);
        if (errors.isEmpty()) {
            try {
                children.updateChild(child.path("childId").asText(), form.toRequest(null));
                redirect.addFlashAttribute("saved", form.firstName.strip());
                return "redirect:" + space.children();
            } catch (ServiceProblem problem) {
                return refused(space, problem, errors, child, form, model);
            }
        }
        return showForm(space, child, form, errors, null, model);
    }

    String archive(ChildrenSpace space, JsonNode child, RedirectAttributes redirect) {
        children.archiveChild(child.path("childId").asText());
        redirect.addFlashAttribute("archived", child.path("firstName").asText());
        return "redirect:" + space.children();
    }

    /** The page to send one of the child's documents (any kind of the child the town asks for). */
    String uploadForm(ChildrenSpace space, JsonNode child, String kind, Model model) {
        // errors flashed by a refused upload (a file over the size limit: ChildrenUploadLimits)
        return showUpload(space, child, kind, DocumentKindsConsoleController.flashedErrors(model), model);
    }

    String upload(ChildrenSpace space, JsonNode child, String kind, MultipartFile file, RedirectAttributes redirect,
                  Model model) throws IOException {
        FormErrors errors = texts.errors();
        JsonNode status = statusOf(child.path("documents"), kind);
        if (file == null || file.isEmpty()) {
            errors.reject("file", "children.error.file");
            return showUpload(space, child, kind, errors.asMap(), model);
        }
        try {
            children.submit(kind, child.path("childId").asText(), space.familyId(), file.getOriginalFilename(),
                    file.getBytes());
        } catch (ServiceProblem problem) {
            if (problem.fields().isEmpty()) {
                errors.add("file", problem);
            } else {
                errors.add(problem);
            }
            return showUpload(space, child, kind, errors.asMap(), model);
        }
        String firstName = child.path("firstName").asText();
        redirect.addFlashAttribute("uploaded", texts.getOrDefault("children.uploaded." + kind, null) != null
                ? texts.get("children.uploaded." + kind, firstName)
                : texts.get("children.uploaded.other", status.path("kind").path("title").asText(), firstName));
        return "redirect:" + space.children();
    }

    /** The console's page to send one of the family's own documents on its behalf. */
    String familyUploadForm(ChildrenSpace space, String kind, Model model) {
        return showFamilyUpload(space, kind, DocumentKindsConsoleController.flashedErrors(model), model);
    }

    String familyUpload(ChildrenSpace space, String kind, MultipartFile file, RedirectAttributes redirect,
                        Model model) throws IOException {
        FormErrors errors = texts.errors();
        JsonNode status = statusOf(children.documents(space.familyId()).path("family"), kind);
        if (file == null || file.isEmpty()) {
            errors.reject("file", "children.error.file");
            return showFamilyUpload(space, kind, errors.asMap(), model);
        }
        try {
            children.submit(kind, null, space.familyId(), file.getOriginalFilename(), file.getBytes());
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            if (problem.fields().isEmpty()) {
                errors.add("file", problem);
            } else {
                errors.add(problem);
            }
            return showFamilyUpload(space, kind, errors.asMap(), model);
        }
        redirect.addFlashAttribute("uploaded", texts.get("children.console.familySent",
                status.path("kind").path("title").asText()));
        return "redirect:" + space.children();
    }

    private String refused(ChildrenSpace space, ServiceProblem problem, FormErrors errors, JsonNode child,
                           ChildForm form, Model model) {
        if (problem.fields().isEmpty()) {
            if (problem.status() == 404 && child == null) {
                throw problem;
            }
            return showForm(space, child, form, errors, texts.problem(problem), model);
        }
        errors.add(problem);
        return showForm(space, child, form, errors, null, model);
    }

    private String showForm(ChildrenSpace space, JsonNode child, ChildForm form, FormErrors errors, String formError,
                            Model model) {
        JsonNode schools = children.schools();
        model.addAttribute("space", space);
        model.addAttribute("child", child);
        model.addAttribute("form", form);
        model.addAttribute("schools", schools);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "children/form";
    }

    private String showUpload(ChildrenSpace space, JsonNode child, String kind, Map<String, String> errors,
                              Model model) {
        JsonNode status = statusOf(child.path("documents"), kind);
        String firstName = child.path("firstName").asText();
        String title = status.path("kind").path("title").asText();
        model.addAttribute("space", space);
        model.addAttribute("child", child);
        model.addAttribute("action", space.upload(child.path("childId").asText(), kind));
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("pageTitle", texts.getOrDefault("children.upload.title." + kind, null) != null
                ? texts.get("children.upload.title." + kind, firstName)
                : texts.get("children.upload.title.other", title, firstName));
        model.addAttribute("lead", texts.getOrDefault("children.upload.lead." + kind, description(status)));
        model.addAttribute("errors", errors);
        return "children/upload";
    }

    private String showFamilyUpload(ChildrenSpace space, String kind, Map<String, String> errors, Model model) {
        JsonNode status = statusOf(children.documents(space.familyId()).path("family"), kind);
        model.addAttribute("space", space);
        model.addAttribute("child", null);
        model.addAttribute("action", space.familyUpload(kind));
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("pageTitle", texts.get("children.upload.title.family",
                status.path("kind").path("title").asText()));
        model.addAttribute("lead", description(status));
        model.addAttribute("errors", errors);
        return "children/upload";
    }

    private static String description(JsonNode status) {
        JsonNode description = status.path("kind").path("description");
        return description.isNull() ? null : description.asText(null);
    }

    /** The state of one kind among a child's or a family's; a kind these pages do not take is not found. */
    private JsonNode statusOf(JsonNode statuses, String kind) {
        for (JsonNode s : statuses) {
            if (s.path("kind").path("code").asText().equals(kind)) {
                return s;
            }
        }
        throw new ServiceProblem(404, "DOCUMENT_KIND_NOT_FOUND", texts.get("children.kinds.notFound"), Map.of());
    }
}
