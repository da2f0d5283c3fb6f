package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** French first, English on request; the structure an accessibility checker looks at, on every page. */
class LanguageAndAccessibilityTest extends GatewayTestSupport {

    @Test
    void english_is_offered_and_remembered() throws Exception {
        MvcResult result = mvc.perform(get("/connexion").param("lang", "en")).andReturn();
        Document english = org.jsoup.Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(english.select("h1").text()).isEqualTo("Your family space");
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        Cookie language = result.getResponse().getCookie("MARELLE_LANG");
        assertThat(language).isNotNull();
        assertThat(language.isHttpOnly()).isTrue();
        Document again = page(get("/inscription").cookie(language));
        assertThat(again.select("h1").text()).isEqualTo("Open your private space");
        assertThat(again.select("a[hreflang=fr]").attr("href")).isEqualTo("/inscription?lang=fr");
        assertThat(page(get("/connexion").param("lang", "de")).select("html").attr("lang")).isEqualTo("fr");
    }

    @Test
    void the_other_language_keeps_the_link_a_page_was_opened_with() throws Exception {
        services.answer("POST", "/api/link-checks", 200, "{\"valid\":true}");
        Document page = page(get("/compte/valider").param("jeton", "abc"));
        assertThat(page.select("a[hreflang=en]").attr("href")).isEqualTo("/compte/valider?jeton=abc&lang=en");
    }

    /** What the axe checks of the real-browser test look at, checked on each page's markup. */
    @Test
    void pages_have_a_language_a_title_landmarks_one_h1_ordered_headings_unique_ids_and_labelled_fields()
            throws Exception {
        services.answer("POST", "/api/link-checks", 200, "{\"valid\":true}");
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        services.answer("GET", "/api/me", 200, me(parent));
        services.answer("GET", "/api/families/" + parent.familyId(), 200,
                family(parent.familyId(), parent.userId(), "ACTIVE"));
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/guardians/awaiting-activation", 200, "[" + SecurityTest.guardian() + "]");
        services.answer("GET", "/api/families/" + SecurityTest.FAMILY, 200,
                family(SecurityTest.FAMILY, SecurityTest.GUARDIAN, "ACTIVE"));
        services.answer("GET", "/api/messages", 200, "[]");
        services.answer("GET", "/api/staff", 200, "[]");
        // a family's children in the console, and the parents' forms staff use on its behalf
        String children = "/admin/familles/" + SecurityTest.FAMILY + "/enfants";
        services.answer("GET", "/api/schools", 200, ChildrenPagesTest.SCHOOLS);
        services.answer("GET", "/api/children/" + ChildrenPagesTest.CHILD, 200,
                ChildrenPagesTest.childOfFamily(SecurityTest.FAMILY, false));
        services.answer("GET", "/api/children", 200, "[" + ChildrenPagesTest.childOfFamily(SecurityTest.FAMILY, false)
                + "]");
        services.answer("GET", "/api/documents", 200, ChildrenPagesTest.OVERVIEW);
        List<Document> pages = List.of(
                page(get("/")), page(get("/connexion?lang=en")), page(get("/inscription")),
                page(get("/mot-de-passe/oubli")), page(get("/compte/valider?jeton=x")),
                page(get("/mot-de-passe/nouveau?jeton=x")), page(get("/compte/invitation?jeton=x")),
                page("/", session), page("/mon-profil", session), page("/mon-compte", session),
                page("/admin", admin), page("/admin/comptes-en-attente", admin),
                page("/admin/familles/" + SecurityTest.FAMILY, admin), page("/admin/familles/nouvelle", admin),
                page("/admin/personnel/nouveau", admin),
                page("/admin/familles/" + SecurityTest.FAMILY + "/contacts", admin),
                page("/admin/comptes-en-attente/" + SecurityTest.GUARDIAN + "/refus", admin),
                page(children, admin), page(children + "/nouveau", admin),
                page(children + "/" + ChildrenPagesTest.CHILD, admin),
                page(children + "/" + ChildrenPagesTest.CHILD + "/documents/PHOTO", admin),
                page("/admin/familles/" + SecurityTest.FAMILY + "/documents/HEALTH_SHEET", admin),
                page("/vos-enfants/nouveau", session));
        for (Document page : pages) {
            String name = page.title();
            assertThat(page.select("html").attr("lang")).as(name).isIn("fr", "en");
            assertThat(page.title()).as("title").isNotBlank();
            assertThat(page.select("main")).as(name + ": one main").hasSize(1);
            assertThat(page.select("header.site-header")).as(name).hasSize(1);
            assertThat(page.select("footer")).as(name).hasSize(1);
            assertThat(page.select("a.skip-link[href=#contenu]")).as(name).hasSize(1);
            assertThat(page.select("h1")).as(name + ": one h1").hasSize(1);
            int previous = 1;
            for (Element heading : page.select("main h1, main h2, main h3, main h4")) {
                int level = Integer.parseInt(heading.tagName().substring(1));
                assertThat(level).as(name + ": heading order at " + heading.text()).isLessThanOrEqualTo(previous + 1);
                previous = level;
            }
            Set<String> ids = new HashSet<>();
            for (Element element : page.select("[id]")) {
                assertThat(ids.add(element.id())).as(name + ": unique id " + element.id()).isTrue();
            }
            for (Element input : page.select("input:not([type=hidden]), select, textarea")) {
                if (input.hasAttr("hidden")) {
                    continue;
                }
                assertThat(input.id()).as(name + ": id of " + input).isNotEmpty();
                assertThat(page.select("label[for=" + input.id() + "]")).as(name + ": label of #" + input.id())
                        .hasSize(1);
                for (String described : input.attr("aria-describedby").split(" ")) {
                    if (!described.isBlank()) {
                        assertThat(page.getElementById(described)).as(name + ": #" + described).isNotNull();
                    }
                }
            }
            for (Element button : page.select("button:not([hidden])")) {
                assertThat(button.text()).as(name + ": button text").isNotBlank();
            }
            for (Element link : page.select("a")) {
                assertThat(link.text()).as(name + ": link text " + link).isNotBlank();
            }
            for (Element image : page.select("img")) {
                assertThat(image.attr("alt")).as(name + ": alt").isNotBlank();
            }
            for (Element nav : page.select("nav")) {
                assertThat(nav.attr("aria-label")).as(name + ": nav label").isNotBlank();
            }
            assertThat(page.select("script:not([src])")).as(name).isEmpty();
            assertThat(page.select("[style]")).as(name).isEmpty();
        }
    }
}
