package fr.marelle.gateway;

import fr.marelle.platform.test.MarelleTestInitializer;
import fr.marelle.platform.test.TestServiceTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import jakarta.servlet.http.Cookie;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The gateway's pages and its side of the service APIs, against a stub accounts service. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = MarelleTestInitializer.class)
class GatewayWebTest {

    static final String ADMIN = "admin@vincey.test";
    static final String PASSWORD = "Un-mot-de-passe-solide-2026";
    static StubService accounts;

    @Autowired
    MockMvc mvc;

    @BeforeAll
    static void start() throws IOException {
        accounts = new StubService();
    }

    @AfterAll
    static void stop() {
        accounts.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marelle.admin.email", () -> ADMIN);
        registry.add("marelle.admin.password", () -> PASSWORD);
        registry.add("marelle.service-token.private-key", TestServiceTokens::privateKey);
        registry.add("marelle.services.accounts.url", () -> accounts.url());
        registry.add("marelle.services.notification.url", () -> accounts.url());
    }

    /** The session cookie of a logged-in administrator (sessions live in PostgreSQL, through Spring Session). */
    Cookie login() throws Exception {
        MvcResult result = mvc.perform(post("/connexion").param("email", ADMIN).param("password", PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin"))
                .andReturn();
        Cookie session = result.getResponse().getCookie("MARELLE_SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        return session;
    }

    @Test
    void pages_carry_a_strict_content_security_policy_and_the_usual_headers() throws Exception {
        mvc.perform(get("/connexion"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void the_console_needs_a_login_and_a_wrong_password_is_refused() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("http://localhost/connexion"));
        mvc.perform(post("/connexion").param("email", ADMIN).param("password", "faux").with(csrf()))
                .andExpect(redirectedUrl("/connexion?erreur"));
        mvc.perform(get("/admin").cookie(login())).andExpect(status().isOk());
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/admin/familles/nouvelle").cookie(login()).param("firstName", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void field_errors_from_the_service_are_shown_next_to_their_fields_in_french() throws Exception {
        accounts.answer("POST", "/api/families", 400, """
                {"type":"urn:marelle:problem:validation-failed","status":400,"code":"VALIDATION_FAILED",
                 "detail":"Certains champs sont invalides.",
                 "errors":[{"field":"postcode","code":"FORMAT","message":"Le code postal compte 5 chiffres."},
                           {"field":"phone","code":"PHONE","message":"Ce numéro de téléphone n'est pas un numéro français valide."}]}
                """);
        MvcResult result = mvc.perform(post("/admin/familles/nouvelle").cookie(login()).with(csrf())
                        .param("firstName", "Camille").param("lastName", "Martin").param("email", "c@example.org")
                        .param("phone", "123").param("addressLine1", "3 rue").param("postcode", "884")
                        .param("city", "Vincey"))
                .andExpect(status().isOk())
                .andReturn();
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#postcode-error").text()).contains("Le code postal compte 5 chiffres.");
        assertThat(page.select("#postcode").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#postcode").attr("aria-describedby")).contains("postcode-error");
        assertThat(page.select("#postcode").val()).isEqualTo("884");
        assertThat(page.select("#phone-error").text()).contains("pas un numéro français valide");
        assertThat(page.select("#firstName").val()).isEqualTo("Camille");
        assertThat(page.select("#firstName-error")).isEmpty();

        StubService.Received call = accounts.received.get(accounts.received.size() - 1);
        assertThat(call.authorization()).startsWith("Bearer ey");
        assertThat(call.correlationId()).isNotBlank();
    }

    @Test
    void english_is_offered_and_remembered() throws Exception {
        String english = mvc.perform(get("/connexion").param("lang", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(english).select("h1").text()).isEqualTo("Log in");
        assertThat(Jsoup.parse(english).select("html").attr("lang")).isEqualTo("en");
    }
}
