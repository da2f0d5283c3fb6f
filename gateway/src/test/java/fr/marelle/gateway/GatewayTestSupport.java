package fr.marelle.gateway;

import fr.marelle.platform.test.MarelleTestInitializer;
import fr.marelle.platform.test.TestServiceTokens;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The gateway against a stub of the services (one HTTP server standing for accounts-service and
 * notification-service), with its sessions in a real PostgreSQL database (Spring Session JDBC). One Spring context
 * for every test class that extends this one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = MarelleTestInitializer.class)
abstract class GatewayTestSupport {

    static final String SESSION = "MARELLE_SESSION";
    static final StubService services;

    static {
        try {
            services = new StubService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(services::close));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("marelle.service-token.private-key", TestServiceTokens::privateKey);
        registry.add("marelle.services.accounts.url", services::url);
        registry.add("marelle.services.notification.url", services::url);
        registry.add("marelle.town.name", () -> "Ville de Vincey");
        registry.add("marelle.town.contact-email", () -> "mairie@vincey.test");
        // each test class with its own properties has its own context and pool: keep them small
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "3");
    }

    @BeforeEach
    void resetServices() {
        services.reset();
    }

    // --- who logs in -------------------------------------------------------------------------------------------

    /** A parent as accounts-service describes them. */
    record Parent(String userId, String familyId, String email, String status) {
        static Parent with(String status) {
            return new Parent(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    "parent." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", status);
        }
    }

    static String outcome(String userId, String kind, String role, String familyId, String status,
                          String secondFactor, String challenge) {
        return """
                {"userId":"%s","kind":"%s","role":"%s","familyId":%s,"displayName":"Camille Martin",
                 "status":"%s","language":"fr","secondFactor":"%s","challenge":%s}"""
                .formatted(userId, kind, role, familyId == null ? "null" : "\"" + familyId + "\"", status,
                        secondFactor, challenge == null ? "null" : "\"" + challenge + "\"");
    }

    /** What {@code GET /api/me} answers for a parent. */
    static String me(Parent parent) {
        return """
                {"userId":"%s","kind":"PARENT","role":"PARENT","status":"%s","displayName":"Camille Martin",
                 "loginEmail":"%s","language":"fr","familyId":"%s",
                 "guardian":{"guardianId":"%s","familyId":"%s","origin":"PORTAL","status":"%s","civility":"MADAME",
                   "firstName":"Camille","lastName":"Martin","mainPhone":"+33612345678","secondaryPhone":null,
                   "loginEmail":"%s","notificationEmail":null,"secondaryEmail":null,"language":"fr",
                   "newsletterConsent":true,"refusalReason":%s,"registeredAt":"2026-11-20T10:00:00Z"}}"""
                .formatted(parent.userId(), parent.status(), parent.email(), parent.familyId(), parent.userId(),
                        parent.familyId(), parent.status(), parent.email(),
                        "REFUSED".equals(parent.status()) ? "\"Aucun enfant scolarisé à Vincey.\"" : "null");
    }

    /** What {@code GET /api/families/{id}} answers: the family file. */
    static String family(String familyId, String guardianId, String status) {
        return """
                {"familyId":"%s","addressLine1":"3 rue de la Gare","addressLine2":null,"postcode":"88450",
                 "city":"Vincey","cafNumber":"1234567","quotientFamilial":850,"openedAt":"2026-11-20T10:00:00Z",
                 "openedByRole":"PARENT",
                 "guardians":[{"guardianId":"%s","familyId":"%s","origin":"PORTAL","status":"%s","civility":"MADAME",
                   "firstName":"Camille","lastName":"Martin","mainPhone":"+33612345678","secondaryPhone":null,
                   "loginEmail":"camille@example.org","notificationEmail":null,"secondaryEmail":null,"language":"fr",
                   "newsletterConsent":true,"refusalReason":null,"registeredAt":"2026-11-20T10:00:00Z"}],
                 "contacts":[{"contactId":"6f1c7a52-7a31-4d5e-9d11-0c3a3b1e2f10","name":"Jeanne Martin",
                   "phone":"+33611223344","canPickUpChildren":true}]}"""
                .formatted(familyId, guardianId, familyId, status);
    }

    /** Logs a parent in through the login form; the session cookie. */
    Cookie login(Parent parent) throws Exception {
        services.answer("POST", "/api/authentication", 200, outcome(parent.userId(), "PARENT", "PARENT",
                parent.familyId(), parent.status(), "NONE", null));
        MvcResult result = mvc.perform(post("/connexion").param("email", parent.email())
                .param("password", "Hirondelle-2026!").with(csrf())).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        return session(result);
    }

    /** Logs a staff member in with a password and a code from their authenticator; the session cookie. */
    Cookie loginStaff(String role) throws Exception {
        return loginStaff(role, UUID.randomUUID().toString());
    }

    Cookie loginStaff(String role, String userId) throws Exception {
        services.answer("POST", "/api/authentication", 200, outcome(userId, "STAFF", role, null, "ACTIVE",
                "REQUIRED", "defi-" + userId));
        MvcResult first = mvc.perform(post("/connexion").param("email", role.toLowerCase() + "@vincey.test")
                .param("password", "Mot-de-passe-2026!").with(csrf())).andReturn();
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/connexion/code");
        Cookie pending = session(first);
        services.answer("POST", "/api/authentication/second-factor", 200, outcome(userId, "STAFF", role, null,
                "ACTIVE", "DONE", null));
        MvcResult second = mvc.perform(post("/connexion/code").cookie(pending).param("code", "123456")
                .with(csrf())).andReturn();
        assertThat(second.getResponse().getRedirectedUrl()).isEqualTo("/admin");
        return session(second);
    }

    static Cookie session(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie(SESSION);
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    // --- pages ---------------------------------------------------------------------------------------------------

    Document page(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        return Jsoup.parse(result.getResponse().getContentAsString());
    }

    Document page(String path, Cookie session) throws Exception {
        return page(get(path).cookie(session));
    }

    /** The input, checked to be bound to its label and, when it has an error, tied to it. */
    static Element field(Document page, String id) {
        Element input = page.getElementById(id);
        assertThat(input).as("field #" + id).isNotNull();
        assertThat(page.select("label[for=" + id + "]")).as("label of #" + id).hasSize(1);
        Element error = page.getElementById(id + "-error");
        if (error != null) {
            assertThat(input.attr("aria-invalid")).as("aria-invalid of #" + id).isEqualTo("true");
            assertThat(input.attr("aria-describedby").split(" ")).as("aria-describedby of #" + id)
                    .contains(id + "-error");
            assertThat(page.select(".error-summary a[href=#" + id + "]")).as("summary link to #" + id)
                    .hasSize(1);
        } else {
            assertThat(input.hasAttr("aria-invalid")).as("aria-invalid of #" + id).isFalse();
        }
        return input;
    }

    /** The error shown next to a field (its text without the hidden "Erreur :" prefix). */
    static String errorOf(Document page, String id) {
        field(page, id);
        Element error = page.getElementById(id + "-error");
        return error == null ? null : error.select("span").last().text();
    }

    long sessionsOf(String userId) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(userId)
                .query(Long.class).single();
    }
}
