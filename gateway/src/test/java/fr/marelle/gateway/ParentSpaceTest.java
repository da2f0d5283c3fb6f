package fr.marelle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The parents' space: what opens at each step of the account, "Mon profil", "Mon compte". */
class ParentSpaceTest extends GatewayTestSupport {

    void serve(Parent parent) {
        services.answer("GET", "/api/me", 200, me(parent));
        services.answer("GET", "/api/me/family", 200,
                family(parent.familyId(), parent.userId(), parent.status()));
    }

    @Test
    void until_the_address_is_confirmed_only_home_is_open() throws Exception {
        Parent parent = Parent.with("EMAIL_UNVERIFIED");
        Cookie session = login(parent);
        serve(parent);
        mvc.perform(get("/mon-profil").cookie(session)).andExpect(redirectedUrl("/?restreint"));
        mvc.perform(get("/mon-compte").cookie(session)).andExpect(redirectedUrl("/?restreint"));
        assertThat(page("/?restreint", session).select("[role=status]").text())
                .contains("Cette page sera accessible une fois votre compte activé.");
    }

    @Test
    void while_waiting_for_activation_only_the_profile_opens_and_activation_opens_the_rest() throws Exception {
        Parent parent = Parent.with("AWAITING_ACTIVATION");
        Cookie session = login(parent);
        serve(parent);
        Document home = page("/", session);
        assertThat(home.select("#activation").text()).isEqualTo("Votre compte attend son activation");
        assertThat(home.text()).contains("Un administrateur activera votre compte pour vous permettre d'accéder à "
                + "toutes les fonctionnalités.");
        assertThat(home.select("nav.space-nav a").eachText()).containsExactly("Accueil", "Mon profil");
        mvc.perform(get("/mon-profil").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/mon-compte").cookie(session)).andExpect(redirectedUrl("/?restreint"));
        mvc.perform(get("/une-page-de-parent-a-venir").cookie(session)).andExpect(redirectedUrl("/?restreint"));
        // the family file is read by the parent's login: their token names no family before activation
        StubService.Received read = services.last("GET", "/api/me/family");
        assertThat(read.token().path("sub").asText()).isEqualTo(parent.userId());
        assertThat(read.token().has("fid")).isFalse();
        assertThat(services.last("GET", "/api/me").token().has("fid")).isFalse();

        Parent active = new Parent(parent.userId(), parent.familyId(), parent.email(), "ACTIVE");
        serve(active);
        mvc.perform(get("/mon-compte").cookie(session)).andExpect(status().isOk());
        assertThat(services.last("GET", "/api/me").token().has("fid")).isFalse();
        page("/mon-profil", session);
        JsonNode token = services.last("GET", "/api/me/family").token();
        assertThat(token.path("sub").asText()).isEqualTo(parent.userId());
        assertThat(token.path("fid").asText()).isEqualTo(parent.familyId());
    }

    @Test
    void a_refused_parent_reads_the_reason() throws Exception {
        Parent parent = Parent.with("REFUSED");
        Cookie session = login(parent);
        serve(parent);
        Document home = page("/", session);
        assertThat(home.select("#refus").text()).isEqualTo("Votre compte n'a pas été activé");
        assertThat(home.text()).contains("Motif : Aucun enfant scolarisé à Vincey.");
    }

    @Test
    void an_active_parent_sees_the_reminder_only_while_caf_information_is_missing() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent);
        assertThat(page("/", session).select("#caf")).isEmpty();
        services.answer("GET", "/api/me/family", 200,
                family(parent.familyId(), parent.userId(), "ACTIVE").replace("\"cafNumber\":\"1234567\"",
                        "\"cafNumber\":null"));
        Document home = page("/", session);
        assertThat(home.select("#caf + p").text()).isEqualTo("N'oubliez pas de nous communiquer votre quotient "
                + "familial et votre numéro d'allocataire CAF si vous pouvez bénéficier de nos tarifs réduits.");
        assertThat(home.select("nav.space-nav a").eachText()).startsWith("Accueil", "Mon profil", "Mon compte");
    }

    @Test
    void the_profile_shows_everything_but_the_address_which_only_the_town_changes() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent);
        Document page = page("/mon-profil", session);
        assertThat(field(page, "firstName").val()).isEqualTo("Camille");
        assertThat(field(page, "mainPhone").val()).isEqualTo("06 12 34 56 78");
        assertThat(field(page, "cafNumber").val()).isEqualTo("1234567");
        assertThat(field(page, "quotientFamilial").val()).isEqualTo("850");
        assertThat(page.getElementById("newsletterConsent").hasAttr("checked")).isTrue();
        assertThat(page.getElementById("addressLine1")).as("the address is not a field").isNull();
        assertThat(page.select("#adresse ~ .address").text()).contains("3 rue de la Gare").contains("88450 Vincey");
        assertThat(page.text()).contains("Seule la mairie peut modifier votre adresse");
        assertThat(field(page, "contacts-0-name").val()).isEqualTo("Jeanne Martin");
        assertThat(field(page, "contacts-0-phone").val()).isEqualTo("06 11 22 33 44");
        assertThat(page.getElementById("contacts-0-canPickUpChildren").hasAttr("checked")).isTrue();
        assertThat(page.select("label[for=contacts-0-canPickUpChildren]").text())
                .isEqualTo("Cette personne est autorisée à récupérer les enfants");
        assertThat(page.select("form[data-unsaved-notice=non-enregistre]")).hasSize(1);
        assertThat(page.getElementById("non-enregistre").attr("role")).isEqualTo("status");
        assertThat(page.getElementById("non-enregistre").text()).isEmpty();
        assertThat(page.select("script[src]").eachAttr("src")).contains("/js/marelle.js");
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(page.select("[style]")).as("no inline style").isEmpty();
        // Enter in a field saves: the first submit button of the form is the (hidden) save button
        assertThat(page.select("form[action=/mon-profil] button[type=submit]").first().hasAttr("name")).isFalse();
    }

    @Test
    void people_to_call_are_added_and_removed_on_the_page_then_saved_with_it() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent);
        Document added = page(post("/mon-profil").cookie(session).with(csrf()).params(profile())
                .param("contacts[0].contactId", "6f1c7a52-7a31-4d5e-9d11-0c3a3b1e2f10")
                .param("contacts[0].name", "Jeanne Martin").param("contacts[0].phone", "06 11 22 33 44")
                .param("contacts[0].canPickUpChildren", "true")
                .param("ajouter", "1"));
        assertThat(field(added, "contacts-1-name").val()).isEmpty();
        assertThat(added.getElementById("contacts-1-name").hasAttr("autofocus")).isTrue();
        assertThat(field(added, "contacts-0-name").val()).isEqualTo("Jeanne Martin");
        assertThat(added.getElementById("non-enregistre").text())
                .isEqualTo("N'oubliez pas d'enregistrer vos modifications.");
        assertThat(services.calls("PUT", "/api/me/profile")).as("nothing saved yet").isEmpty();

        Document removed = page(post("/mon-profil").cookie(session).with(csrf()).params(profile())
                .param("contacts[0].contactId", "6f1c7a52-7a31-4d5e-9d11-0c3a3b1e2f10")
                .param("contacts[0].name", "Jeanne Martin").param("contacts[0].phone", "06 11 22 33 44")
                .param("contacts[1].name", "Paul Martin").param("contacts[1].phone", "06 22 33 44 55")
                .param("retirer", "0"));
        assertThat(removed.getElementById("contacts-0-name").val()).isEqualTo("Paul Martin");
        assertThat(removed.getElementById("contacts-1-name")).isNull();

        services.answer("PUT", "/api/me/profile", 204);
        services.answer("PUT", "/api/me/emergency-contacts", 204);
        MvcResult saved = mvc.perform(post("/mon-profil").cookie(session).with(csrf()).params(profile("quotientFamilial", " 620 "))
                .param("contacts[0].name", "Paul Martin").param("contacts[0].phone", "06 22 33 44 55")
                .param("contacts[1].name", "").param("contacts[1].phone", ""))
                .andExpect(redirectedUrl("/mon-profil")).andReturn();
        JsonNode profile = services.last("PUT", "/api/me/profile").json();
        assertThat(profile.path("quotientFamilial").asInt()).isEqualTo(620);
        assertThat(profile.path("firstName").asText()).isEqualTo("Camille");
        assertThat(profile.path("newsletterConsent").asBoolean()).isFalse();
        assertThat(profile.has("addressLine1")).isFalse();
        JsonNode contacts = services.last("PUT", "/api/me/emergency-contacts")
                .json().path("contacts");
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).path("name").asText()).isEqualTo("Paul Martin");
        assertThat(contacts.get(0).path("canPickUpChildren").asBoolean()).isFalse();
        assertThat(contacts.get(0).has("contactId")).isFalse();
        // the page shows what was saved (the family file catches up a moment later)
        Document after = page("/mon-profil", session);
        assertThat(after.select("[role=status]").text()).contains("Vos modifications sont enregistrées.");
        assertThat(after.getElementById("quotientFamilial").val().strip()).isEqualTo("620");
    }

    @Test
    void profile_errors_are_shown_next_to_their_fields_whoever_found_them() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent);
        Document local = page(post("/mon-profil").cookie(session).with(csrf()).params(profile("quotientFamilial", "neuf cents", "mainPhone", "12"))
                .param("contacts[0].name", "Jeanne Martin").param("contacts[0].phone", ""));
        assertThat(errorOf(local, "quotientFamilial")).isEqualTo("Le quotient familial est un nombre entier positif.");
        assertThat(errorOf(local, "mainPhone")).isEqualTo("Ce numéro de téléphone n'est pas un numéro français valide.");
        assertThat(errorOf(local, "contacts-0-phone")).isEqualTo("Le téléphone est obligatoire.");
        assertThat(local.getElementById("non-enregistre").text()).isNotEmpty();
        assertThat(services.calls("PUT", "/api/me/profile")).isEmpty();

        services.answer("PUT", "/api/me/profile", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"notificationEmail","code":"EMAIL","message":"L'adresse e-mail n'est pas valide."}]}""");
        services.answer("PUT", "/api/me/emergency-contacts", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"contacts[0].phone","code":"PHONE","message":"Ce numéro de téléphone n'est pas un numéro français valide."}]}""");
        Document remote = page(post("/mon-profil").cookie(session).with(csrf()).params(profile("notificationEmail", "camille@exemple.fr"))
                .param("contacts[0].name", "Jeanne Martin").param("contacts[0].phone", "06 11 22 33 44"));
        assertThat(errorOf(remote, "notificationEmail")).isEqualTo("L'adresse e-mail n'est pas valide.");
        assertThat(errorOf(remote, "contacts-0-phone"))
                .isEqualTo("Ce numéro de téléphone n'est pas un numéro français valide.");
        assertThat(remote.getElementById("notificationEmail").val()).isEqualTo("camille@exemple.fr");
        assertThat(remote.select("[role=status]").text()).as("nothing said saved").doesNotContain("enregistrées");
    }

    @Test
    void before_activation_the_profile_and_its_contacts_are_saved_by_the_login_and_keep_the_caf_information()
            throws Exception {
        Parent parent = Parent.with("AWAITING_ACTIVATION");
        Cookie session = login(parent);
        serve(parent);
        Document page = page("/mon-profil", session);
        assertThat(page.getElementById("quotientFamilial").val()).isEqualTo("850");
        assertThat(page.getElementById("contacts-0-name").val()).isEqualTo("Jeanne Martin");
        services.answer("PUT", "/api/me/profile", 204);
        services.answer("PUT", "/api/me/emergency-contacts", 204);
        mvc.perform(post("/mon-profil").cookie(session).with(csrf()).params(profile())
                .param("contacts[0].name", "Jeanne Martin").param("contacts[0].phone", "06 11 22 33 44"))
                .andExpect(redirectedUrl("/mon-profil"));
        assertThat(services.last("PUT", "/api/me/profile").token().has("fid")).isFalse();
        assertThat(services.last("PUT", "/api/me/emergency-contacts").token().has("fid")).isFalse();
        assertThat(services.last("PUT", "/api/me/emergency-contacts").json().path("contacts").get(0)
                .path("name").asText()).isEqualTo("Jeanne Martin");
    }

    @Test
    void the_login_address_changes_through_a_link_sent_to_the_new_one() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        serve(parent);
        Document page = page("/mon-compte", session);
        field(page, "email-newEmail");
        field(page, "email-currentPassword");
        field(page, "password-currentPassword");
        services.answer("POST", "/api/me/email", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"currentPassword","code":"WRONG_PASSWORD","message":"Le mot de passe actuel est incorrect."}]}""");
        Document wrong = page(post("/mon-compte/email").cookie(session).with(csrf())
                .param("email.newEmail", "nouvelle@example.org").param("email.currentPassword", "faux"));
        assertThat(errorOf(wrong, "email-currentPassword")).isEqualTo("Le mot de passe actuel est incorrect.");
        assertThat(errorOf(wrong, "password-currentPassword")).isNull();
        assertThat(wrong.getElementById("email-newEmail").val()).isEqualTo("nouvelle@example.org");

        services.answer("POST", "/api/me/email", 202);
        MvcResult sent = mvc.perform(post("/mon-compte/email").cookie(session).with(csrf())
                .param("email.newEmail", "nouvelle@example.org").param("email.currentPassword", "Hirondelle-2026!"))
                .andExpect(redirectedUrl("/mon-compte")).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).doesNotContain("nouvelle");
        JsonNode body = services.last("POST", "/api/me/email").json();
        assertThat(body.path("newEmail").asText()).isEqualTo("nouvelle@example.org");
        assertThat(body.path("currentPassword").asText()).isEqualTo("Hirondelle-2026!");
        assertThat(page("/mon-compte", session).select("[role=status]").text())
                .contains("Un lien de confirmation a été envoyé à nouvelle@example.org");
    }

    /** The profile form as a parent posts it, with some fields changed ({@code name, value, …}). */
    static org.springframework.util.MultiValueMap<String, String> profile(String... changed) {
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("civility", "MADAME");
        form.add("firstName", "Camille");
        form.add("lastName", "Martin");
        form.add("mainPhone", "06 12 34 56 78");
        form.add("secondaryPhone", "");
        form.add("notificationEmail", "");
        form.add("secondaryEmail", "");
        form.add("cafNumber", "1234567");
        form.add("quotientFamilial", "850");
        form.add("language", "fr");
        for (int i = 0; i < changed.length; i += 2) {
            form.set(changed[i], changed[i + 1]);
        }
        return form;
    }
}
