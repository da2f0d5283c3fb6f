package fr.marelle.gateway;

import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;


/**
 * "Vos enfants", "Mes documents" and the console's review queue, schools and catalogue of documents, against a stub
 * children-service. On a real port as well as through MockMvc: the multipart limits are the servlet container's, so
 * uploads over them are sent over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChildrenPagesTest extends GatewayTestSupport {

    @LocalServerPort
    int port;

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
        assertThat(empty.select("nav.space-nav")).as("the parents' menu").hasSize(1);
        assertThat(empty.select(".console, nav.console-nav")).isEmpty();
        assertThat(empty.select("main form").attr("action")).isEqualTo("/vos-enfants/nouveau");
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
        mvc.perform(get("/admin/documents").cookie(finance)).andExpect(MockMvcResultMatchers.status().isForbidden());
        Cookie parent = activeParent();
        mvc.perform(get("/admin/documents").cookie(parent)).andExpect(MockMvcResultMatchers.status().isForbidden());
    }

    // --- uploads over the multipart limits, through the real servlet container ------------------------------------

    static final int MB = 1024 * 1024;

    static String child(String documentsJson) {
        return """
                {"childId":"%s","firstName":"Léa","lastName":"Martin","birthDate":"2023-03-14","age":3,
                  "schoolId":"%s","schoolName":"École maternelle du centre","classId":null,"className":null,
                  "archived":false,"families":[],"photoFileId":null,"documents":[%s],"schoolYear":"2026-2027",
                  "satisfied":[],"missing":[],"dietComment":null,"allergies":null,"careNotesVisible":true}"""
                .formatted(CHILD, SCHOOL, documentsJson);
    }

    static final String CHILD_DOCUMENTS = status("PHOTO", "Photo d'identité", "TO_PROVIDE", null) + ","
            + status("SCHOOL_INSURANCE", "Attestation d'assurance scolaire", "TO_PROVIDE", null) + ","
            + status("MEDICAL_CERTIFICATE", "Certificat médical", "TO_PROVIDE", null);

    static final String OVERVIEW = """
            {"familyId":"f","schoolYear":"2026-2027","family":[%s],"children":[],"downloads":[]}"""
            .formatted(status("HEALTH_SHEET", "Fiche sanitaire", "TO_PROVIDE", null).replace("\"CHILD\"",
                    "\"FAMILY\""));

    static final String KINDS = """
            [{"code":"HEALTH_SHEET","title":"Fiche sanitaire","description":"Avec les vaccinations.","scope":"FAMILY",
              "requirement":"REQUIRED","validity":"SCHOOL_YEAR","validityMonths":null,"reviewRequired":true,
              "position":30,"blankFormId":"0b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e","blankFormName":"fiche.pdf"},
             {"code":"MEDICAL_CERTIFICATE","title":"Certificat médical","description":null,"scope":"CHILD",
              "requirement":"OPTIONAL","validity":"MONTHS","validityMonths":12,"reviewRequired":false,
              "position":101,"blankFormId":null,"blankFormName":null}]""";

    record Http(int status, String location, String body) {
    }

    /** The language the pages are asked in, as the browser's cookie says (null: French, the default). */
    String language;

    String cookies(Cookie session) {
        return SESSION + "=" + session.getValue() + (language == null ? "" : "; MARELLE_LANG=" + language);
    }

    Http httpGet(String path, Cookie session) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Cookie", cookies(session)).GET());
    }

    /** The form's own action (with its CSRF token), posted as a browser would, with a file of {@code size} bytes. */
    Http httpUpload(String action, Cookie session, String fileName, int size) throws Exception {
        String boundary = "----marelle" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] content = new byte[size];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + action))
                .header("Cookie", cookies(session))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static Http send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        return new Http(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body());
    }

    /** Posts a file of {@code size} bytes through the upload form of {@code page}; the page it leads back to. */
    Document refusedUpload(String page, String formSelector, Cookie session, int size, String expectedPage)
            throws Exception {
        Http form = httpGet(page, session);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        String action = Jsoup.parse(form.body()).select(formSelector).attr("action");
        assertThat(action).contains("_csrf=");
        Http refused = httpUpload(action, session, "gros.pdf", size);
        assertThat(refused.status()).as("the upload is answered by a redirect to its page").isEqualTo(302);
        assertThat(URI.create(refused.location()).getPath()).isEqualTo(expectedPage);
        Http back = httpGet(expectedPage, session);
        assertThat(back.status()).isEqualTo(200);
        return Jsoup.parse(back.body());
    }

    @Test
    void a_file_over_10_mb_gets_its_upload_page_back_with_the_message_next_to_the_file_field() throws Exception {
        Cookie session = activeParent();
        services.answer("GET", "/api/children/" + CHILD, 200, child(CHILD_DOCUMENTS));
        String page = "/vos-enfants/" + CHILD + "/documents/PHOTO";
        Document back = refusedUpload(page, "main form[enctype=multipart/form-data]", session, 10 * MB + 1, page);
        assertThat(errorOf(back, "file")).isEqualTo("Le fichier dépasse 10 Mo.");
        assertThat(back.select("#erreurs a[href=#file]")).hasSize(1);
        assertThat(back.title()).startsWith("Erreur :");
        assertThat(back.getElementById("file").hasAttr("autofocus")).isTrue();
        assertThat(services.calls("POST", "/api/documents")).as("nothing sent to children-service").isEmpty();
        // the message was for that answer only
        assertThat(Jsoup.parse(httpGet(page, session).body()).getElementById("file-error")).isNull();

        // a request over its own limit (11 MB) on "Mes documents": that document's field
        services.answer("GET", "/api/documents", 200, OVERVIEW);
        Document documents = refusedUpload("/mes-documents", "form[action^=/mes-documents/HEALTH_SHEET]", session,
                12 * MB, "/mes-documents");
        assertThat(errorOf(documents, "file-HEALTH_SHEET")).isEqualTo("Le fichier dépasse 10 Mo.");
        assertThat(services.calls("POST", "/api/documents")).isEmpty();

        // and in English
        language = "en";
        Document englishBack = refusedUpload(page, "main form[enctype=multipart/form-data]", session, 10 * MB + 1,
                page);
        assertThat(errorOf(englishBack, "file")).isEqualTo("The file is larger than 10 MB.");
    }

    @Test
    void a_blank_form_over_10_mb_gets_the_catalogue_page_back_with_the_message() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/document-kinds", 200, KINDS);
        String page = "/admin/types-de-documents/HEALTH_SHEET";
        Document back = refusedUpload(page, "form[enctype=multipart/form-data]", admin, 10 * MB + 100, page);
        assertThat(errorOf(back, "file")).isEqualTo("Le fichier dépasse 10 Mo.");
        assertThat(services.calls("POST", "/api/document-kinds/HEALTH_SHEET/blank-form")).isEmpty();
    }

    @Test
    void any_kind_of_the_child_has_its_upload_page_and_others_are_not_found() throws Exception {
        Cookie session = activeParent();
        services.answer("GET", "/api/children/" + CHILD, 200, child(CHILD_DOCUMENTS));
        Document page = page("/vos-enfants/" + CHILD + "/documents/MEDICAL_CERTIFICATE", session);
        assertThat(page.select("h1").text()).isEqualTo("Certificat médical de « Léa »");
        field(page, "file");
        services.answer("POST", "/api/documents", 201, "{\"documentId\":\"" + UUID.randomUUID()
                + "\",\"status\":\"SUBMITTED\"}");
        var sent = mvc.perform(multipart("/vos-enfants/" + CHILD + "/documents/MEDICAL_CERTIFICATE")
                .file(new MockMultipartFile("file", "certificat.pdf", "application/pdf", "%PDF-1.7".getBytes()))
                .cookie(session).with(csrf())).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/vos-enfants");
        assertThat(services.last("POST", "/api/documents").body()).contains("MEDICAL_CERTIFICATE")
                .contains("certificat.pdf");
        mvc.perform(get("/vos-enfants/" + CHILD + "/documents/HEALTH_SHEET").cookie(session))
                .andExpect(MockMvcResultMatchers.status().isNotFound());
    }

    // --- the catalogue of documents (administrators) --------------------------------------------------------------

    @Test
    void administrators_see_the_catalogue_in_words_and_only_they_open_it() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/document-kinds", 200, KINDS);
        Document list = page("/admin/types-de-documents", admin);
        assertThat(list.select("h1").text()).isEqualTo("Documents demandés aux familles");
        assertThat(list.select("nav.console-nav a[aria-current=page]").text()).isEqualTo("Documents demandés");
        Element sheet = list.select(".kind-item").first();
        assertThat(sheet.select("h2").text()).isEqualTo("Fiche sanitaire");
        assertThat(sheet.text()).contains("La famille").contains("Obligatoire").contains("L'année scolaire")
                .contains("Vérifié par la mairie").contains("fiche.pdf");
        assertThat(list.select(".kind-item").get(1).text()).contains("Chaque enfant").contains("Facultatif")
                .contains("12 mois à partir de la validation").contains("Validé dès l'envoi, sans vérification")
                .contains("Aucun");
        assertThat(list.select("a[href=/admin/types-de-documents/MEDICAL_CERTIFICATE]").text())
                .isEqualTo("Modifier Certificat médical");
        assertThat(list.select("[style]")).isEmpty();
        for (String role : new String[]{"AGENT", "FINANCE"}) {
            mvc.perform(get("/admin/types-de-documents").cookie(loginStaff(role))).andExpect(MockMvcResultMatchers.status().isForbidden());
        }
        mvc.perform(get("/admin/types-de-documents").cookie(activeParent())).andExpect(MockMvcResultMatchers.status().isForbidden());
    }

    @Test
    void a_new_kind_with_bad_input_gets_each_error_next_to_its_field_and_is_not_sent() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        Document blank = page("/admin/types-de-documents/nouveau", admin);
        assertThat(blank.getElementById("reviewRequired").hasAttr("checked")).isTrue();
        Document refused = page(post("/admin/types-de-documents/nouveau").cookie(admin).with(csrf())
                .param("code", "certificat médical").param("validity", "MONTHS").param("validityMonths", "0"));
        assertThat(errorOf(refused, "title")).isEqualTo("Le titre est obligatoire.");
        assertThat(errorOf(refused, "code")).isEqualTo("Le code s'écrit en majuscules, chiffres et _ (2 à 40 "
                + "caractères), comme HEALTH_SHEET.");
        assertThat(errorOf(refused, "scope")).isEqualTo("Choisissez si le document concerne la famille ou un "
                + "enfant.");
        assertThat(errorOf(refused, "requirement")).isEqualTo("Choisissez si le document est demandé.");
        assertThat(errorOf(refused, "validityMonths")).isEqualTo("Une durée de validité en mois va de 1 à 60 mois.");
        assertThat(refused.getElementById("validity-MONTHS").hasAttr("checked")).as("the choice is kept").isTrue();
        assertThat(refused.select("#erreurs a").eachAttr("href")).contains("#title", "#scope", "#requirement");
        assertThat(refused.title()).startsWith("Erreur :");
        assertThat(services.calls("POST", "/api/document-kinds")).isEmpty();

        // what only children-service knows comes back next to its field too
        services.answer("POST", "/api/document-kinds", 409, """
                {"status":409,"code":"DOCUMENT_KIND_EXISTS","detail":"Un document porte déjà ce code.","errors":[
                 {"field":"code","code":"DOCUMENT_KIND_EXISTS","message":"Un document porte déjà ce code."}]}""");
        Document taken = page(post("/admin/types-de-documents/nouveau").cookie(admin).with(csrf())
                .param("title", "Fiche sanitaire").param("code", "health_sheet").param("scope", "FAMILY")
                .param("requirement", "REQUIRED").param("validity", "SCHOOL_YEAR"));
        assertThat(errorOf(taken, "code")).isEqualTo("Un document porte déjà ce code.");
        assertThat(taken.getElementById("code").val()).isEqualTo("HEALTH_SHEET");
    }

    @Test
    void a_new_kind_is_sent_as_children_service_names_it() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        services.answer("POST", "/api/document-kinds", 201, "{\"code\":\"CERTIFICAT_MEDICAL\"}");
        var result = mvc.perform(post("/admin/types-de-documents/nouveau").cookie(admin).with(csrf())
                .param("title", " Certificat médical ").param("description", "").param("scope", "CHILD")
                .param("requirement", "OPTIONAL").param("validity", "MONTHS").param("validityMonths", "12")
                .param("reviewRequired", "true")).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/types-de-documents");
        assertThat(result.getFlashMap().get("done").toString()).contains("« Certificat médical » est ajouté (code "
                + "CERTIFICAT_MEDICAL)");
        var sent = services.last("POST", "/api/document-kinds").json();
        assertThat(sent.has("code")).as("left to children-service").isFalse();
        assertThat(sent.path("title").asText()).isEqualTo("Certificat médical");
        assertThat(sent.path("description").isNull()).isTrue();
        assertThat(sent.path("scope").asText()).isEqualTo("CHILD");
        assertThat(sent.path("requirement").asText()).isEqualTo("OPTIONAL");
        assertThat(sent.path("validityMonths").asInt()).isEqualTo(12);
        assertThat(sent.path("reviewRequired").asBoolean()).isTrue();
        assertThat(services.last("POST", "/api/document-kinds").token().path("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void a_kind_is_changed_and_its_blank_form_published_or_withdrawn() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/document-kinds", 200, KINDS);
        Document edit = page("/admin/types-de-documents/HEALTH_SHEET", admin);
        assertThat(field(edit, "title").val()).isEqualTo("Fiche sanitaire");
        assertThat(edit.getElementById("requirement").hasAttr("checked")).isTrue();
        assertThat(edit.getElementById("scope")).as("the scope never changes").isNull();
        assertThat(edit.text()).contains("La famille");
        assertThat(edit.select("a[href=/fichiers/0b4c5d6e-7f8a-4b9c-0d1e-2f3a4b5c6d7e]").text()).isEqualTo("fiche.pdf");

        Document refused = page(post("/admin/types-de-documents/HEALTH_SHEET").cookie(admin).with(csrf())
                .param("title", "Fiche sanitaire").param("requirement", "REQUIRED").param("validity", "MONTHS")
                .param("validityMonths", "soixante"));
        assertThat(errorOf(refused, "validityMonths")).isEqualTo("Une durée de validité en mois va de 1 à 60 mois.");
        services.answer("PUT", "/api/document-kinds/HEALTH_SHEET", 204);
        var changed = mvc.perform(post("/admin/types-de-documents/HEALTH_SHEET").cookie(admin).with(csrf())
                .param("title", "Fiche sanitaire de liaison").param("requirement", "REQUIRED")
                .param("validity", "MONTHS").param("validityMonths", "24")).andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/admin/types-de-documents");
        var put = services.last("PUT", "/api/document-kinds/HEALTH_SHEET").json();
        assertThat(put.path("title").asText()).isEqualTo("Fiche sanitaire de liaison");
        assertThat(put.path("validityMonths").asInt()).isEqualTo(24);
        assertThat(put.path("reviewRequired").asBoolean()).as("unticked").isFalse();

        services.answer("POST", "/api/document-kinds/HEALTH_SHEET/blank-form", 400, """
                {"status":400,"code":"FILE_TYPE_NOT_ALLOWED","detail":"Seuls les fichiers PDF, JPEG et PNG sont acceptés.",
                 "errors":[{"field":"file","code":"FILE_TYPE_NOT_ALLOWED",
                   "message":"Seuls les fichiers PDF, JPEG et PNG sont acceptés (le contenu du fichier n'en est pas un)."}]}""");
        Document notPdf = page(multipart("/admin/types-de-documents/HEALTH_SHEET/formulaire")
                .file(new MockMultipartFile("file", "fiche.pdf", "application/pdf", "texte".getBytes()))
                .cookie(admin).with(csrf()));
        assertThat(errorOf(notPdf, "file")).isEqualTo("Seuls les fichiers PDF, JPEG et PNG sont acceptés (le contenu "
                + "du fichier n'en est pas un).");
        services.answer("POST", "/api/document-kinds/HEALTH_SHEET/blank-form", 204);
        var published = mvc.perform(multipart("/admin/types-de-documents/HEALTH_SHEET/formulaire")
                .file(new MockMultipartFile("file", "fiche-2027.pdf", "application/pdf", "%PDF-1.7".getBytes()))
                .cookie(admin).with(csrf())).andReturn();
        assertThat(published.getResponse().getRedirectedUrl()).isEqualTo("/admin/types-de-documents/HEALTH_SHEET");
        assertThat(services.last("POST", "/api/document-kinds/HEALTH_SHEET/blank-form").body())
                .contains("filename=\"fiche-2027.pdf\"");
        services.answer("POST", "/api/document-kinds/HEALTH_SHEET/blank-form/withdrawal", 204);
        var withdrawn = mvc.perform(post("/admin/types-de-documents/HEALTH_SHEET/formulaire/retrait").cookie(admin)
                .with(csrf())).andReturn();
        assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/admin/types-de-documents/HEALTH_SHEET");
        assertThat(services.calls("POST", "/api/document-kinds/HEALTH_SHEET/blank-form/withdrawal")).hasSize(1);
        mvc.perform(get("/admin/types-de-documents/NO_SUCH_KIND").cookie(admin)).andExpect(MockMvcResultMatchers.status().isNotFound());
    }

    // --- the console: home tile, family file section, configuration hub (ChildrenConsole) --------------------------

    static final String PENDING = """
            {"documentId":"%s","kind":"HEALTH_SHEET","title":"Fiche sanitaire",
             "familyId":"5b0f7c1e-2f55-4d3a-9d53-1c1b7f0e9a01","familyName":"Camille Martin","childId":null,
             "childName":null,"fileId":"f0b4c5d6-7e8f-4a9b-0c1d-2e3f4a5b6c7d","fileName":"fiche.pdf",
             "schoolYear":"2026-2027","submittedAt":"2026-11-20T10:00:00Z","defaultValidUntil":"2027-08-31",
             "declaredQuotientFamilial":null}""";

    @Test
    void the_console_home_counts_the_documents_to_review_for_those_who_review_them() throws Exception {
        services.answer("GET", "/api/guardians/awaiting-activation", 200, "[]");
        // every document waiting, not only the 200 the review list shows
        services.answer("GET", "/api/documents/pending/count", 200, "{\"count\": 250}");
        for (String role : new String[]{"ADMIN", "AGENT"}) {
            Document home = page("/admin", loginStaff(role));
            assertThat(home.select("[data-tile=documentsToReview] h2").text()).as(role)
                    .isEqualTo("Documents à valider");
            assertThat(home.select("[data-tile=documentsToReview] h2 a").attr("href")).isEqualTo("/admin/documents");
            assertThat(home.select("[data-tile=documentsToReview] .tile__figure").text())
                    .isEqualTo("250 documents à valider");
            assertThat(home.select("[data-tile=documentsToReview] .badge").text()).isEqualTo("À traiter");
        }
        assertThat(services.calls("GET", "/api/documents/pending")).as("the tile counts, it lists nothing").isEmpty();
        assertThat(services.last("GET", "/api/documents/pending/count").token().path("role").asText()).isEqualTo("AGENT");

        services.answer("GET", "/api/documents/pending/count", 200, "{\"count\": 0}");
        Document calm = page("/admin", loginStaff("AGENT"));
        assertThat(calm.select("[data-tile=documentsToReview] .tile__figure").text())
                .isEqualTo("0 document à valider");
        assertThat(calm.select("[data-tile=documentsToReview] .badge")).isEmpty();

        services.answer("GET", "/api/documents/pending/count", 503, "{\"status\":503}");
        assertThat(page("/admin", loginStaff("ADMIN")).select("[role=alert]").text()).contains("Enfants");

        services.answer("GET", "/api/documents/pending/count", 200, "{\"count\": 1}");
        int asked = services.calls("GET", "/api/documents/pending/count").size();
        for (String role : new String[]{"FINANCE", "AUDITOR"}) {
            assertThat(page("/admin", loginStaff(role)).select("[data-tile=documentsToReview]"))
                    .as(role + " does not review documents").isEmpty();
        }
        assertThat(services.calls("GET", "/api/documents/pending/count")).as("not even asked").hasSize(asked);
    }

    static final String CHILD_TWO = "a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d";

    /** Léa, who lacks her insurance (refused); Hugo, who may be booked. */
    static String familyChildren() {
        return """
                [{"childId":"%s","firstName":"Léa","lastName":"Martin","birthDate":"2023-03-14","age":3,
                  "schoolId":"%s","schoolName":"École maternelle du centre","classId":null,"className":null,
                  "archived":false,"families":[],"photoFileId":null,"documents":[%s,%s],"schoolYear":"2026-2027",
                  "satisfied":[{"code":"PHOTO","title":"Photo d'identité"}],
                  "missing":[{"code":"SCHOOL_INSURANCE","title":"Attestation d'assurance scolaire"},
                             {"code":"HEALTH_SHEET","title":"Fiche sanitaire"}],
                  "dietComment":null,"allergies":null,"careNotesVisible":true},
                 {"childId":"%s","firstName":"Hugo","lastName":"Martin","birthDate":"2021-05-02","age":5,
                  "schoolId":"%s","schoolName":"École maternelle du centre",
                  "classId":"d8f2a3b4-5c6d-4e7f-8a9b-0c1d2e3f4a5b","className":"Grande section","archived":false,
                  "families":[],"photoFileId":null,"documents":[%s],"schoolYear":"2026-2027",
                  "satisfied":[{"code":"PHOTO","title":"Photo d'identité"}],"missing":[],
                  "dietComment":null,"allergies":null,"careNotesVisible":true}]"""
                .formatted(CHILD, SCHOOL,
                        status("PHOTO", "Photo d'identité", "VALIDATED", "{\"validUntil\":null}"),
                        status("SCHOOL_INSURANCE", "Attestation d'assurance scolaire", "REFUSED",
                                "{\"validUntil\":null,\"reason\":\"Illisible.\"}"),
                        CHILD_TWO, SCHOOL,
                        status("PHOTO", "Photo d'identité", "VALIDATED", "{\"validUntil\":null}"));
    }

    static String familyDocuments(String familyId, String healthSheetStatus) {
        return """
                {"familyId":"%s","schoolYear":"2026-2027","family":[%s],"children":[],"downloads":[]}"""
                .formatted(familyId, status("HEALTH_SHEET", "Fiche sanitaire", healthSheetStatus,
                        "{\"validUntil\":\"2027-08-31\",\"reason\":null}"));
    }

    @Test
    void the_family_file_shows_each_child_whether_it_may_be_booked_and_the_documents_in_words() throws Exception {
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        services.answer("GET", "/api/children", 200, familyChildren());
        services.answer("GET", "/api/documents", 200, familyDocuments(familyId, "WAITING"));

        Document file = page("/admin/familles/" + familyId, loginStaff("AGENT"));
        assertThat(file.select("#enfants")).as("one heading: the section replaced the static link").hasSize(1);
        Element section = file.select("section.family-section[aria-labelledby=enfants]").first();
        assertThat(section).isNotNull();
        assertThat(section.select("h2").text()).isEqualTo("Enfants et documents");
        Element lea = section.select("tr[data-child=" + CHILD + "]").first();
        assertThat(lea.select("th, td").eachText()).startsWith("Léa Martin", "3 ans",
                "École maternelle du centre (classe non renseignée)");
        assertThat(lea.select("td.bookable").text()).isEqualTo("Ne peut pas être inscrit(e) il manque : "
                + "Attestation d'assurance scolaire, Fiche sanitaire");
        assertThat(lea.text()).contains("Photo d'identité : Validé", "Attestation d'assurance scolaire : Refusé",
                "Motif : Illisible.");
        Element hugo = section.select("tr[data-child=" + CHILD_TWO + "]").first();
        assertThat(hugo.text()).contains("5 ans", "École maternelle du centre – Grande section");
        assertThat(hugo.select("td.bookable").text()).isEqualTo("Peut être inscrit(e) pour l'année 2026-2027");
        assertThat(section.select(".family-documents li").eachText())
                .containsExactly("Fiche sanitaire : En attente de validation");
        assertThat(section.select("a[href=/admin/documents]").text()).isEqualTo("Ouvrir les documents à valider");
        assertThat(section.select("a[href=/admin/familles/" + familyId + "/enfants]")).hasSize(1);
        StubService.Received asked = services.last("GET", "/api/children");
        assertThat(asked.token().path("role").asText()).isEqualTo("AGENT");

        Document byFinance = page("/admin/familles/" + familyId, loginStaff("FINANCE"));
        Element read = byFinance.select("section.family-section[aria-labelledby=enfants]").first();
        assertThat(read.text()).as("finance reads the children").contains("Léa Martin");
        assertThat(read.select("a[href=/admin/documents]")).as("but reviews nothing").isEmpty();

        services.answer("GET", "/api/documents", 200, familyDocuments(familyId, "VALIDATED"));
        Element calm = page("/admin/familles/" + familyId, loginStaff("AGENT"))
                .select("section[aria-labelledby=enfants]").first();
        assertThat(calm.select("a[href=/admin/documents]")).as("nothing waits for review").isEmpty();
        assertThat(calm.select(".family-documents li").eachText())
                .containsExactly("Fiche sanitaire : Validé jusqu'au 31/08/2027");

        mvc.perform(get("/admin/familles/" + familyId).cookie(activeParent()))
                .andExpect(MockMvcResultMatchers.status().isForbidden());
    }

    @Test
    void the_family_file_says_so_when_children_service_does_not_answer() throws Exception {
        String familyId = UUID.randomUUID().toString();
        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        services.answer("GET", "/api/children", 503, "{\"status\":503}");
        Document file = page("/admin/familles/" + familyId, loginStaff("ADMIN"));
        assertThat(file.select("[role=alert]").text()).contains("Enfants");
        assertThat(file.select("section[aria-labelledby=enfants]")).isEmpty();
    }

    @Test
    void the_configuration_hub_lists_schools_the_catalogue_and_what_a_child_needs_for_the_roles_that_open_them()
            throws Exception {
        Document hub = page("/admin/configuration", loginStaff("ADMIN"));
        Element schools = hub.select(".config-groups section").stream()
                .filter(s -> s.select("h2").text().equals("Écoles et classes")).findFirst().orElseThrow();
        assertThat(schools.select("a").eachAttr("href")).containsSubsequence("/admin/ecoles",
                "/admin/types-de-documents", "/admin/types-de-documents#pour-inscrire");
        assertThat(schools.select("a").eachText()).contains("Documents demandés",
                "Ce qu'il faut pour inscrire un enfant");

        assertThat(page("/admin/configuration", loginStaff("AGENT")).select(".config-groups a").eachAttr("href"))
                .contains("/admin/ecoles").doesNotContain("/admin/types-de-documents",
                        "/admin/types-de-documents#pour-inscrire");
        for (String role : new String[]{"FINANCE", "AUDITOR"}) {
            assertThat(page("/admin/configuration", loginStaff(role)).select(".config-groups a").eachAttr("href"))
                    .as(role).doesNotContain("/admin/ecoles", "/admin/types-de-documents",
                            "/admin/types-de-documents#pour-inscrire");
        }

        services.answer("GET", "/api/document-kinds", 200, KINDS);
        Document catalogue = page("/admin/types-de-documents", loginStaff("ADMIN"));
        assertThat(catalogue.select("#pour-inscrire h2").text()).isEqualTo("Pour inscrire un enfant aux services");
        assertThat(catalogue.select("#pour-inscrire li").eachText())
                .containsExactly("Fiche sanitaire (de la famille)");
        assertThat(catalogue.select("#pour-inscrire a").attr("href")).isEqualTo("#type-HEALTH_SHEET");
    }

    // --- the console acting on a family's behalf (administrators, agents) -----------------------------------------

    static final String CLASS = "d8f2a3b4-5c6d-4e7f-8a9b-0c1d2e3f4a5b";

    /** Léa as children-service answers {@code GET /api/children/{id}}, a child of {@code familyId}. */
    static String childOfFamily(String familyId, boolean archived) {
        return child(CHILD_DOCUMENTS).replace("\"families\":[]", "\"families\":[\"" + familyId + "\"]")
                .replace("\"archived\":false", "\"archived\":" + archived);
    }

    @Test
    void staff_add_a_child_to_the_family_with_the_parents_form_and_each_error_next_to_its_field() throws Exception {
        String familyId = UUID.randomUUID().toString();
        String base = "/admin/familles/" + familyId + "/enfants";
        Cookie agent = loginStaff("AGENT");
        services.answer("GET", "/api/schools", 200, SCHOOLS);
        Document blank = page(base + "/nouveau", agent);
        assertThat(blank.select("h1").text()).isEqualTo("Enregistrer un enfant de la famille");
        assertThat(blank.select("nav.console-nav a[aria-current=page]").text()).isEqualTo("Familles");
        assertThat(blank.select("nav.space-nav")).as("not the parents' menu").isEmpty();
        assertThat(blank.select("main form").attr("action")).isEqualTo(base + "/nouveau");
        assertThat(blank.select("main a[href=" + base + "]").eachText()).contains("Retour aux enfants de la famille");
        assertThat(blank.select("#dietComment-hint").text()).contains("Seuls la famille et les agents");

        Document empty = page(post(base + "/nouveau").cookie(agent).with(csrf()));
        assertThat(errorOf(empty, "firstName")).isEqualTo("Le prénom est obligatoire.");
        assertThat(errorOf(empty, "lastName")).isEqualTo("Le nom est obligatoire.");
        assertThat(errorOf(empty, "birthDate")).isEqualTo("La date de naissance est obligatoire.");
        assertThat(errorOf(empty, "schoolId")).isEqualTo("L'école est obligatoire.");
        assertThat(empty.title()).startsWith("Erreur :");
        assertThat(services.calls("POST", "/api/children")).as("nothing sent").isEmpty();

        services.answer("POST", "/api/children", 422, """
                {"status":422,"code":"CHILD_AGE_OUTSIDE_SCHOOL_RANGE","detail":"L'âge ne correspond pas.","errors":[
                 {"field":"birthDate","code":"CHILD_AGE_OUTSIDE_SCHOOL_RANGE",
                  "message":"L'âge de l'enfant ne correspond pas à cette école (de 3 à 6 ans)."}]}""");
        Document refused = page(post(base + "/nouveau").cookie(agent).with(csrf()).param("firstName", "Léa")
                .param("lastName", "Martin").param("birthDate", "02/05/2015").param("schoolId", SCHOOL));
        assertThat(errorOf(refused, "birthDate")).isEqualTo("L'âge de l'enfant ne correspond pas à cette école "
                + "(de 3 à 6 ans).");
        assertThat(refused.getElementById("firstName").val()).isEqualTo("Léa");
        assertThat(refused.select("main form").attr("action")).isEqualTo(base + "/nouveau");

        services.answer("POST", "/api/children", 201, "{\"childId\":\"" + CHILD + "\"}");
        var added = mvc.perform(post(base + "/nouveau").cookie(agent).with(csrf()).param("firstName", " Léa ")
                .param("lastName", "Martin").param("birthDate", "14/03/2023").param("schoolId", SCHOOL)
                .param("allergies", "Arachide")).andReturn();
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo(base + "/" + CHILD + "/documents/PHOTO");
        assertThat(added.getFlashMap().get("added")).isEqualTo("Léa");
        StubService.Received sent = services.last("POST", "/api/children");
        assertThat(sent.json().path("familyId").asText()).as("for the family of the address").isEqualTo(familyId);
        assertThat(sent.json().path("firstName").asText()).isEqualTo("Léa");
        assertThat(sent.json().path("allergies").asText()).isEqualTo("Arachide");
        assertThat(sent.token().path("role").asText()).isEqualTo("AGENT");
    }

    @Test
    void staff_change_a_child_of_the_family_with_its_class_and_archive_it() throws Exception {
        String familyId = UUID.randomUUID().toString();
        String base = "/admin/familles/" + familyId + "/enfants";
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/schools", 200, SCHOOLS);
        services.answer("GET", "/api/children/" + CHILD, 200, childOfFamily(familyId, false));
        Document edit = page(base + "/" + CHILD, admin);
        assertThat(edit.select("h1").text()).isEqualTo("Modifier le profil de « Léa »");
        assertThat(field(edit, "firstName").val()).isEqualTo("Léa");
        assertThat(field(edit, "birthDate").val()).isEqualTo("14/03/2023");
        assertThat(edit.select("#classId option").eachText()).contains("Petite section");
        assertThat(edit.select("main form").first().attr("action")).isEqualTo(base + "/" + CHILD);
        assertThat(edit.select("form.archive-form").attr("action")).isEqualTo(base + "/" + CHILD + "/archivage");

        Document empty = page(post(base + "/" + CHILD).cookie(admin).with(csrf()).param("firstName", "")
                .param("lastName", "Martin").param("birthDate", "14/03/2023").param("schoolId", SCHOOL));
        assertThat(errorOf(empty, "firstName")).isEqualTo("Le prénom est obligatoire.");
        services.answer("PUT", "/api/children/" + CHILD, 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.","errors":[
                 {"field":"classId","code":"CLASS_REQUIRED","message":"La classe est obligatoire."}]}""");
        Document noClass = page(post(base + "/" + CHILD).cookie(admin).with(csrf()).param("firstName", "Léa")
                .param("lastName", "Martin").param("birthDate", "14/03/2023").param("schoolId", SCHOOL));
        assertThat(errorOf(noClass, "classId")).isEqualTo("La classe est obligatoire.");

        services.answer("PUT", "/api/children/" + CHILD, 204);
        var saved = mvc.perform(post(base + "/" + CHILD).cookie(admin).with(csrf()).param("firstName", "Léa")
                .param("lastName", "Martin").param("birthDate", "14/03/2023").param("schoolId", SCHOOL)
                .param("classId", CLASS)).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo(base);
        assertThat(services.last("PUT", "/api/children/" + CHILD).json().path("classId").asText()).isEqualTo(CLASS);
        assertThat(services.last("PUT", "/api/children/" + CHILD).token().path("role").asText()).isEqualTo("ADMIN");
        services.answer("GET", "/api/children", 200, "[" + childOfFamily(familyId, false) + "]");
        services.answer("GET", "/api/documents", 200, OVERVIEW);
        assertThat(page(base, admin).select("[role=status]").text()).isEqualTo("Le profil de Léa est enregistré.");

        services.answer("POST", "/api/children/" + CHILD + "/archive", 204);
        var archived = mvc.perform(post(base + "/" + CHILD + "/archivage").cookie(admin).with(csrf())).andReturn();
        assertThat(archived.getResponse().getRedirectedUrl()).isEqualTo(base);
        assertThat(services.calls("POST", "/api/children/" + CHILD + "/archive")).hasSize(1);

        // the family's page says so, and offers what staff may do for the family
        Document list = page(base, admin);
        assertThat(list.select("[role=status]").text()).isEqualTo("Le dossier de Léa est archivé.");
        assertThat(list.select("a[href=" + base + "/nouveau]").text()).isEqualTo("Ajouter un enfant à la famille");
        assertThat(list.select("tr[data-child=" + CHILD + "] a[href=" + base + "/" + CHILD + "]").text())
                .isEqualTo("Modifier le profil de Léa");
        assertThat(list.select("tr[data-child=" + CHILD + "] a[href=" + base + "/" + CHILD
                + "/documents/SCHOOL_INSURANCE]").text())
                .isEqualTo("Envoyer pour la famille Attestation d'assurance scolaire de Léa");
        assertThat(list.select(".family-documents a[href=/admin/familles/" + familyId + "/documents/HEALTH_SHEET]")
                .text()).isEqualTo("Envoyer pour la famille Fiche sanitaire");
    }

    @Test
    void staff_send_a_child_s_or_the_family_s_document_on_its_behalf() throws Exception {
        String familyId = UUID.randomUUID().toString();
        String base = "/admin/familles/" + familyId + "/enfants";
        Cookie agent = loginStaff("AGENT");
        services.answer("GET", "/api/children/" + CHILD, 200, childOfFamily(familyId, false));
        String photoPage = base + "/" + CHILD + "/documents/PHOTO";
        Document upload = page(photoPage, agent);
        assertThat(upload.select("h1").text()).isEqualTo("Photo d'identité de « Léa »");
        assertThat(upload.select("nav.console-nav")).hasSize(1);
        assertThat(upload.select("main form").attr("action")).startsWith(photoPage + "?_csrf=");

        Document noFile = page(multipart(photoPage).cookie(agent).with(csrf()));
        assertThat(errorOf(noFile, "file")).isEqualTo("Choisissez le fichier à envoyer.");
        services.answer("POST", "/api/documents", 400, """
                {"status":400,"code":"FILE_TYPE_NOT_ALLOWED","detail":"Seuls les fichiers PDF, JPEG et PNG sont acceptés.",
                 "errors":[{"field":"file","code":"FILE_TYPE_NOT_ALLOWED",
                   "message":"Seuls les fichiers PDF, JPEG et PNG sont acceptés (le contenu du fichier n'en est pas un)."}]}""");
        Document notImage = page(multipart(photoPage).file(new MockMultipartFile("file", "photo.png", "image/png",
                "texte".getBytes())).cookie(agent).with(csrf()));
        assertThat(errorOf(notImage, "file")).isEqualTo("Seuls les fichiers PDF, JPEG et PNG sont acceptés (le "
                + "contenu du fichier n'en est pas un).");

        services.answer("POST", "/api/documents", 201, "{\"documentId\":\"" + UUID.randomUUID()
                + "\",\"status\":\"APPROVED\"}");
        var sent = mvc.perform(multipart(photoPage).file(new MockMultipartFile("file", "photo.png", "image/png",
                new byte[]{(byte) 0x89, 'P', 'N', 'G'})).cookie(agent).with(csrf())).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo(base);
        assertThat(sent.getFlashMap().get("uploaded")).isEqualTo("La photo de Léa est enregistrée.");
        String body = services.last("POST", "/api/documents").body();
        assertThat(body).containsPattern("(?s)name=\"childId\".{0,120}" + CHILD)
                .containsPattern("(?s)name=\"familyId\".{0,120}" + familyId)
                .containsPattern("(?s)name=\"kind\".{0,120}PHOTO");
        assertThat(services.last("POST", "/api/documents").token().path("role").asText()).isEqualTo("AGENT");

        // the family's own document, from its overview
        services.answer("GET", "/api/documents", 200, OVERVIEW);
        String sheetPage = "/admin/familles/" + familyId + "/documents/HEALTH_SHEET";
        Document sheet = page(sheetPage, agent);
        assertThat(sheet.select("h1").text()).isEqualTo("Fiche sanitaire de la famille");
        assertThat(sheet.select("main form").attr("action")).startsWith(sheetPage + "?_csrf=");
        assertThat(errorOf(page(multipart(sheetPage).cookie(agent).with(csrf())), "file"))
                .isEqualTo("Choisissez le fichier à envoyer.");
        var familySent = mvc.perform(multipart(sheetPage).file(new MockMultipartFile("file", "fiche.pdf",
                "application/pdf", "%PDF-1.7".getBytes())).cookie(agent).with(csrf())).andReturn();
        assertThat(familySent.getResponse().getRedirectedUrl()).isEqualTo(base);
        assertThat(familySent.getFlashMap().get("uploaded")).isEqualTo("« Fiche sanitaire » est envoyé pour la "
                + "famille.");
        String familyBody = services.last("POST", "/api/documents").body();
        assertThat(familyBody).containsPattern("(?s)name=\"familyId\".{0,120}" + familyId)
                .containsPattern("(?s)name=\"kind\".{0,120}HEALTH_SHEET")
                .doesNotContain("childId");
        mvc.perform(get("/admin/familles/" + familyId + "/documents/PHOTO").cookie(agent))
                .andExpect(MockMvcResultMatchers.status().isNotFound());

        // a file over the limits gets the console's page back, with the message next to the file field
        Document back = refusedUpload(photoPage, "main form[enctype=multipart/form-data]", agent, 10 * MB + 1,
                photoPage);
        assertThat(errorOf(back, "file")).isEqualTo("Le fichier dépasse 10 Mo.");
        Document sheetBack = refusedUpload(sheetPage, "main form[enctype=multipart/form-data]", agent, 10 * MB + 1,
                sheetPage);
        assertThat(errorOf(sheetBack, "file")).isEqualTo("Le fichier dépasse 10 Mo.");
    }

    @Test
    void a_child_of_another_family_than_the_address_is_not_found_and_nothing_is_sent() throws Exception {
        String familyId = UUID.randomUUID().toString();
        String base = "/admin/familles/" + familyId + "/enfants/" + CHILD;
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/schools", 200, SCHOOLS);
        services.answer("GET", "/api/children/" + CHILD, 200, childOfFamily(UUID.randomUUID().toString(), false));
        mvc.perform(get(base).cookie(admin)).andExpect(MockMvcResultMatchers.status().isNotFound());
        mvc.perform(post(base).cookie(admin).with(csrf()).param("firstName", "Léa").param("lastName", "Martin")
                .param("birthDate", "14/03/2023").param("schoolId", SCHOOL))
                .andExpect(MockMvcResultMatchers.status().isNotFound());
        mvc.perform(post(base + "/archivage").cookie(admin).with(csrf()))
                .andExpect(MockMvcResultMatchers.status().isNotFound());
        mvc.perform(get(base + "/documents/PHOTO").cookie(admin))
                .andExpect(MockMvcResultMatchers.status().isNotFound());
        mvc.perform(multipart(base + "/documents/PHOTO").file(new MockMultipartFile("file", "photo.png",
                "image/png", new byte[]{1})).cookie(admin).with(csrf()))
                .andExpect(MockMvcResultMatchers.status().isNotFound());
        assertThat(services.calls("PUT", "/api/children/" + CHILD)).isEmpty();
        assertThat(services.calls("POST", "/api/children/" + CHILD + "/archive")).isEmpty();
        assertThat(services.calls("POST", "/api/documents")).isEmpty();
        // an unknown child answers the same
        services.answer("GET", "/api/children/" + CHILD, 404, """
                {"status":404,"code":"CHILD_NOT_FOUND","detail":"Enfant introuvable."}""");
        mvc.perform(get(base).cookie(admin)).andExpect(MockMvcResultMatchers.status().isNotFound());
    }

    @Test
    void finance_auditors_and_parents_may_not_act_for_a_family_but_staff_still_read_its_children() throws Exception {
        String familyId = UUID.randomUUID().toString();
        String base = "/admin/familles/" + familyId + "/enfants";
        services.answer("GET", "/api/schools", 200, SCHOOLS);
        services.answer("GET", "/api/children/" + CHILD, 200, childOfFamily(familyId, false));
        services.answer("GET", "/api/children", 200, "[" + childOfFamily(familyId, false) + "]");
        services.answer("GET", "/api/documents", 200, OVERVIEW);
        services.answer("GET", "/api/families/" + familyId, 200, family(familyId, UUID.randomUUID().toString(),
                "ACTIVE"));
        for (String role : new String[]{"FINANCE", "AUDITOR"}) {
            Cookie staff = loginStaff(role);
            for (String page : new String[]{base + "/nouveau", base + "/" + CHILD, base + "/" + CHILD
                    + "/documents/PHOTO", "/admin/familles/" + familyId + "/documents/HEALTH_SHEET"}) {
                mvc.perform(get(page).cookie(staff)).andExpect(MockMvcResultMatchers.status().isForbidden());
            }
            mvc.perform(post(base + "/nouveau").cookie(staff).with(csrf()).param("firstName", "Léa"))
                    .andExpect(MockMvcResultMatchers.status().isForbidden());
            mvc.perform(post(base + "/" + CHILD + "/archivage").cookie(staff).with(csrf()))
                    .andExpect(MockMvcResultMatchers.status().isForbidden());
            mvc.perform(multipart(base + "/" + CHILD + "/documents/PHOTO").file(new MockMultipartFile("file",
                    "photo.png", "image/png", new byte[]{1})).cookie(staff).with(csrf()))
                    .andExpect(MockMvcResultMatchers.status().isForbidden());
            Document list = page(base, staff);
            assertThat(list.select("tr[data-child=" + CHILD + "]").text()).as(role + " reads").contains("Léa");
            assertThat(list.select("main a[href^=" + base + "/]")).as(role + " gets no action").isEmpty();
            assertThat(list.select("a[href^=/admin/familles/" + familyId + "/documents/]")).isEmpty();
            Element section = page("/admin/familles/" + familyId, staff)
                    .select("section[aria-labelledby=enfants]").first();
            assertThat(section.select("a[href^=" + base + "/]")).as(role + ": no action in the file").isEmpty();
        }
        assertThat(services.calls("POST", "/api/children")).isEmpty();
        assertThat(services.calls("POST", "/api/children/" + CHILD + "/archive")).isEmpty();
        assertThat(services.calls("POST", "/api/documents")).isEmpty();
        mvc.perform(get(base + "/nouveau").cookie(activeParent())).andExpect(MockMvcResultMatchers.status().isForbidden());

        // administrators and agents find the actions in the family's file
        Element section = page("/admin/familles/" + familyId, loginStaff("AGENT"))
                .select("section[aria-labelledby=enfants]").first();
        assertThat(section.select("a[href=" + base + "/nouveau]").text()).isEqualTo("Ajouter un enfant à la famille");
        assertThat(section.select("tr[data-child=" + CHILD + "] a[href=" + base + "/" + CHILD + "]").text())
                .isEqualTo("Modifier le profil de Léa");
        assertThat(section.select("a[href=" + base + "]").text()).contains("envoyer un document pour la famille");
    }
}
