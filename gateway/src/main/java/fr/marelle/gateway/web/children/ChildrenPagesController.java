package fr.marelle.gateway.web.children;

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
 * its photo and school insurance, the family's documents with their state, and the forms to download. The child's
 * forms are {@link ChildPages}, shared with the console's pages for staff acting on a family's behalf.
 */
@Controller
class ChildrenPagesController {

    private final ChildrenClient children;
    private final ChildPages pages;
    private final Texts texts;

    ChildrenPagesController(ChildrenClient children, ChildPages pages, Texts texts) {
        this.children = children;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping("/vos-enfants")
    String list(Model model) {
        model.addAttribute("children", children.children(null));
        return "children/list";
    }

    @GetMapping("/vos-enfants/nouveau")
    String addForm(Model model) {
        return pages.addForm(ChildrenSpace.PARENTS, model);
    }

    @PostMapping("/vos-enfants/nouveau")
    String add(@ModelAttribute("form") ChildForm form, RedirectAttributes redirect, Model model) {
        return pages.add(ChildrenSpace.PARENTS, form, redirect, model);
    }

    @GetMapping("/vos-enfants/{childId}")
    String editForm(@PathVariable UUID childId, Model model) {
        return pages.editForm(ChildrenSpace.PARENTS, children.child(childId), model);
    }

    @PostMapping("/vos-enfants/{childId}")
    String edit(@PathVariable UUID childId, @ModelAttribute("form") ChildForm form, RedirectAttributes redirect,
                Model model) {
        return pages.edit(ChildrenSpace.PARENTS, children.child(childId), form, redirect, model);
    }

    @PostMapping("/vos-enfants/{childId}/archivage")
    String archive(@PathVariable UUID childId, RedirectAttributes redirect) {
        return pages.archive(ChildrenSpace.PARENTS, children.child(childId), redirect);
    }

    /** The page to send one of the child's documents (any kind of the child the town asks for). */
    @GetMapping("/vos-enfants/{childId}/documents/{kind}")
    String uploadForm(@PathVariable UUID childId, @PathVariable String kind, Model model) {
        return pages.uploadForm(ChildrenSpace.PARENTS, children.child(childId), kind, model);
    }

    @PostMapping("/vos-enfants/{childId}/documents/{kind}")
    String upload(@PathVariable UUID childId, @PathVariable String kind,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
                  Model model) throws IOException {
        return pages.upload(ChildrenSpace.PARENTS, children.child(childId), kind, file, redirect, model);
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
}
