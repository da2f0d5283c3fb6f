package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A user's sessions, in PostgreSQL through Spring Session: the others end when the credentials change. */
class SessionsTest extends GatewayTestSupport {

    void serve(Parent parent) {
        services.answer("GET", "/api/me", 200, me(parent));
        services.answer("GET", "/api/families/" + parent.familyId(), 200,
                family(parent.familyId(), parent.userId(), parent.status()));
    }

    @Test
    void changing_the_password_ends_the_other_sessions_and_keeps_this_one() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie laptop = login(parent);
        Cookie phone = login(parent);
        Parent other = Parent.with("ACTIVE");
        Cookie someoneElse = login(other);
        assertThat(sessionsOf(parent.userId())).isEqualTo(2);
        serve(parent);
        mvc.perform(get("/mon-profil").cookie(phone)).andExpect(status().isOk());

        services.answer("POST", "/api/me/password", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"currentPassword","code":"WRONG_PASSWORD","message":"Le mot de passe actuel est incorrect."}]}""");
        assertThat(errorOf(page(post("/mon-compte/mot-de-passe").cookie(laptop).with(csrf())
                .param("password.currentPassword", "faux").param("password.newPassword", "Autre-Hirondelle-2027")
                .param("password.newPasswordConfirmation", "Autre-Hirondelle-2027")), "password-currentPassword"))
                .isEqualTo("Le mot de passe actuel est incorrect.");
        assertThat(sessionsOf(parent.userId())).as("nothing ended on a refusal").isEqualTo(2);

        services.answer("POST", "/api/me/password", 204);
        mvc.perform(post("/mon-compte/mot-de-passe").cookie(laptop).with(csrf())
                        .param("password.currentPassword", "Hirondelle-2026!")
                        .param("password.newPassword", "Autre-Hirondelle-2027")
                        .param("password.newPasswordConfirmation", "Autre-Hirondelle-2027"))
                .andExpect(redirectedUrl("/mon-compte"));
        assertThat(services.last("POST", "/api/me/password").json().path("newPasswordConfirmation").asText())
                .isEqualTo("Autre-Hirondelle-2027");

        assertThat(sessionsOf(parent.userId())).isEqualTo(1);
        mvc.perform(get("/mon-profil").cookie(phone)).andExpect(redirectedUrl("http://localhost/connexion"));
        mvc.perform(get("/mon-profil").cookie(laptop)).andExpect(status().isOk());
        assertThat(page("/mon-compte", laptop).select("[role=status]").text())
                .contains("Votre mot de passe a été changé.").contains("Vos autres sessions (1) ont été fermées.");
        assertThat(sessionsOf(other.userId())).as("another user's session is untouched").isEqualTo(1);
        serve(other);
        mvc.perform(get("/mon-profil").cookie(someoneElse)).andExpect(status().isOk());
    }

    @Test
    void a_password_reset_or_a_new_login_address_ends_every_session_of_the_user() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        login(parent);
        login(parent);
        services.answer("POST", "/api/password-resets/completion", 200, "{\"userId\":\"" + parent.userId() + "\"}");
        mvc.perform(post("/mot-de-passe/nouveau").param("token", "jeton").param("password", "Nouvelle-Hirondelle-7")
                .param("passwordConfirmation", "Nouvelle-Hirondelle-7").with(csrf())).andExpect(status().isOk());
        assertThat(sessionsOf(parent.userId())).isZero();

        Cookie current = login(parent);
        login(parent);
        services.answer("POST", "/api/email-changes/confirmation", 200, "{\"userId\":\"" + parent.userId() + "\"}");
        services.answer("GET", "/api/me", 200, me(parent).replace(parent.email(), "nouvelle@example.org"));
        mvc.perform(post("/compte/email/confirmer").cookie(current).param("token", "jeton").with(csrf()))
                .andExpect(status().isOk());
        assertThat(sessionsOf(parent.userId())).as("the session that opened the link stays").isEqualTo(1);
        services.answer("GET", "/api/families/" + parent.familyId(), 200,
                family(parent.familyId(), parent.userId(), "ACTIVE"));
        assertThat(page("/mon-compte", current).select(".panel strong").text()).isEqualTo("nouvelle@example.org");
    }

    @Test
    void a_pending_staff_login_is_no_session_of_the_user() throws Exception {
        String staffId = java.util.UUID.randomUUID().toString();
        services.answer("POST", "/api/authentication", 200, outcome(staffId, "STAFF", "ADMIN", null, "ACTIVE",
                "REQUIRED", "defi"));
        mvc.perform(post("/connexion").param("email", "a@vincey.test").param("password", "x").with(csrf()))
                .andExpect(redirectedUrl("/connexion/code"));
        assertThat(sessionsOf(staffId)).isZero();
    }
}
