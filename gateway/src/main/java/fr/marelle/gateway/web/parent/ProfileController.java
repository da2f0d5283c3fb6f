package fr.marelle.gateway.web.parent;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.accounts.AccountsClient;
import fr.marelle.gateway.services.accounts.AccountsClient.FamilyFile;
import fr.marelle.gateway.web.forms.ContactsForm;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.ProfileForm;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * "Mon profil" (screens 7 and 8): personal information, notification addresses, CAF number and quotient
 * familial, newsletter consent, and the people to call in an emergency — everything but the address, which only the
 * town changes. One button saves the page; adding or removing a person is done on the page first (a round trip
 * without JavaScript), with a reminder to save.
 */
@Controller
class ProfileController {

    /** The profile and the emergency contacts, named as the services name them. */
    public static class ProfilePageForm extends ProfileForm {
        @Serial
        private static final long serialVersionUID = 1L;
        public List<ContactsForm.Row> contacts = new ArrayList<>();
    }

    private final AccountsClient accounts;
    private final Texts texts;

    ProfileController(AccountsClient accounts, Texts texts) {
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping("/mon-profil")
    String profile(Model model) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        AccountsClient.Me me;
        try {
            me = accounts.me();
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return "redirect:/?restreint";
            }
            throw problem;
        }
        FamilyFile family = family(user);
        if (!model.containsAttribute("form")) {
            // after a save, the form as saved is shown (flash attribute): the family file catches up a moment later
            ProfilePageForm form = new ProfilePageForm();
            ProfileForm profile = ProfileForm.of(me.guardian(), family);
            copy(profile, form);
            form.contacts = family == null ? new ArrayList<>() : ContactsForm.rows(family.contacts());
            model.addAttribute("form", form);
        }
        return show(user, family, texts.errors(), null, model);
    }

    @PostMapping("/mon-profil")
    String save(@ModelAttribute("form") ProfilePageForm form,
                @RequestParam(name = "ajouter", required = false) String add,
                @RequestParam(name = "retirer", required = false) Integer remove,
                RedirectAttributes redirect, Model model) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        FamilyFile family = family(user);
        boolean contactsEditable = true; // by the login: before activation too
        if (!contactsEditable) {
            form.contacts = family == null ? new ArrayList<>() : ContactsForm.rows(family.contacts());
        }
        if (contactsEditable && add != null) {
            boolean added = ContactsForm.addRow(form.contacts);
            model.addAttribute("focusField", added ? "contacts[" + (form.contacts.size() - 1) + "].name" : null);
            model.addAttribute("contactsMessage", texts.get(added ? "profile.contacts.added"
                    : "profile.contacts.max", ContactsForm.MAX));
            model.addAttribute("unsaved", true);
            return show(user, family, texts.errors(), null, model);
        }
        if (contactsEditable && remove != null) {
            ContactsForm.removeRow(form.contacts, remove);
            model.addAttribute("contactsMessage", texts.get("profile.contacts.removed"));
            model.addAttribute("unsaved", true);
            return show(user, family, texts.errors(), null, model);
        }
        ContactsForm.dropBlankRows(form.contacts);
        FormErrors errors = texts.errors();
        Integer quotient = form.check(errors, "");
        if (contactsEditable) {
            ContactsForm.check(form.contacts, errors);
        }
        if (!errors.isEmpty()) {
            model.addAttribute("unsaved", true);
            return show(user, family, errors, null, model);
        }
        String formError = null;
        boolean profileSaved = false;
        try {
            accounts.saveMyProfile(form.toRequest(quotient));
            profileSaved = true;
        } catch (ServiceProblem problem) {
            if (!problem.isInvalidInput()) {
                throw problem;
            }
            errors.add(problem);
        }
        if (contactsEditable) {
            try {
                accounts.saveMyEmergencyContacts(ContactsForm.toRequest(form.contacts));
            } catch (ServiceProblem problem) {
                if (problem.isInvalidInput()) {
                    errors.add(problem);
                } else if (problem.status() == 422) {
                    formError = texts.problem(problem);
                } else {
                    throw problem;
                }
            }
        }
        if (!errors.isEmpty() || formError != null) {
            model.addAttribute("unsaved", true);
            model.addAttribute("partlySaved", profileSaved);
            return show(user, family, errors, formError, model);
        }
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/mon-profil";
    }

    private String show(GatewayUser user, FamilyFile family, FormErrors errors, String formError, Model model) {
        model.addAttribute("family", family);
        model.addAttribute("contactsEditable", true);
        model.addAttribute("maxContacts", ContactsForm.MAX);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("formError", formError);
        return "parent/profile";
    }

    /**
     * The parent's own family file, by their login (also before activation). Null while a new file is not readable
     * yet: the page then shows (and saves) the CAF fields as the parent fills them.
     */
    private FamilyFile family(GatewayUser user) {
        try {
            return accounts.myFamily();
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                return null;
            }
            throw problem;
        }
    }

    private static void copy(ProfileForm from, ProfileForm to) {
        to.civility = from.civility;
        to.firstName = from.firstName;
        to.lastName = from.lastName;
        to.mainPhone = from.mainPhone;
        to.secondaryPhone = from.secondaryPhone;
        to.notificationEmail = from.notificationEmail;
        to.secondaryEmail = from.secondaryEmail;
        to.cafNumber = from.cafNumber;
        to.quotientFamilial = from.quotientFamilial;
        to.newsletterConsent = from.newsletterConsent;
        to.language = from.language;
    }
}
