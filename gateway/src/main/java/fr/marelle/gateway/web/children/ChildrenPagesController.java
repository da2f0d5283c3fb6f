package fr.marelle.gateway.web.children;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.children.ChildrenClient;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
import java.util.Map;
import java.util.UUID;

/**
 * "Vos enfants" (screens 11 to 15) and "Mes documents" (screen 10): the family's children, adding and editing one,
 * its photo and school insurance, the family's documents with their state, and the forms to download.
 */
@Controller
class ChildrenPagesController {

    private final ChildrenClient children;
    private final Texts texts;

    ChildrenPagesController(ChildrenClient children, Texts texts) {
        this.children = children;
        this.texts = texts;
    }

    @GetMapping("/vos-enfants")
    String list(Model model) {
        model.addAttribute("children", children.children(null));
        return "children/list";
    }

    @GetMapping("/vos-enfants/nouveau")
    String addForm(Model model) {
        return showForm(null, new ChildForm(), texts.errors(), null, model);
    }

    @PostMapping("/vos-enfants/nouveau")
    String add(@ModelAttribute("form") ChildForm form, RedirectAttributes redirect, Model model) {
        FormErrors errors = texts.errors();
        form.check(errors, false);
        if (errors.isEmpty()) {
            try {
                UUID childId = children.addChild(form.toRequest());
                redirect.addFlashAttribute("added", form.firstName.strip());
                return "redirect:/vos-enfants/" + childId + "/documents/PHOTO";
            } catch (ServiceProblem problem) {
                return refused(problem, errors, null, form, model);
            }
        }
        return showForm(null, form, errors, null, model);
    }

    @GetMapping("/vos-enfants/{childId}")
    String editForm(@PathVariable UUID childId, Model model) {
        JsonNode child = children.child(childId);
        return showForm(child, ChildForm.of(child), texts.errors(), null, model);
    }

    @PostMapping("/vos-enfants/{childId}")
    String edit(@PathVariable UUID childId, @ModelAttribute("form") ChildForm form, RedirectAttributes redirect,
                Model model) {
        JsonNode child = children.child(childId);
        FormErrors errors = texts.errors();
        form.check(errors, true);
        if (errors.isEmpty()) {
            try {
                children.updateChild(childId, form.toRequest());
                redirect.addFlashAttribute("saved", form.firstName.strip());
                return "redirect:/vos-enfants";
            } catch (ServiceProblem problem) {
                return refused(problem, errors, child, form, model);
            }
        }
        return showForm(child, form, errors, null, model);
    }

    @PostMapping("/vos-enfants/{childId}/archivage")
    String archive(@PathVariable UUID childId, RedirectAttributes redirect) {
        JsonNode child = children.child(childId);
        children.archiveChild(childId);
        redirect.addFlashAttribute("archived", child.path("firstName").asText());
        return "redirect:/vos-enfants";
    }

    /** The page to send one of the child's documents (any kind of the child the town asks for). */
    @GetMapping("/vos-enfants/{childId}/documents/{kind}")
    String uploadForm(@PathVariable UUID childId, @PathVariable String kind, Model model) {
        // errors flashed by a refused upload (a file over the size limit: ChildrenUploadLimits)
        return showUpload(children.child(childId), kind, DocumentKindsConsoleController.flashedErrors(model), model);
    }

    @PostMapping("/vos-enfants/{childId}/documents/{kind}")
    String upload(@PathVariable UUID childId, @PathVariable String kind,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
                  Model model) throws IOException {
        JsonNode child = children.child(childId);
        FormErrors errors = texts.errors();
        JsonNode status = statusOf(child, kind);
        if (file == null || file.isEmpty()) {
            errors.reject("file", "children.error.file");
            return showUpload(child, kind, errors.asMap(), model);
        }
        try {
            children.submit(kind, childId, null, file.getOriginalFilename(), file.getBytes());
        } catch (ServiceProblem problem) {
            if (problem.fields().isEmpty()) {
                errors.add("file", problem);
            } else {
                errors.add(problem);
            }
            return showUpload(child, kind, errors.asMap(), model);
        }
        String firstName = child.path("firstName").asText();
        redirect.addFlashAttribute("uploaded", texts.getOrDefault("children.uploaded." + kind, null) != null
                ? texts.get("children.uploaded." + kind, firstName)
                : texts.get("children.uploaded.other", status.path("kind").path("title").asText(), firstName));
        return "redirect:/vos-enfants";
    }

    @GetMapping("/mes-documents")
    String documents(Model model) {
        model.addAttribute("overview", children.documents(null));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", texts.errors().asMap());
        }
        return "children/documents";
    }

    @PostMapping("/mes-documents/{kind}")
    String sendDocument(@PathVariable String kind, @RequestParam(name = "file", required = false) MultipartFile file,
                        RedirectAttributes redirect, Model model) throws IOException {
        FormErrors errors = texts.errors();
        String field = "file-" + kind;
        if (file == null || file.isEmpty()) {
            errors.reject(field, "children.error.file");
        } else {
            try {
                children.submit(kind, null, null, file.getOriginalFilename(), file.getBytes());
                redirect.addFlashAttribute("uploaded", texts.get("children.documents.sent"));
                return "redirect:/mes-documents";
            } catch (ServiceProblem problem) {
                if (problem.status() == 404) {
                    throw problem;
                }
                errors.add(field, problem.fields().isEmpty() ? problem
                        : new ServiceProblem(problem.status(), problem.code(),
                        problem.fields().values().iterator().next().message(), Map.of()));
            }
        }
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("focusField", field);
        return documents(model);
    }

    /** A file of the family (a photo shown in the list, a document, a blank form), if children-service agrees. */
    @GetMapping("/fichiers/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable UUID fileId) {
        ChildrenClient.FileDownload file = children.file(fileId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    private String refused(ServiceProblem problem, FormErrors errors, JsonNode child, ChildForm form, Model model) {
        if (problem.fields().isEmpty()) {
            if (problem.status() == 404 && child == null) {
                throw problem;
            }
            return showForm(child, form, errors, texts.problem(problem), model);
        }
        errors.add(problem);
        return showForm(child, form, errors, null, model);
    }

    private String showForm(JsonNode child, ChildForm form, FormErrors errors, String formError, Model model) {
        JsonNode schools = children.schools();
        model.addAttribute("child", child);
        model.addAttribute("form", form);
        model.addAttribute("schools", schools);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "children/form";
    }

    private String showUpload(JsonNode child, String kind, Map<String, String> errors, Model model) {
        JsonNode status = statusOf(child, kind);
        String firstName = child.path("firstName").asText();
        String title = status.path("kind").path("title").asText();
        model.addAttribute("child", child);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("pageTitle", texts.getOrDefault("children.upload.title." + kind, null) != null
                ? texts.get("children.upload.title." + kind, firstName)
                : texts.get("children.upload.title.other", title, firstName));
        String description = status.path("kind").path("description").isNull() ? null
                : status.path("kind").path("description").asText(null);
        model.addAttribute("lead", texts.getOrDefault("children.upload.lead." + kind, description));
        model.addAttribute("errors", errors);
        return "children/upload";
    }

    /** The state of one of the child's kinds; a kind the child's pages do not take is not found. */
    private JsonNode statusOf(JsonNode child, String kind) {
        for (JsonNode s : child.path("documents")) {
            if (s.path("kind").path("code").asText().equals(kind)) {
                return s;
            }
        }
        throw new ServiceProblem(404, "DOCUMENT_KIND_NOT_FOUND", texts.get("children.kinds.notFound"), Map.of());
    }
}
