package fr.marelle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Registration (screen 4): every field, errors next to each, and the parent logged in on success. */
class RegistrationTest extends GatewayTestSupport {

    static Map<String, String> valid() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("civility", "MADAME");
        form.put("firstName", "Camille");
        form.put("lastName", "Martin");
        form.put("mainPhone", "06 12 34 56 78");
        form.put("secondaryPhone", "");
        form.put("addressLine1", "3 rue de la Gare");
        form.put("addressLine2", "");
        form.put("postcode", "88450");
        form.put("city", "Vincey");
        form.put("cafNumber", "1234567");
        form.put("quotientFamilial", "850");
        form.put("newsletterConsent", "true");
        form.put("email", "camille." + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
        form.put("password", "Hirondelle-2026!");
        form.put("passwordConfirmation", "Hirondelle-2026!");
        form.put("language", "fr");
        return form;
    }

    static MockHttpServletRequestBuilder register(Map<String, String> form) {
        MockHttpServletRequestBuilder request = post("/inscription").with(csrf());
        form.forEach(request::param);
        return request;
    }

    @Test
    void the_form_has_every_field_of_screen_4_with_the_mandatory_ones_marked() throws Exception {
        Document page = page(get("/inscription"));
        for (String id : valid().keySet()) {
            if (!id.equals("newsletterConsent")) {
                Element input = field(page, id);
                assertThat(input.attr("name")).isEqualTo(id);
            }
        }
        assertThat(page.getElementById("newsletterConsent").attr("type")).isEqualTo("checkbox");
        assertThat(page.select("label[for=newsletterConsent]").text()).contains("Ville de Vincey");
        assertThat(page.select("p.hint").eachText()).contains("Les champs marqués d'un astérisque (*) sont obligatoires.");
        for (String required : new String[]{"firstName", "lastName", "mainPhone", "addressLine1", "postcode", "city",
                "email", "password", "passwordConfirmation"}) {
            assertThat(page.getElementById(required).hasAttr("required")).as(required).isTrue();
            assertThat(page.select("label[for=" + required + "] .required").text()).as(required).isEqualTo("*");
        }
        for (String optional : new String[]{"secondaryPhone", "addressLine2", "cafNumber", "quotientFamilial"}) {
            assertThat(page.getElementById(optional).hasAttr("required")).as(optional).isFalse();
        }
        assertThat(page.getElementById("password").attr("autocomplete")).isEqualTo("new-password");
        assertThat(page.getElementById("cafNumber").attr("aria-describedby")).isEqualTo("cafNumber-hint");
    }

    @Test
    void every_kind_of_mistake_is_said_next_to_its_field_before_anything_is_sent() throws Exception {
        Map<String, String> form = valid();
        form.put("firstName", " ");
        form.put("lastName", "");
        form.put("email", "pas-une-adresse");
        form.put("mainPhone", "+44 20 7946 0958");
        form.put("secondaryPhone", "12");
        form.put("addressLine1", "");
        form.put("postcode", "8845");
        form.put("city", "");
        form.put("cafNumber", "123456A");
        form.put("quotientFamilial", "beaucoup");
        form.put("passwordConfirmation", "autre chose");
        Document page = page(register(form));
        assertThat(errorOf(page, "firstName")).isEqualTo("Le prénom est obligatoire.");
        assertThat(errorOf(page, "lastName")).isEqualTo("Le nom est obligatoire.");
        assertThat(errorOf(page, "email")).isEqualTo("L'adresse e-mail n'est pas valide.");
        assertThat(errorOf(page, "mainPhone")).isEqualTo("Ce numéro de téléphone n'est pas un numéro français valide.");
        assertThat(errorOf(page, "secondaryPhone")).isEqualTo("Ce numéro de téléphone n'est pas un numéro français valide.");
        assertThat(errorOf(page, "addressLine1")).isEqualTo("L'adresse est obligatoire.");
        assertThat(errorOf(page, "postcode")).isEqualTo("Le code postal compte 5 chiffres.");
        assertThat(errorOf(page, "city")).isEqualTo("La ville est obligatoire.");
        assertThat(errorOf(page, "cafNumber")).isEqualTo("Le numéro d'allocataire CAF compte 7 chiffres, sans la lettre.");
        assertThat(errorOf(page, "quotientFamilial")).isEqualTo("Le quotient familial est un nombre entier positif.");
        assertThat(errorOf(page, "passwordConfirmation")).isEqualTo("Les deux mots de passe ne sont pas identiques.");
        assertThat(errorOf(page, "password")).isNull();
        // what was typed stays, but the passwords are never written back
        assertThat(page.getElementById("postcode").val()).isEqualTo("8845");
        assertThat(page.getElementById("quotientFamilial").val()).isEqualTo("beaucoup");
        assertThat(page.getElementById("password").val()).isEmpty();
        assertThat(page.getElementById("password").hasAttr("value")).isFalse();
        assertThat(page.select(".error-summary li")).hasSize(11);
        assertThat(page.select(".error-summary").attr("data-focus-on-load")).isNotNull();
        assertThat(page.getElementById("postcode").attr("aria-describedby")).isEqualTo("postcode-error postcode-hint");
        assertThat(services.calls("POST", "/api/registrations")).isEmpty();

        Map<String, String> negative = valid();
        negative.put("quotientFamilial", "-5");
        negative.put("email", "");
        negative.put("password", "");
        negative.put("passwordConfirmation", "");
        negative.put("mainPhone", "");
        Document second = page(register(negative));
        assertThat(errorOf(second, "quotientFamilial")).isEqualTo("Le quotient familial est un nombre entier positif.");
        assertThat(errorOf(second, "email")).isEqualTo("L'adresse e-mail est obligatoire.");
        assertThat(errorOf(second, "password")).isEqualTo("Le mot de passe est obligatoire.");
        assertThat(errorOf(second, "passwordConfirmation")).isEqualTo("Confirmez le mot de passe.");
        assertThat(errorOf(second, "mainPhone")).isEqualTo("Le téléphone principal est obligatoire.");
        assertThat(services.calls("POST", "/api/registrations")).isEmpty();
    }

    @Test
    void what_only_the_service_checks_comes_back_next_to_the_fields() throws Exception {
        services.answer("POST", "/api/registrations", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"password","code":"PASSWORD_TOO_WEAK",
                            "message":"Le mot de passe doit compter au moins 12 caractères mêlant majuscules, minuscules, chiffres et caractères spéciaux."},
                           {"field":"mainPhone","code":"PHONE","message":"Ce numéro de téléphone n'est pas un numéro français valide."}]}""");
        Map<String, String> form = valid();
        form.put("password", "court");
        form.put("passwordConfirmation", "court");
        Document page = page(register(form));
        assertThat(errorOf(page, "password")).startsWith("Le mot de passe doit compter au moins 12 caractères");
        assertThat(errorOf(page, "mainPhone")).isEqualTo("Ce numéro de téléphone n'est pas un numéro français valide.");
        assertThat(errorOf(page, "firstName")).isNull();

        Document english = page(register(form).param("lang", "en"));
        assertThat(errorOf(english, "password")).startsWith("The password must have at least 12 characters");
        assertThat(errorOf(english, "mainPhone")).isEqualTo("This is not a valid French phone number.");
    }

    @Test
    void a_registered_parent_is_logged_in_on_the_home_page_which_asks_to_confirm_the_address() throws Exception {
        Parent parent = Parent.with("EMAIL_UNVERIFIED");
        services.answer("POST", "/api/registrations", 201, """
                {"userId":"%s","familyId":"%s","displayName":"Camille Martin","status":"EMAIL_UNVERIFIED"}"""
                .formatted(parent.userId(), parent.familyId()));
        Map<String, String> form = valid();
        form.put("email", parent.email());
        form.put("secondaryPhone", "03 29 00 00 00");
        MvcResult result = mvc.perform(register(form)).andExpect(redirectedUrl("/?inscrit")).andReturn();
        Cookie session = session(result);

        StubService.Received call = services.last("POST", "/api/registrations");
        JsonNode sent = call.json();
        assertThat(sent.path("quotientFamilial").asInt()).isEqualTo(850);
        assertThat(sent.path("quotientFamilial").isInt()).isTrue();
        assertThat(sent.path("civility").asText()).isEqualTo("MADAME");
        assertThat(sent.path("cafNumber").asText()).isEqualTo("1234567");
        assertThat(sent.path("newsletterConsent").asBoolean()).isTrue();
        assertThat(sent.path("secondaryPhone").asText()).isEqualTo("03 29 00 00 00");
        assertThat(sent.path("addressLine2").isNull()).isTrue();
        assertThat(sent.path("passwordConfirmation").asText()).isEqualTo("Hirondelle-2026!");
        assertThat(sent.path("language").asText()).isEqualTo("fr");
        assertThat(call.token().path("sub").asText()).isEqualTo("system:gateway");
        assertThat(sessionsOf(parent.userId())).isEqualTo(1);

        services.answer("GET", "/api/me", 200, me(parent));
        Document home = page("/?inscrit", session);
        assertThat(home.select("[role=status]").text()).contains("Bienvenue ! Votre espace est créé.");
        assertThat(home.select("#validation").text()).isEqualTo("Validez votre adresse e-mail");
        assertThat(home.text()).contains("Merci de cliquer sur le lien présent dans l'e-mail de validation envoyé à "
                + parent.email());
        assertThat(home.select("form[action=/email-de-validation] button").text())
                .isEqualTo("Me renvoyer l'e-mail de validation");
        assertThat(home.select("#caf").text()).isEqualTo("Tarifs réduits");
        // before activation the parent's token names no family
        JsonNode token = services.last("GET", "/api/me").token();
        assertThat(token.path("sub").asText()).isEqualTo(parent.userId());
        assertThat(token.path("role").asText()).isEqualTo("PARENT");
        assertThat(token.has("fid")).as("no family before activation: " + token).isFalse();
        // only the home page is open until the address is confirmed
        assertThat(home.select("nav.space-nav a").eachText()).containsExactly("Accueil");
    }

    @Test
    void an_address_already_known_gets_the_same_home_page_and_the_same_resend_answer() throws Exception {
        Parent ghost = Parent.with("EMAIL_UNVERIFIED");
        services.answer("POST", "/api/registrations", 201, """
                {"userId":"%s","familyId":"%s","displayName":"Camille Martin","status":"EMAIL_UNVERIFIED"}"""
                .formatted(ghost.userId(), ghost.familyId()));
        Map<String, String> form = valid();
        form.put("email", ghost.email());
        Cookie session = session(mvc.perform(register(form)).andReturn());
        // accounts-service knows no such account: 404 on /api/me and on the resend
        Document home = page("/", session);
        assertThat(home.select("#validation").text()).isEqualTo("Validez votre adresse e-mail");
        mvc.perform(post("/email-de-validation").cookie(session).with(csrf())).andExpect(redirectedUrl("/?renvoye"));
        assertThat(services.last("POST", "/api/me/email-verification").token().path("sub").asText())
                .isEqualTo(ghost.userId());
        assertThat(page("/?renvoye", session).select("#validation + p + p[role=status]").text())
                .startsWith("Si votre adresse n'est pas encore confirmée");
    }
}
