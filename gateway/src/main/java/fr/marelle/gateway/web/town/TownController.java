package fr.marelle.gateway.web.town;

import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.web.forms.FormErrors;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The town's identity: its colours as a stylesheet and its logo (public, every page uses them), its legal notice and
 * privacy notice (public pages), and the administrators' page that changes them, keeping every version.
 */
@Controller
class TownController {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final int MAX_TEXT = 20_000;

    public static class IdentityForm {
        public String name = "";
        public String contactEmail = "";
        public String primaryColour = "";
        public String darkColour = "";
        public String legalNotice = "";
        public String privacyNotice = "";
        public boolean removeLogo;

        static IdentityForm of(TownIdentity.Version version) {
            IdentityForm form = new IdentityForm();
            form.name = version.name();
            form.contactEmail = version.contactEmail();
            form.primaryColour = version.primaryColour();
            form.darkColour = version.darkColour();
            form.legalNotice = version.legalNotice();
            form.privacyNotice = version.privacyNotice();
            return form;
        }
    }

    private final TownIdentity identity;
    private final LogoImages logos;
    private final Texts texts;

    TownController(TownIdentity identity, LogoImages logos, Texts texts) {
        this.identity = identity;
        this.logos = logos;
        this.texts = texts;
    }

    @GetMapping(value = "/commune/theme.css", produces = "text/css")
    ResponseEntity<String> theme() {
        TownIdentity.Version current = identity.current();
        String css = ":root {\n    --town-primary: " + current.primaryColour() + ";\n    --town-primary-dark: "
                + current.darkColour() + ";\n}\n";
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag("\"" + current.version() + "\"")
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8)).body(css);
    }

    @GetMapping("/commune/logo")
    ResponseEntity<byte[]> logo() {
        return identity.logo().map(logo -> ResponseEntity.ok().cacheControl(CacheControl.noCache())
                        .eTag("\"" + logo.version() + "\"").header("X-Content-Type-Options", "nosniff")
                        .contentType(MediaType.parseMediaType(logo.contentType())).body(logo.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/mentions-legales")
    String legalNotice(Model model) {
        return legal("town.legal.title", identity.current().legalNotice(), model);
    }

    @GetMapping("/donnees-personnelles")
    String privacyNotice(Model model) {
        return legal("town.privacy.title", identity.current().privacyNotice(), model);
    }

    private String legal(String title, String text, Model model) {
        model.addAttribute("title", title);
        model.addAttribute("paragraphs", text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).toList());
        return "town/legal";
    }

    @GetMapping("/admin/configuration/commune")
    String form(Model model) {
        return show(IdentityForm.of(identity.current()), texts.errors(), model);
    }

    @PostMapping("/admin/configuration/commune")
    String save(@ModelAttribute("form") IdentityForm form, @RequestParam(name = "logo", required = false)
                MultipartFile logo, RedirectAttributes redirect, Model model) throws IOException {
        FormErrors errors = texts.errors();
        errors.required("name", form.name, "town.error.nameRequired");
        errors.maxLength("name", form.name, 80);
        if (errors.required("contactEmail", form.contactEmail, "town.error.emailRequired")) {
            errors.email("contactEmail", form.contactEmail);
        }
        colour("primaryColour", form.primaryColour, errors);
        colour("darkColour", form.darkColour, errors);
        errors.maxLength("legalNotice", form.legalNotice, MAX_TEXT);
        errors.maxLength("privacyNotice", form.privacyNotice, MAX_TEXT);
        TownIdentity.Logo image = null;
        if (logo != null && !logo.isEmpty() && !form.removeLogo) {
            LogoImages.Checked checked = logos.check(logo.getBytes());
            if (checked.error() != null) {
                errors.reject("logo", checked.error(), checked.arguments());
            } else {
                image = checked.logo();
            }
        }
        if (!errors.isEmpty()) {
            return show(form, errors, model);
        }
        GatewayUser user = CurrentActor.user().orElseThrow();
        identity.save(new TownIdentity.Version(0, form.name.strip(), form.contactEmail.strip(),
                form.primaryColour.strip().toLowerCase(Locale.ROOT), form.darkColour.strip().toLowerCase(Locale.ROOT),
                false, form.legalNotice.strip(), form.privacyNotice.strip(), null, user.userId(),
                user.displayName()), image, form.removeLogo);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/configuration/commune";
    }

    private String show(IdentityForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("current", identity.current());
        model.addAttribute("history", identity.history());
        return "town/identity";
    }

    /** A colour white text stays readable on (WCAG 2.1 AA, 4.5:1), as the buttons and the header use it. */
    private static void colour(String field, String value, FormErrors errors) {
        if (!errors.required(field, value, "town.error.colourRequired")) {
            return;
        }
        String colour = value.strip();
        if (!COLOUR.matcher(colour).matches()) {
            errors.reject(field, "town.error.colourInvalid");
        } else if (Contrast.againstWhite(colour) < 4.5) {
            errors.reject(field, "town.error.colourContrast", String.format(Locale.FRANCE, "%.1f",
                    Contrast.againstWhite(colour)));
        }
    }
}
