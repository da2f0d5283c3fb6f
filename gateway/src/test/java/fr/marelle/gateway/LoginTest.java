package fr.marelle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Logging in through accounts-service: parents with a password, staff with a second factor. */
class LoginTest extends GatewayTestSupport {

    @Test
    void a_parent_logs_in_with_a_new_session_indexed_under_their_user_id() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Document form = page(get("/"));
        assertThat(form.select("form[action=/connexion] #email")).hasSize(1);
        assertThat(form.select("a[href=/mot-de-passe/oubli]").text()).isEqualTo("Des problèmes de connexion ?");
        assertThat(form.select("a[href=/inscription]").text()).isEqualTo("M'inscrire");
        MvcResult anonymous = mvc.perform(get("/connexion")).andReturn();
        Cookie before = session(anonymous);

        services.answer("POST", "/api/authentication", 200, outcome(parent.userId(), "PARENT", "PARENT",
                parent.familyId(), "ACTIVE", "NONE", null));
        MvcResult result = mvc.perform(post("/connexion").cookie(before).param("email", " " + parent.email() + " ")
                .param("password", "Hirondelle-2026!").with(csrf())).andExpect(redirectedUrl("/")).andReturn();
        Cookie after = session(result);
        assertThat(after.getValue()).as("a new session id at login").isNotEqualTo(before.getValue());
        assertThat(sessionsOf(parent.userId())).isEqualTo(1);

        StubService.Received call = services.last("POST", "/api/authentication");
        assertThat(call.json().path("email").asText()).isEqualTo(parent.email());
        assertThat(call.json().path("password").asText()).isEqualTo("Hirondelle-2026!");
        JsonNode token = call.token();
        assertThat(token.path("sub").asText()).isEqualTo("system:gateway");
        assertThat(token.path("role").asText()).isEqualTo("SYSTEM");
        assertThat(token.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(call.correlationId()).isNotBlank();

        services.answer("GET", "/api/me", 200, me(parent));
        services.answer("GET", "/api/families/" + parent.familyId(), 200,
                family(parent.familyId(), parent.userId(), "ACTIVE"));
        Document home = page("/", after);
        assertThat(home.select("h1").text()).isEqualTo("Bienvenue sur votre espace privé de la Ville de Vincey");
        assertThat(home.select(".site-header__user").text()).contains("Camille Martin");
        JsonNode parentToken = services.last("GET", "/api/me").token();
        assertThat(parentToken.path("sub").asText()).isEqualTo(parent.userId());
        assertThat(parentToken.path("role").asText()).isEqualTo("PARENT");
        assertThat(parentToken.path("fid").asText()).as("an active parent acts for their family")
                .isEqualTo(parent.familyId());
        // the old session is no longer logged in, nor the new one after logging out
        assertThat(page("/", before).select("form[action=/connexion]")).hasSize(1);
        mvc.perform(post("/deconnexion").cookie(after).with(csrf())).andExpect(redirectedUrl("/connexion?deconnecte"));
        assertThat(sessionsOf(parent.userId())).isZero();
    }

    @Test
    void a_wrong_password_gets_one_message_for_both_fields_and_keeps_the_address() throws Exception {
        services.answer("POST", "/api/authentication", 422, """
                {"status":422,"code":"INVALID_CREDENTIALS","detail":"Adresse e-mail ou mot de passe incorrect."}""");
        Document page = page(post("/connexion").param("email", "camille@example.org").param("password", "faux")
                .with(csrf()));
        assertThat(page.select(".error-summary").text()).contains("Adresse e-mail ou mot de passe incorrect.");
        assertThat(page.select(".error-summary").attr("role")).isEqualTo("alert");
        assertThat(page.title()).startsWith("Erreur :");
        assertThat(page.getElementById("email").val()).isEqualTo("camille@example.org");
        assertThat(page.getElementById("password").val()).isEmpty();
        mvc.perform(get("/mon-profil")).andExpect(redirectedUrl("http://localhost/connexion"));
    }

    @Test
    void too_many_attempts_are_said_with_the_service_words() throws Exception {
        services.answer("POST", "/api/authentication", 429, """
                {"status":429,"code":"TOO_MANY_ATTEMPTS",
                 "detail":"Trop de tentatives de connexion. Réessayez dans 5 minute(s)."}""");
        Document page = page(post("/connexion").param("email", "camille@example.org").param("password", "x")
                .with(csrf()));
        assertThat(page.select(".error-summary").text())
                .contains("Trop de tentatives de connexion. Réessayez dans 5 minute(s).");
    }

    @Test
    void empty_fields_are_said_next_to_them_without_calling_the_service() throws Exception {
        Document page = page(post("/connexion").param("email", "").param("password", "").with(csrf()));
        assertThat(errorOf(page, "email")).isEqualTo("L'adresse e-mail est obligatoire.");
        assertThat(errorOf(page, "password")).isEqualTo("Le mot de passe est obligatoire.");
        assertThat(services.calls("POST", "/api/authentication")).isEmpty();
    }

    @Test
    void staff_log_in_with_a_code_and_are_not_logged_in_before() throws Exception {
        String userId = UUID.randomUUID().toString();
        services.answer("POST", "/api/authentication", 200, outcome(userId, "STAFF", "AGENT", null, "ACTIVE",
                "REQUIRED", "defi-secret"));
        MvcResult first = mvc.perform(post("/connexion").param("email", "agent@vincey.test")
                .param("password", "Mot-de-passe-2026!").with(csrf()))
                .andExpect(redirectedUrl("/connexion/code")).andReturn();
        assertThat(first.getResponse().getRedirectedUrl()).doesNotContain("defi");
        Cookie pending = session(first);
        mvc.perform(get("/admin").cookie(pending)).andExpect(redirectedUrl("http://localhost/connexion"));
        assertThat(sessionsOf(userId)).isZero();

        Document code = page("/connexion/code", pending);
        assertThat(field(code, "code").attr("autocomplete")).isEqualTo("one-time-code");

        services.answer("POST", "/api/authentication/second-factor", 422, """
                {"status":422,"code":"INVALID_CODE","detail":"Ce code n'est pas valable."}""");
        Document wrong = page(post("/connexion/code").cookie(pending).param("code", "000000").with(csrf()));
        assertThat(errorOf(wrong, "code")).isEqualTo("Ce code n'est pas valable.");

        services.answer("POST", "/api/authentication/second-factor", 200, outcome(userId, "STAFF", "AGENT", null,
                "ACTIVE", "DONE", null));
        MvcResult done = mvc.perform(post("/connexion/code").cookie(pending).param("code", "ABCD-EFGH")
                .with(csrf())).andExpect(redirectedUrl("http://localhost/admin?continue"))
                .andReturn(); // back to the page that asked for a login
        StubService.Received call = services.last("POST", "/api/authentication/second-factor");
        assertThat(call.json().path("challenge").asText()).as("the challenge comes from the session")
                .isEqualTo("defi-secret");
        assertThat(call.json().path("code").asText()).as("a recovery code goes in the same field")
                .isEqualTo("ABCD-EFGH");
        assertThat(call.token().path("sub").asText()).isEqualTo("system:gateway");
        Cookie staff = session(done);
        assertThat(staff.getValue()).isNotEqualTo(pending.getValue());
        mvc.perform(get("/admin").cookie(staff)).andExpect(status().isOk());
        assertThat(sessionsOf(userId)).isEqualTo(1);
        // the challenge is spent
        mvc.perform(get("/connexion/code").cookie(staff)).andExpect(redirectedUrl("/connexion?expire"));
    }

    @Test
    void an_expired_challenge_starts_the_login_again() throws Exception {
        services.answer("POST", "/api/authentication", 200, outcome(UUID.randomUUID().toString(), "STAFF", "ADMIN",
                null, "ACTIVE", "REQUIRED", "defi"));
        Cookie pending = session(mvc.perform(post("/connexion").param("email", "a@vincey.test")
                .param("password", "x").with(csrf())).andReturn());
        services.answer("POST", "/api/authentication/second-factor", 422, """
                {"status":422,"code":"LOGIN_EXPIRED","detail":"La connexion a expiré ; recommencez."}""");
        mvc.perform(post("/connexion/code").cookie(pending).param("code", "123456").with(csrf()))
                .andExpect(redirectedUrl("/connexion?expire"));
        assertThat(page("/connexion?expire", pending).select("[role=status]").text())
                .contains("La connexion a expiré ; recommencez.");
        mvc.perform(get("/connexion/code")).andExpect(redirectedUrl("/connexion?expire"));
    }

    @Test
    void staff_set_up_their_authenticator_at_their_first_login_and_see_their_recovery_codes_once() throws Exception {
        String userId = UUID.randomUUID().toString();
        services.answer("POST", "/api/authentication", 200, outcome(userId, "STAFF", "ADMIN", null, "ACTIVE",
                "ENROLLMENT_REQUIRED", "defi-enrolement"));
        Cookie pending = session(mvc.perform(post("/connexion").param("email", "admin@vincey.test")
                .param("password", "Mot-de-passe-2026!").with(csrf()))
                .andExpect(redirectedUrl("/connexion/enrolement")).andReturn());
        services.answer("POST", "/api/authentication/second-factor/enrollment", 200, """
                {"secret":"JBSWY3DPEHPK3PXPJBSWY3DP","otpauthUri":"otpauth://totp/Marelle:admin?secret=JBSWY3DPEHPK3PXP",
                 "qrCodeDataUri":"data:image/png;base64,iVBORw0KGgo="}""");
        Document page = page("/connexion/enrolement", pending);
        assertThat(page.select("img.qr-code").attr("src")).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
        assertThat(page.select("img.qr-code").attr("alt")).contains("QR code").contains("clé");
        assertThat(page.select(".secret code").text()).isEqualTo("JBSW Y3DP EHPK 3PXP JBSW Y3DP");
        field(page, "code");
        // reloading the page shows the same key: no second enrolment
        page("/connexion/enrolement", pending);
        assertThat(services.calls("POST", "/api/authentication/second-factor/enrollment")).hasSize(1);
        assertThat(services.last("POST", "/api/authentication/second-factor/enrollment").json()
                .path("challenge").asText()).isEqualTo("defi-enrolement");
        mvc.perform(get("/admin").cookie(pending)).andExpect(redirectedUrl("http://localhost/connexion"));

        services.answer("POST", "/api/authentication/second-factor/enrollment/confirmation", 200, """
                {"login":%s,"recoveryCodes":["k3m9-q2x7","p8w4-z6n1","c5v2-r7t3"]}"""
                .formatted(outcome(userId, "STAFF", "ADMIN", null, "ACTIVE", "DONE", null)));
        MvcResult confirmed = mvc.perform(post("/connexion/enrolement").cookie(pending).param("code", "654321")
                .with(csrf())).andExpect(status().isOk()).andReturn();
        Document codes = Jsoup.parse(confirmed.getResponse().getContentAsString());
        assertThat(codes.select(".recovery-codes code").eachText()).containsExactly("k3m9-q2x7", "p8w4-z6n1",
                "c5v2-r7t3");
        assertThat(codes.select(".alert--warning").text()).contains("Ils ne seront plus jamais affichés");
        assertThat(confirmed.getResponse().getHeader("Cache-Control")).contains("no-store");
        Cookie staff = session(confirmed);
        assertThat(staff.getValue()).isNotEqualTo(pending.getValue());
        mvc.perform(get("/admin").cookie(staff)).andExpect(status().isOk());
        assertThat(page("/connexion/enrolement", staff).text()).doesNotContain("JBSW");
    }

    @Test
    void an_answer_naming_staff_without_a_second_step_is_not_a_login() throws Exception {
        services.answer("POST", "/api/authentication", 200, outcome(UUID.randomUUID().toString(), "STAFF", "ADMIN",
                null, "ACTIVE", "NONE", null));
        Document page = page(post("/connexion").param("email", "a@vincey.test").param("password", "x")
                .with(csrf()));
        assertThat(page.select(".error-summary").text()).contains("Adresse e-mail ou mot de passe incorrect.");
    }
}
