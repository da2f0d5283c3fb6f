package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Headers, CSRF, and which pages each role may open. */
class SecurityTest extends GatewayTestSupport {

    static final String FAMILY = "0b7f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f";
    static final String GUARDIAN = "1c8f4d2f-6e3b-4d9f-8a21-3b4c5d6e7f80";

    @Test
    void pages_carry_a_strict_content_security_policy_and_the_usual_headers() throws Exception {
        MvcResult result = mvc.perform(get("/connexion"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("style-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", containsString("camera=()")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn();
        assertThat(result.getResponse().getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
        Cookie session = session(result);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getAttribute("SameSite")).isEqualTo("Lax");
        Document page = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("[style]")).isEmpty();
        assertThat(page.select("[onclick],[onload],[onsubmit]")).isEmpty();
        for (String asset : page.select("script[src]").eachAttr("src")) {
            mvc.perform(get(asset)).andExpect(status().isOk());
        }
        mvc.perform(get("/css/marelle.css")).andExpect(status().isOk());
    }

    @Test
    void forms_posted_without_their_csrf_token_are_refused() throws Exception {
        mvc.perform(post("/connexion").param("email", "a@example.org").param("password", "x"))
                .andExpect(status().isForbidden());
        assertThat(services.calls("POST", "/api/authentication")).isEmpty();
        mvc.perform(post("/inscription").param("firstName", "x")).andExpect(status().isForbidden());
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        mvc.perform(post("/mon-profil").cookie(session).param("firstName", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/mon-compte/mot-de-passe").cookie(session).param("password.newPassword", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/deconnexion").cookie(session)).andExpect(status().isForbidden());
        assertThat(sessionsOf(parent.userId())).isEqualTo(1);
        Cookie admin = loginStaff("ADMIN");
        mvc.perform(post("/admin/comptes-en-attente/" + GUARDIAN + "/activation").cookie(admin))
                .andExpect(status().isForbidden());
        assertThat(services.calls("PUT", "/api/me/profile")).isEmpty();
        assertThat(services.calls("POST", "/api/guardians/" + GUARDIAN + "/activation")).isEmpty();
    }

    @Test
    void refusals_and_failures_get_pages_of_the_portal_not_stack_traces() throws Exception {
        Document denied = page(get("/error").accept("text/html")
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 403)
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/admin/personnel"));
        assertThat(denied.select("h1").text()).isEqualTo("Accès refusé");
        assertThat(denied.select("a[hreflang=en]").attr("href")).isEqualTo("/admin/personnel?lang=en");
        Document failed = page(get("/error").accept("text/html")
                .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 500));
        assertThat(failed.select("h1").text()).isEqualTo("Service momentanément indisponible");
        Cookie agent = loginStaff("AGENT");
        services.answer("GET", "/api/families/" + FAMILY, 404, """
                {"status":404,"code":"FAMILY_NOT_FOUND","detail":"Famille introuvable."}""");
        MvcResult missing = mvc.perform(get("/admin/familles/" + FAMILY).cookie(agent)).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat(org.jsoup.Jsoup.parse(missing.getResponse().getContentAsString()).select("h1").text())
                .isEqualTo("Page introuvable");
    }

    /** Each staff page, and the roles that may open it (the others get 403; visitors are sent to log in). */
    static Map<String, Set<String>> pages() {
        Map<String, Set<String>> pages = new LinkedHashMap<>();
        Set<String> staff = Set.of("ADMIN", "AGENT", "FINANCE", "AUDITOR");
        Set<String> desk = Set.of("ADMIN", "AGENT");
        pages.put("/admin", staff);
        pages.put("/admin/comptes-en-attente", desk);
        pages.put("/admin/comptes-en-attente/" + GUARDIAN + "/refus", Set.of("ADMIN"));
        pages.put("/admin/familles", staff);
        pages.put("/admin/familles/" + FAMILY, staff);
        pages.put("/admin/familles/nouvelle", desk);
        pages.put("/admin/familles/" + FAMILY + "/adresse", desk);
        pages.put("/admin/familles/" + FAMILY + "/contacts", desk);
        pages.put("/admin/familles/" + FAMILY + "/responsables/nouveau", desk);
        pages.put("/admin/familles/" + FAMILY + "/responsables/" + GUARDIAN + "/profil", desk);
        pages.put("/admin/familles/" + FAMILY + "/responsables/" + GUARDIAN + "/invitation", desk);
        pages.put("/admin/personnel", Set.of("ADMIN"));
        pages.put("/admin/personnel/nouveau", Set.of("ADMIN"));
        pages.put("/admin/statut", Set.of("ADMIN", "AUDITOR"));
        pages.put("/mon-profil", Set.of("PARENT"));
        pages.put("/mon-compte", Set.of("PARENT", "ADMIN", "AGENT", "FINANCE", "AUDITOR"));
        return pages;
    }

    void serveConsole() {
        services.answer("GET", "/api/guardians/awaiting-activation", 200, "[" + guardian() + "]");
        services.answer("GET", "/api/families", 200, "[]");
        services.answer("GET", "/api/families/" + FAMILY, 200, family(FAMILY, GUARDIAN, "ACTIVE"));
        services.answer("GET", "/api/messages", 200, "[]");
        services.answer("GET", "/api/staff", 200, "[]");
    }

    static String guardian() {
        return """
                {"guardianId":"%s","familyId":"%s","status":"AWAITING_ACTIVATION","firstName":"Camille",
                 "lastName":"Martin","loginEmail":"camille@example.org","registeredAt":"2026-11-20T10:00:00Z",
                 "emailVerifiedAt":"2026-11-20T10:05:00Z"}""".formatted(GUARDIAN, FAMILY);
    }

    @Test
    void each_page_opens_for_its_roles_only_a_matrix() throws Exception {
        Map<String, Cookie> sessions = new LinkedHashMap<>();
        for (String role : List.of("ADMIN", "AGENT", "FINANCE", "AUDITOR")) {
            sessions.put(role, loginStaff(role));
        }
        Parent parent = new Parent(UUID.randomUUID().toString(), FAMILY, "camille@example.org", "ACTIVE");
        sessions.put("PARENT", login(parent));
        serveConsole();
        services.answer("GET", "/api/me", 200, me(parent));
        for (Map.Entry<String, Set<String>> page : pages().entrySet()) {
            mvc.perform(get(page.getKey())).andExpect(status().isFound()).andExpect(header().string("Location",
                    "http://localhost/connexion"));
            for (Map.Entry<String, Cookie> session : sessions.entrySet()) {
                int expected = page.getValue().contains(session.getKey()) ? 200 : 403;
                int actual = mvc.perform(get(page.getKey()).cookie(session.getValue())).andReturn().getResponse()
                        .getStatus();
                assertThat(actual).as(session.getKey() + " GET " + page.getKey()).isEqualTo(expected);
            }
        }
        // actions, not only pages
        Map<String, Set<String>> actions = Map.of(
                "/admin/comptes-en-attente/" + GUARDIAN + "/activation", Set.of("ADMIN"),
                "/admin/personnel/" + GUARDIAN + "/desactivation", Set.of("ADMIN"),
                "/admin/familles/" + FAMILY + "/adresse", Set.of("ADMIN", "AGENT"));
        for (Map.Entry<String, Set<String>> action : actions.entrySet()) {
            for (Map.Entry<String, Cookie> session : sessions.entrySet()) {
                MockHttpServletRequestBuilder request = post(action.getKey()).cookie(session.getValue()).with(csrf());
                int actual = mvc.perform(request).andReturn().getResponse().getStatus();
                if (action.getValue().contains(session.getKey())) {
                    assertThat(actual).as(session.getKey() + " POST " + action.getKey()).isNotEqualTo(403);
                } else {
                    assertThat(actual).as(session.getKey() + " POST " + action.getKey()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void the_console_links_only_what_the_role_may_open() throws Exception {
        serveConsole();
        // each feature adds its own entries: the menus must at least hold these, and link exactly the console pages
        // (of all those any role is shown) that the role may open
        Map<String, List<String>> core = Map.of(
                "ADMIN", List.of("/admin", "/admin/comptes-en-attente", "/admin/familles", "/admin/familles/nouvelle",
                        "/admin/personnel", "/admin/statut", "/mon-compte"),
                "AGENT", List.of("/admin", "/admin/comptes-en-attente", "/admin/familles", "/admin/familles/nouvelle",
                        "/mon-compte"),
                "FINANCE", List.of("/admin", "/admin/familles", "/mon-compte"),
                "AUDITOR", List.of("/admin", "/admin/familles", "/admin/statut", "/mon-compte"));
        Map<String, Cookie> sessions = new LinkedHashMap<>();
        Map<String, List<String>> menus = new LinkedHashMap<>();
        for (String role : core.keySet()) {
            sessions.put(role, loginStaff(role));
            menus.put(role, page("/admin", sessions.get(role)).select("nav.console-nav a").eachAttr("href"));
            assertThat(menus.get(role)).as(role).containsAll(core.get(role));
        }
        Set<String> everyPage = new TreeSet<>();
        menus.values().forEach(everyPage::addAll);
        for (String role : core.keySet()) {
            for (String href : everyPage) {
                int status = mvc.perform(get(href).cookie(sessions.get(role))).andReturn().getResponse().getStatus();
                assertThat(status != 403).as(role + " " + href + " linked iff it may be opened (" + status + ")")
                        .isEqualTo(menus.get(role).contains(href));
            }
        }
        for (Map.Entry<String, List<String>> role : core.entrySet()) {
            Cookie session = sessions.get(role.getKey());
            Document file = page("/admin/familles/" + FAMILY, session);
            boolean desk = role.getKey().equals("ADMIN") || role.getKey().equals("AGENT");
            assertThat(file.select("a[href$=/adresse]").isEmpty()).as(role.getKey()).isEqualTo(!desk);
            assertThat(file.select("a[href$=/profil]").isEmpty()).as(role.getKey()).isEqualTo(!desk);
            Document awaiting = desk ? page("/admin/comptes-en-attente", session) : null;
            if (awaiting != null) {
                assertThat(awaiting.select("form[action$=/activation]").isEmpty()).as(role.getKey())
                        .isEqualTo(!role.getKey().equals("ADMIN"));
            }
        }
    }
}
