package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;


/** "Vos enfants", "Mes documents" and the console's review queue and schools, against a stub children-service. */
class ChildrenPagesTest extends GatewayTestSupport {

    static final String SCHOOL = "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    static final String CHILD = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";

    @DynamicPropertySource
    static void children(DynamicPropertyRegistry registry) {
        registry.add("marelle.services.children.url", services::url);
    }

    static String status(String code, String title, String status, String extra) {
        return """
                {"kind":{"code":"%s","title":"%s","description":null,"scope":"CHILD","requirement":"REQUIRED",
                  "validity":"SCHOOL_YEAR","validityMonths":null,"reviewRequired":true,"position":10,"blankFormId":null,
                  "blankFormName":null},"status":"%s","current":%s,"newer":null}"""
                .formatted(code, title, status, extra == null ? "null" : extra);
    }

    static final String SCHOOLS = """
            {"currentSchoolYear":"2026-2027","enrolmentSchoolYear":"2026-2027","schools":[{"schoolId":"%s",
             "name":"École maternelle du centre","kind":"MATERNELLE","minAge":3,"maxAge":6,"active":true,
             "classes":[{"classId":"d8f2a3b4-5c6d-4e7f-8a9b-0c1d2e3f4a5b","schoolYear":"2026-2027",
               "name":"Petite section","level":"PS"}]}]}""".formatted(SCHOOL);

    Cookie activeParent() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        services.answer("GET", "/api/me", 200, me(parent));
        return session;
    }

    @Test
    void the_list_shows_each_child_with_photo_age_school_class_insurance_and_what_is_missing() throws Exception {
        Cookie session = activeParent();
        services.answer("GET", "/api/children", 200, """
                [{"childId":"%s","firstName":"Léa","lastName":"Martin","birthDate":"2023-03-14","age":3,
                  "schoolId":"%s","schoolName":"École maternelle du centre","classId":null,"className":null,
                  "archived":false,"families":[],"photoFileId":"e9a3b4c5-6d7e-4f8a-9b0c-1d2e3f4a5b6c",
                  "documents":[%s,%s],"schoolYear":"2026-2027","satisfied":[{"code":"PHOTO","title":"Photo d'identité"}],
                  "missing":[{"code":"SCHOOL_INSURANCE","title":"Attestation d'assurance scolaire"}],
                  "dietComment":null,"allergies":null,"careNotesVisible":true}]"""
                .formatted(CHILD, SCHOOL, status("PHOTO", "Photo d'identité", "VALIDATED",
                                "{\"validUntil\":null}"),
                        status("SCHOOL_INSURANCE", "Attestation d'assurance scolaire", "REFUSED",
                                "{\"validUntil\":null,\"reason\":\"Illisible.\"}")));
        Document page = page("/vos-enfants", session);
        assertThat(page.select("h1").text()).isEqualTo("Vos enfants");
        assertThat(page.select("nav.space-nav a").eachText()).contains("Mes documents", "Vos enfants");
        assertThat(page.select(".child-card img").attr("alt")).isEqualTo("Photo de Léa");
        assertThat(page.select(".child-card img").attr("src")).isEqualTo("/fichiers/e9a3b4c5-6d7e-4f8a-9b0c-1d2e3f4a5b6c");
        assertThat(page.select(".child-card").text()).contains("3 ans").contains("École maternelle du centre")
                .contains("Refusé").contains("Motif : Illisible.").contains("Attestation d'assurance scolaire");
        assertThat(page.select(".badge").eachText()).contains("Validé", "Refusé");
        assertThat(page.select("link[href=/css/children.css]")).hasSize(1);
        assertThat(page.select("[style]")).isEmpty();
        assertThat(services.last("GET", "/api/children").token().path("fid").asText()).isNotBlank();
    }

    @Test
    void a_refused_child_shows_each_error_next_to_its_field() throws Exception {
        Cookie session = activeParent();
        services.answer("GET", "/api/schools", 200, SCHOOLS);
        services.answer("POST", "/api/children", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.","errors":[
                 {"field":"birthDate","code":"DATE_IMPOSSIBLE","message":"Cette date n'existe pas."}]}""");
        Document empty = page(post("/vos-enfants/nouveau").cookie(session).with(csrf()));
        assertThat(errorOf(empty, "firstName")).isEqualTo("Le prénom est obligatoire.");
        assertThat(empty.select("#erreurs a").eachAttr("href")).contains("#firstName", "#schoolId");
        Document page = page(post("/vos-enfants/nouveau").cookie(session).with(csrf())
                .param("firstName", "Léa").param("lastName", "Martin").param("birthDate", "31/02/2020")
                .param("schoolId", SCHOOL));
        assertThat(errorOf(page, "birthDate")).isEqualTo("Cette date n'existe pas.");
        assertThat(page.getElementById("firstName").val()).isEqualTo("Léa");
        assertThat(page.select("#schoolId option[selected]").text()).isEqualTo("École maternelle du centre");
        assertThat(page.title()).startsWith("Erreur :");
    }

    @Test
    void my_documents_show_their_state_and_an_upload_form_each() throws Exception {
        Cookie session = activeParent();
        services.answer("GET", "/api/documents", 200, """
                {"familyId":"f","schoolYear":"2026-2027","family":[%s,%s],"children":[],"downloads":[
                 {"code":"HOUSE_RULES","title":"Règlement intérieur","description":null,"scope":"FAMILY",
                  "requirement":"NONE","validity":"UNLIMITED","validityMonths":null,"reviewRequired":false,
                  "position":90,"blankFormId":"0b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e","blankFormName":"r.pdf"}]}"""
                .formatted(status("HEALTH_SHEET", "Fiche sanitaire", "WAITING", "{\"validUntil\":null}"),
                        status("IMAGE_RIGHTS", "Autorisation parentale", "TO_PROVIDE", null)));
        Document page = page("/mes-documents", session);
        assertThat(page.select(".document-item").eachText()).anyMatch(t -> t.contains("Fiche sanitaire")
                && t.contains("En attente de validation")).anyMatch(t -> t.contains("À fournir"));
        assertThat(page.select("form[enctype=multipart/form-data]")).hasSize(2);
        assertThat(page.select("label[for=file-HEALTH_SHEET]").text()).isEqualTo("Envoyer : Fiche sanitaire");
        assertThat(page.select("a[href=/fichiers/0b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e]").text())
                .isEqualTo("Règlement intérieur");
    }

    @Test
    void the_review_queue_is_for_administrators_and_agents() throws Exception {
        Cookie agent = loginStaff("AGENT");
        services.answer("GET", "/api/documents/pending", 200, """
                [{"documentId":"e9a3b4c5-6d7e-4f8a-9b0c-1d2e3f4a5b6c","kind":"QF_ATTESTATION",
                  "title":"Attestation de quotient familial","familyId":"5b0f7c1e-2f55-4d3a-9d53-1c1b7f0e9a01",
                  "familyName":"Camille Martin","childId":null,"childName":null,
                  "fileId":"f0b4c5d6-7e8f-4a9b-0c1d-2e3f4a5b6c7d","fileName":"caf.pdf","schoolYear":"2026-2027",
                  "submittedAt":"2026-11-20T10:00:00Z","defaultValidUntil":"2027-08-31","declaredQuotientFamilial":850}]""");
        Document queue = page("/admin/documents", agent);
        assertThat(queue.select("h2").text()).contains("Attestation de quotient familial – Camille Martin");
        assertThat(queue.select("input[name=quotientFamilial]")).hasSize(1);
        assertThat(queue.text()).contains("La famille a déclaré 850.");
        Document refused = page(post("/admin/documents/e9a3b4c5-6d7e-4f8a-9b0c-1d2e3f4a5b6c/refus").cookie(agent)
                .with(csrf()).param("reason", ""));
        assertThat(errorOf(refused, "e9a3b4c5-6d7e-4f8a-9b0c-1d2e3f4a5b6c-reason"))
                .isEqualTo("Le motif du refus est obligatoire : la famille le lira.");
        Cookie finance = loginStaff("FINANCE");
        mvc.perform(get("/admin/documents").cookie(finance)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        Cookie parent = activeParent();
        mvc.perform(get("/admin/documents").cookie(parent)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }
}
