package fr.marelle.gateway.web.admin;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.accounts.AccountsClient.FamilyFile;
import fr.marelle.gateway.services.accounts.AccountsClient.Guardian;
import fr.marelle.gateway.web.console.Contributions;
import fr.marelle.gateway.web.console.FamilyFileSections;
import fr.marelle.gateway.web.console.FamilySection;
import fr.marelle.gateway.web.forms.AddressForm;
import fr.marelle.gateway.web.forms.ContactsForm;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.ProfileForm;
import fr.marelle.gateway.web.forms.Texts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Staff console, families: search, the family file (address, CAF information, guardians and their accounts,
 * emergency contacts, messages sent), and what staff do on a family's behalf — open the file of a family without
 * internet, change its address, edit a guardian's profile and the contacts, add a guardian, invite one to log in.
 * Their actions are recorded as theirs by the services.
 */
@Controller
class FamilyAdminController {

    /** Opening a family file: its first guardian, its address, and optionally a login for the guardian. */
    public static class OpenFamilyForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public ProfileForm guardian = new ProfileForm();
        public AddressForm address = new AddressForm();
        public String loginEmail = "";
        public boolean inviteToPortal;
    }

    /** Another guardian of the family (a second parent), with a login or not. */
    public static class AddGuardianForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public ProfileForm guardian = new ProfileForm();
        public String loginEmail = "";
        public boolean inviteToPortal;
    }

    public static class InvitationForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        public String email = "";
    }

    private final AccountsClient accounts;
    private final Contributions contributions;
    private final List<FamilyFileSections> sections;
    private final Texts texts;

    FamilyAdminController(AccountsClient accounts, Texts texts, Contributions contributions,
                          List<FamilyFileSections> sections) {
        this.contributions = contributions;
        this.sections = sections;
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping("/admin/familles")
    String search(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        model.addAttribute("q", query);
        model.addAttribute("families", accounts.searchFamilies(query.strip()));
        return "admin/families";
    }

    // --- opening a family file --------------------------------------------------------------------------------

    @GetMapping("/admin/familles/nouvelle")
    String newFamily(Model model) {
        return showNewFamily(new OpenFamilyForm(), texts.errors(), null, model);
    }

    @PostMapping("/admin/familles/nouvelle")
    String open(@ModelAttribute("form") OpenFamilyForm form, Model model) {
        FormErrors errors = texts.errors();
        Integer quotient = form.guardian.check(errors, "guardian.");
        form.address.check(errors, "address.");
        checkLogin(form.loginEmail, form.inviteToPortal, errors);
        if (!errors.isEmpty()) {
            return showNewFamily(form, errors, null, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("guardian", form.guardian.toRequest(quotient));
        request.put("address", form.address.toRequest());
        request.put("loginEmail", blankToNull(form.loginEmail));
        request.put("inviteToPortal", form.inviteToPortal);
        try {
            AccountsClient.Opened opened = accounts.openFamily(request);
            return "redirect:/admin/familles/" + opened.familyId() + "?cree";
        } catch (ServiceProblem problem) {
            return refused(problem, errors, "loginEmail", formError -> showNewFamily(form, errors, formError,
                    model));
        }
    }

    private String showNewFamily(OpenFamilyForm form, FormErrors errors, String formError, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "admin/family-new";
    }

    // --- the family file --------------------------------------------------------------------------------------

    @GetMapping("/admin/familles/{familyId}")
    String file(@PathVariable UUID familyId, HttpServletRequest request, Model model) {
        boolean created = request.getParameterMap().containsKey("cree");
        model.addAttribute("familyId", familyId);
        model.addAttribute("created", created);
        try {
            model.addAttribute("family", accounts.family(familyId));
        } catch (ServiceProblem problem) {
            if (!problem.isNotFound() || !created) {
                throw problem;
            }
            // just opened: the directory catches up within a moment; the page asks again by itself
            model.addAttribute("family", null);
        }
        GatewayUser user = CurrentActor.user().orElseThrow();
        Contributions.Gathered<FamilySection> found = contributions.gather(sections,
                contributor -> contributor.sections(familyId, user));
        List<FamilySection> sorted = new ArrayList<>(found.items());
        sorted.sort(Comparator.comparingInt(FamilySection::order));
        model.addAttribute("sections", sorted);
        model.addAttribute("unavailable", found.unavailable());
        return "admin/family";
    }

    // --- the address ------------------------------------------------------------------------------------------

    @GetMapping("/admin/familles/{familyId}/adresse")
    String addressForm(@PathVariable UUID familyId, Model model) {
        FamilyFile family = accounts.family(familyId);
        return showAddress(family, AddressForm.of(family), texts.errors(), null, model);
    }

    @PostMapping("/admin/familles/{familyId}/adresse")
    String changeAddress(@PathVariable UUID familyId, @ModelAttribute("form") AddressForm form,
                         RedirectAttributes redirect, Model model) {
        FamilyFile family = accounts.family(familyId);
        FormErrors errors = texts.errors();
        form.check(errors, "");
        if (errors.isEmpty()) {
            try {
                accounts.changeAddress(familyId, form.toRequest());
                return saved(familyId, "family.saved.address", redirect);
            } catch (ServiceProblem problem) {
                return refused(problem, errors, null, formError -> showAddress(family, form, errors,
                        formError, model));
            }
        }
        return showAddress(family, form, errors, null, model);
    }

    private String showAddress(FamilyFile family, AddressForm form, FormErrors errors, String formError,
                               Model model) {
        model.addAttribute("family", family);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "admin/family-address";
    }

    // --- emergency contacts -----------------------------------------------------------------------------------

    @GetMapping("/admin/familles/{familyId}/contacts")
    String contactsForm(@PathVariable UUID familyId, Model model) {
        FamilyFile family = accounts.family(familyId);
        ContactsForm form = new ContactsForm();
        form.contacts = ContactsForm.rows(family.contacts());
        return showContacts(family, form, texts.errors(), null, model);
    }

    @PostMapping("/admin/familles/{familyId}/contacts")
    String saveContacts(@PathVariable UUID familyId, @ModelAttribute("form") ContactsForm form,
                        @RequestParam(name = "ajouter", required = false) String add,
                        @RequestParam(name = "retirer", required = false) Integer remove,
                        RedirectAttributes redirect, Model model) {
        FamilyFile family = accounts.family(familyId);
        if (add != null || remove != null) {
            if (add != null) {
                boolean added = form.addRow();
                model.addAttribute("focusField", added ? "contacts[" + (form.contacts.size() - 1) + "].name" : null);
                model.addAttribute("contactsMessage", texts.get(added ? "profile.contacts.added"
                        : "profile.contacts.max", ContactsForm.MAX));
            } else {
                ContactsForm.removeRow(form.contacts, remove);
                model.addAttribute("contactsMessage", texts.get("profile.contacts.removed"));
            }
            model.addAttribute("unsaved", true);
            return showContacts(family, form, texts.errors(), null, model);
        }
        form.dropBlankRows();
        FormErrors errors = texts.errors();
        form.check(errors);
        if (errors.isEmpty()) {
            try {
                accounts.saveEmergencyContacts(familyId, form.toRequest());
                return saved(familyId, "family.saved.contacts", redirect);
            } catch (ServiceProblem problem) {
                return refused(problem, errors, null, formError -> showContacts(family, form, errors,
                        formError, model));
            }
        }
        model.addAttribute("unsaved", true);
        return showContacts(family, form, errors, null, model);
    }

    private String showContacts(FamilyFile family, ContactsForm form, FormErrors errors, String formError,
                                Model model) {
        model.addAttribute("family", family);
        model.addAttribute("form", form);
        model.addAttribute("maxContacts", ContactsForm.MAX);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "admin/family-contacts";
    }

    // --- a guardian's profile ---------------------------------------------------------------------------------

    @GetMapping("/admin/familles/{familyId}/responsables/{guardianId}/profil")
    String guardianForm(@PathVariable UUID familyId, @PathVariable UUID guardianId, Model model) {
        FamilyFile family = accounts.family(familyId);
        Guardian guardian = guardian(family, guardianId);
        return showGuardian(family, guardian, ProfileForm.of(guardian, family), texts.errors(), null, model);
    }

    @PostMapping("/admin/familles/{familyId}/responsables/{guardianId}/profil")
    String saveGuardian(@PathVariable UUID familyId, @PathVariable UUID guardianId,
                        @ModelAttribute("form") ProfileForm form, RedirectAttributes redirect, Model model) {
        FamilyFile family = accounts.family(familyId);
        Guardian guardian = guardian(family, guardianId);
        FormErrors errors = texts.errors();
        Integer quotient = form.check(errors, "");
        if (errors.isEmpty()) {
            try {
                accounts.saveGuardianProfile(familyId, guardianId, form.toRequest(quotient));
                return saved(familyId, "family.saved.profile", redirect);
            } catch (ServiceProblem problem) {
                return refused(problem, errors, null, formError -> showGuardian(family, guardian, form,
                        errors, formError, model));
            }
        }
        return showGuardian(family, guardian, form, errors, null, model);
    }

    private String showGuardian(FamilyFile family, Guardian guardian, ProfileForm form, FormErrors errors,
                                String formError, Model model) {
        model.addAttribute("family", family);
        model.addAttribute("guardian", guardian);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "admin/guardian-profile";
    }

    // --- another guardian -------------------------------------------------------------------------------------

    @GetMapping("/admin/familles/{familyId}/responsables/nouveau")
    String newGuardianForm(@PathVariable UUID familyId, Model model) {
        FamilyFile family = accounts.family(familyId);
        return showNewGuardian(family, new AddGuardianForm(), texts.errors(), null, model);
    }

    @PostMapping("/admin/familles/{familyId}/responsables/nouveau")
    String addGuardian(@PathVariable UUID familyId, @ModelAttribute("form") AddGuardianForm form,
                       RedirectAttributes redirect, Model model) {
        FamilyFile family = accounts.family(familyId);
        FormErrors errors = texts.errors();
        // the CAF information is the family's, already in its file: not asked again here
        form.guardian.cafNumber = family.cafNumber() == null ? "" : family.cafNumber();
        form.guardian.quotientFamilial = family.quotientFamilial() == null ? ""
                : family.quotientFamilial().toString();
        Integer quotient = form.guardian.check(errors, "guardian.");
        checkLogin(form.loginEmail, form.inviteToPortal, errors);
        if (errors.isEmpty()) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("guardian", form.guardian.toRequest(quotient));
            request.put("loginEmail", blankToNull(form.loginEmail));
            request.put("inviteToPortal", form.inviteToPortal);
            try {
                accounts.addGuardian(familyId, request);
                return saved(familyId, form.inviteToPortal ? "family.saved.guardianInvited"
                        : "family.saved.guardian", redirect);
            } catch (ServiceProblem problem) {
                return refused(problem, errors, "loginEmail", formError -> showNewGuardian(family, form,
                        errors, formError, model));
            }
        }
        return showNewGuardian(family, form, errors, null, model);
    }

    private String showNewGuardian(FamilyFile family, AddGuardianForm form, FormErrors errors, String formError,
                                   Model model) {
        model.addAttribute("family", family);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "admin/guardian-new";
    }

    // --- an invitation to log in ------------------------------------------------------------------------------

    @GetMapping("/admin/familles/{familyId}/responsables/{guardianId}/invitation")
    String invitationForm(@PathVariable UUID familyId, @PathVariable UUID guardianId, Model model) {
        FamilyFile family = accounts.family(familyId);
        Guardian guardian = guardian(family, guardianId);
        InvitationForm form = new InvitationForm();
        form.email = guardian.loginEmail() != null ? guardian.loginEmail()
                : guardian.notificationEmail() != null ? guardian.notificationEmail() : "";
        return showInvitation(family, guardian, form, texts.errors(), null, model);
    }

    @PostMapping("/admin/familles/{familyId}/responsables/{guardianId}/invitation")
    String invite(@PathVariable UUID familyId, @PathVariable UUID guardianId,
                  @ModelAttribute("form") InvitationForm form, RedirectAttributes redirect, Model model) {
        FamilyFile family = accounts.family(familyId);
        Guardian guardian = guardian(family, guardianId);
        FormErrors errors = texts.errors();
        if (errors.required("email", form.email, "error.email.required")) {
            errors.email("email", form.email);
        }
        if (errors.isEmpty()) {
            try {
                accounts.inviteGuardian(guardianId, form.email.strip());
                return saved(familyId, "family.saved.invited", redirect);
            } catch (ServiceProblem problem) {
                return refused(problem, errors, "email", formError -> showInvitation(family, guardian, form,
                        errors, formError, model));
            }
        }
        return showInvitation(family, guardian, form, errors, null, model);
    }

    private String showInvitation(FamilyFile family, Guardian guardian, InvitationForm form, FormErrors errors,
                                  String formError, Model model) {
        model.addAttribute("family", family);
        model.addAttribute("guardian", guardian);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "admin/guardian-invitation";
    }

    // --- shared -----------------------------------------------------------------------------------------------

    private static Guardian guardian(FamilyFile family, UUID guardianId) {
        return family.guardian(guardianId).orElseThrow(() -> new ServiceProblem(404, "GUARDIAN_NOT_FOUND",
                "Responsable introuvable.", Map.of()));
    }

    private static void checkLogin(String loginEmail, boolean invite, FormErrors errors) {
        if (invite) {
            errors.required("loginEmail", loginEmail, "error.loginEmail.requiredForInvitation");
        }
        errors.email("loginEmail", loginEmail);
    }

    private static String saved(UUID familyId, String messageKey, RedirectAttributes redirect) {
        redirect.addFlashAttribute("savedMessage", messageKey);
        return "redirect:/admin/familles/" + familyId;
    }

    /**
     * A refusal: field errors go next to their fields; an address already used goes next to the login address
     * field ({@code emailField}); another rule is said above the form; anything else is the error page's.
     */
    private String refused(ServiceProblem problem, FormErrors errors, String emailField,
                           Function<String, String> show) {
        if (problem.isInvalidInput()) {
            errors.add(problem);
            return show.apply(null);
        }
        if (emailField != null && (problem.is("EMAIL_ALREADY_USED") || problem.is("LOGIN_ALREADY_EXISTS"))) {
            errors.add(emailField, problem);
            return show.apply(null);
        }
        if (problem.status() == 409 || problem.status() == 422) {
            return show.apply(texts.problem(problem));
        }
        throw problem;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
