package fr.marelle.gateway.web.children;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.children.ChildrenClient;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A family's children in the console (issue 8: "the actions staff may take on the family's behalf"): every staff
 * role reads them; administrators and agents add a child, change one (its class too), archive it, and send a
 * child's or the family's documents for the family, with the parents' forms and checks ({@link ChildPages}). A child
 * of another family than the one in the address is not found, whatever its id. {@link ChildrenRouteRules} and
 * children-service check the roles again.
 */
@Controller
class FamilyChildrenConsoleController {

    /** The roles that act for a family (children-service accepts them on these calls, and only them among staff). */
    static final Set<String> ACTING = Set.of("ADMIN", "AGENT");

    private final ChildrenClient children;
    private final ChildPages pages;
    private final Texts texts;

    FamilyChildrenConsoleController(ChildrenClient children, ChildPages pages, Texts texts) {
        this.children = children;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping("/admin/familles/{familyId}/enfants")
    String familyChildren(@PathVariable UUID familyId, Model model) {
        model.addAttribute("familyId", familyId);
        model.addAttribute("space", ChildrenSpace.console(familyId));
        model.addAttribute("children", children.children(familyId));
        model.addAttribute("overview", children.documents(familyId));
        model.addAttribute("mayAct", mayAct());
        return "children/family";
    }

    @GetMapping("/admin/familles/{familyId}/enfants/nouveau")
    String addForm(@PathVariable UUID familyId, Model model) {
        return pages.addForm(ChildrenSpace.console(familyId), model);
    }

    @PostMapping("/admin/familles/{familyId}/enfants/nouveau")
    String add(@PathVariable UUID familyId, @ModelAttribute("form") ChildForm form, RedirectAttributes redirect,
               Model model) {
        return pages.add(ChildrenSpace.console(familyId), form, redirect, model);
    }

    @GetMapping("/admin/familles/{familyId}/enfants/{childId}")
    String editForm(@PathVariable UUID familyId, @PathVariable UUID childId, Model model) {
        return pages.editForm(ChildrenSpace.console(familyId), childOf(familyId, childId), model);
    }

    @PostMapping("/admin/familles/{familyId}/enfants/{childId}")
    String edit(@PathVariable UUID familyId, @PathVariable UUID childId, @ModelAttribute("form") ChildForm form,
                RedirectAttributes redirect, Model model) {
        return pages.edit(ChildrenSpace.console(familyId), childOf(familyId, childId), form, redirect, model);
    }

    @PostMapping("/admin/familles/{familyId}/enfants/{childId}/archivage")
    String archive(@PathVariable UUID familyId, @PathVariable UUID childId, RedirectAttributes redirect) {
        return pages.archive(ChildrenSpace.console(familyId), childOf(familyId, childId), redirect);
    }

    @GetMapping("/admin/familles/{familyId}/enfants/{childId}/documents/{kind}")
    String uploadForm(@PathVariable UUID familyId, @PathVariable UUID childId, @PathVariable String kind,
                      Model model) {
        return pages.uploadForm(ChildrenSpace.console(familyId), childOf(familyId, childId), kind, model);
    }

    @PostMapping("/admin/familles/{familyId}/enfants/{childId}/documents/{kind}")
    String upload(@PathVariable UUID familyId, @PathVariable UUID childId, @PathVariable String kind,
                  @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
                  Model model) throws IOException {
        return pages.upload(ChildrenSpace.console(familyId), childOf(familyId, childId), kind, file, redirect,
                model);
    }

    /** One of the family's own documents (health sheet, QF attestation…), sent for it. */
    @GetMapping("/admin/familles/{familyId}/documents/{kind}")
    String familyUploadForm(@PathVariable UUID familyId, @PathVariable String kind, Model model) {
        return pages.familyUploadForm(ChildrenSpace.console(familyId), kind, model);
    }

    @PostMapping("/admin/familles/{familyId}/documents/{kind}")
    String familyUpload(@PathVariable UUID familyId, @PathVariable String kind,
                        @RequestParam(name = "file", required = false) MultipartFile file,
                        RedirectAttributes redirect, Model model) throws IOException {
        return pages.familyUpload(ChildrenSpace.console(familyId), kind, file, redirect, model);
    }

    /**
     * The child, if it belongs to the family of the address: staff see every child, so without this check the
     * pages of one family would change another's child. Its families come from its own events, never behind.
     */
    private JsonNode childOf(UUID familyId, UUID childId) {
        JsonNode child = children.child(childId);
        for (JsonNode family : child.path("families")) {
            if (family.asText().equals(familyId.toString())) {
                return child;
            }
        }
        throw new ServiceProblem(404, "CHILD_NOT_FOUND", texts.get("children.console.childNotFound"), Map.of());
    }

    private static boolean mayAct() {
        return CurrentActor.user().map(u -> ACTING.contains(u.role().name())).orElse(false);
    }
}
