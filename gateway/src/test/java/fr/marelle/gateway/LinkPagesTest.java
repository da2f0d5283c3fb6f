package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Pages opened from emailed links, and the forgotten-password form. */
class LinkPagesTest extends GatewayTestSupport {

    static final String TOKEN = "jeton-a-usage-unique-0123456789";

    void linkIs(boolean valid) {
        services.answer("POST", "/api/link-checks", 200, "{\"valid\":" + valid + "}");
    }

    @Test
    void a_valid_confirmation_link_shows_a_button_and_nothing_is_done_on_get() throws Exception {
        linkIs(true);
        MvcResult result = mvc.perform(get("/compte/valider").param("jeton", TOKEN))
                .andExpect(header().string("Referrer-Policy", "no-referrer")).andReturn();
        Document page = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Confirmer votre adresse e-mail");
        assertThat(page.select("form[action=/compte/valider][method=post] input[name=token]").val()).isEqualTo(TOKEN);
        assertThat(services.last("POST", "/api/link-checks").json().path("purpose").asText())
                .isEqualTo("EMAIL_VERIFICATION");
        assertThat(services.last("POST", "/api/link-checks").json().path("token").asText()).isEqualTo(TOKEN);
        assertThat(services.calls("POST", "/api/email-verifications")).as("a mail scanner's GET does nothing")
                .isEmpty();

        services.answer("POST", "/api/email-verifications", 200, "{\"userId\":\"" + java.util.UUID.randomUUID() + "\"}");
        Document done = page(post("/compte/valider").param("token", TOKEN).with(csrf()));
        assertThat(done.select("h1").text()).isEqualTo("Adresse e-mail confirmée");
        assertThat(done.text()).contains("Un administrateur activera votre compte");
        assertThat(services.last("POST", "/api/email-verifications").json().path("token").asText()).isEqualTo(TOKEN);
        assertThat(services.last("POST", "/api/email-verifications").token().path("sub").asText())
                .isEqualTo("system:gateway");
    }

    @Test
    void an_expired_or_used_link_says_so_and_what_to_do() throws Exception {
        linkIs(false);
        Document verification = page(get("/compte/valider").param("jeton", TOKEN));
        assertThat(verification.select("h1").text()).isEqualTo("Ce lien n'est plus valable");
        assertThat(verification.text()).contains("Il a déjà servi, ou il a expiré.")
                .contains("la page d'accueil vous propose de recevoir un nouvel e-mail de validation");
        assertThat(verification.select("form input[name=token]")).isEmpty();

        Document reset = page(get("/mot-de-passe/nouveau").param("jeton", TOKEN));
        assertThat(reset.select("h1").text()).isEqualTo("Ce lien n'est plus valable");
        assertThat(reset.select("a[href=/mot-de-passe/oubli]").text()).isEqualTo("Recevoir un nouveau lien");

        assertThat(page(get("/compte/invitation").param("jeton", TOKEN)).text())
                .contains("demandez une nouvelle invitation à la mairie (mairie@vincey.test)");
        assertThat(page(get("/compte/email/confirmer")).select("h1").text()).isEqualTo("Ce lien n'est plus valable");

        // used meanwhile: the answer to the button is the same page
        services.answer("POST", "/api/email-verifications", 422, """
                {"status":422,"code":"LINK_EXPIRED_OR_USED","detail":"Ce lien n'est plus valable : il a déjà servi ou il a expiré."}""");
        assertThat(page(post("/compte/valider").param("token", TOKEN).with(csrf())).select("h1").text())
                .isEqualTo("Ce lien n'est plus valable");
    }

    @Test
    void a_new_password_is_chosen_from_the_link_with_errors_next_to_the_fields() throws Exception {
        linkIs(true);
        Document form = page(get("/mot-de-passe/nouveau").param("jeton", TOKEN));
        field(form, "password");
        field(form, "passwordConfirmation");
        assertThat(services.last("POST", "/api/link-checks").json().path("purpose").asText())
                .isEqualTo("PASSWORD_RESET");

        Document differ = page(post("/mot-de-passe/nouveau").param("token", TOKEN).param("password", "Un-Mot-2026!!x")
                .param("passwordConfirmation", "autre").with(csrf()));
        assertThat(errorOf(differ, "passwordConfirmation")).isEqualTo("Les deux mots de passe ne sont pas identiques.");
        assertThat(differ.select("input[name=token]").val()).isEqualTo(TOKEN);

        services.answer("POST", "/api/password-resets/completion", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"password","code":"PASSWORD_COMMON","message":"Ce mot de passe est trop courant."}]}""");
        Document weak = page(post("/mot-de-passe/nouveau").param("token", TOKEN).param("password", "motdepasse1")
                .param("passwordConfirmation", "motdepasse1").with(csrf()));
        assertThat(errorOf(weak, "password")).isEqualTo("Ce mot de passe est trop courant.");

        services.answer("POST", "/api/password-resets/completion", 200, "{\"userId\":\"" + java.util.UUID.randomUUID() + "\"}");
        MvcResult done = mvc.perform(post("/mot-de-passe/nouveau").param("token", TOKEN)
                .param("password", "Nouvelle-Hirondelle-7").param("passwordConfirmation", "Nouvelle-Hirondelle-7")
                .with(csrf())).andExpect(header().string("Referrer-Policy", "no-referrer")).andReturn();
        assertThat(org.jsoup.Jsoup.parse(done.getResponse().getContentAsString()).select("h1").text())
                .isEqualTo("Mot de passe changé");
        assertThat(services.last("POST", "/api/password-resets/completion").json().path("passwordConfirmation")
                .asText()).isEqualTo("Nouvelle-Hirondelle-7");
    }

    @Test
    void an_invitation_is_accepted_by_choosing_a_password() throws Exception {
        linkIs(true);
        Document form = page(get("/compte/invitation").param("jeton", TOKEN));
        assertThat(form.select("h1").text()).isEqualTo("Choisir votre mot de passe");
        services.answer("POST", "/api/invitations/acceptance", 200, "{\"userId\":\"" + java.util.UUID.randomUUID() + "\"}");
        Document done = page(post("/compte/invitation").param("token", TOKEN).param("password", "Agent-Hirondelle-26")
                .param("passwordConfirmation", "Agent-Hirondelle-26").with(csrf()));
        assertThat(done.select("h1").text()).isEqualTo("Votre compte est prêt");
        assertThat(services.last("POST", "/api/invitations/acceptance").json().path("token").asText()).isEqualTo(TOKEN);
    }

    @Test
    void the_forgotten_password_form_always_gives_the_same_answer() throws Exception {
        Document form = page(get("/mot-de-passe/oubli"));
        field(form, "email");
        Document invalid = page(post("/mot-de-passe/oubli").param("email", "pas-une-adresse").with(csrf()));
        assertThat(errorOf(invalid, "email")).isEqualTo("L'adresse e-mail n'est pas valide.");
        assertThat(services.calls("POST", "/api/password-resets")).isEmpty();

        services.answer("POST", "/api/password-resets", 202);
        mvc.perform(post("/mot-de-passe/oubli").param("email", "inconnue@example.org").with(csrf()))
                .andExpect(redirectedUrl("/mot-de-passe/oubli?envoye"));
        assertThat(services.last("POST", "/api/password-resets").json().path("email").asText())
                .isEqualTo("inconnue@example.org");
        assertThat(services.last("POST", "/api/password-resets").token().path("sub").asText())
                .isEqualTo("system:gateway");
        Document sent = page(get("/mot-de-passe/oubli").param("envoye", ""));
        assertThat(sent.select("[role=status]").text()).startsWith("Si un compte correspond à cette adresse");
    }

    @Test
    void a_confirmed_address_updates_the_session_of_the_parent_who_opens_the_link() throws Exception {
        Parent parent = Parent.with("EMAIL_UNVERIFIED");
        Cookie session = login(parent);
        services.answer("POST", "/api/email-verifications", 200, "{\"userId\":\"" + parent.userId() + "\"}");
        Parent confirmed = new Parent(parent.userId(), parent.familyId(), parent.email(), "AWAITING_ACTIVATION");
        services.answer("GET", "/api/me", 200, me(confirmed));
        Document done = page(post("/compte/valider").cookie(session).param("token", TOKEN).with(csrf()));
        assertThat(done.select("a[href=/]").text()).contains("Aller à l'accueil");
        services.answer("GET", "/api/families/" + parent.familyId(), 200,
                family(parent.familyId(), parent.userId(), "AWAITING_ACTIVATION"));
        assertThat(page("/", session).select("#activation").text()).isEqualTo("Votre compte attend son activation");
    }
}
