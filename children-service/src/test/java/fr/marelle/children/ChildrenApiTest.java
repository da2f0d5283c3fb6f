package fr.marelle.children;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.children.child.ChildEvents.ChildRequirementsEvaluated;
import fr.marelle.children.requirements.RequirementsClock;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.ChildRequirementsChanged;
import fr.marelle.contracts.children.DocumentReviewed;
import fr.marelle.contracts.children.QuotientFamilialAttested;
import fr.marelle.contracts.children.SchoolChanged;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.ReadModelChecks;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestKafka;
import fr.marelle.platform.test.TestServiceTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** children-service through the API the gateway uses, on the real database and broker, with a real clamd peer. */
@ChildrenServiceTest
class ChildrenApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static Published published;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    RequirementsClock requirementsClock;

    @BeforeAll
    static void listen() {
        published = new Published();
    }

    @AfterAll
    static void stop() {
        published.close();
    }

    ServiceApi.Caller as(Actor actor) {
        return new ServiceApi(port).as(actor);
    }

    static final Actor ADMIN = TestServiceTokens.staff(Role.ADMIN);
    static final Actor AGENT = TestServiceTokens.staff(Role.AGENT);

    static Actor parentOf(String familyId) {
        return TestServiceTokens.parentOf(familyId);
    }

    static String newFamily() {
        return UUID.randomUUID().toString();
    }

    // --- data made through the API ---------------------------------------------------------------------------------

    record School(String schoolId, String classId) {
    }

    /** A maternelle (3 to 6) with one class of the current school year. */
    School maternelle() {
        ServiceApi.Response opened = as(ADMIN).post("/api/schools", Map.of("name", "Maternelle " + UUID.randomUUID(),
                "kind", "MATERNELLE", "minAge", 3, "maxAge", 6));
        assertThat(opened.status()).isEqualTo(201);
        String schoolId = opened.body().path("id").asText();
        String year = as(ADMIN).get("/api/schools").body().path("currentSchoolYear").asText();
        ServiceApi.Response added = as(ADMIN).post("/api/schools/" + schoolId + "/classes",
                Map.of("schoolYear", year, "name", "Petite section", "level", "PS"));
        assertThat(added.status()).isEqualTo(201);
        String classId = added.body().path("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> as(ADMIN).get("/api/schools/" + schoolId).body()
                .path("classes").size() == 1);
        return new School(schoolId, classId);
    }

    static String threeYearOldBirthDate() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        int startYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return "14/03/" + (startYear - 3);
    }

    Map<String, Object> child(School school) {
        Map<String, Object> child = new HashMap<>();
        child.put("firstName", "Léa");
        child.put("lastName", "Martin");
        child.put("birthDate", threeYearOldBirthDate());
        child.put("schoolId", school.schoolId());
        child.put("dietComment", "Sans porc");
        child.put("allergies", "Arachide");
        return child;
    }

    String addChild(Actor parent, School school) {
        ServiceApi.Response r = as(parent).post("/api/children", child(school));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().path("childId").asText();
    }

    long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    long files() {
        return jdbc.sql("SELECT count(*) FROM stored_file").query(Long.class).single();
    }

    static Map<String, String> errors(ServiceApi.Response r) {
        Map<String, String> errors = new HashMap<>();
        r.body().path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
        return errors;
    }

    // --- uploads and downloads (multipart, bytes) ------------------------------------------------------------------

    record Raw(int status, JsonNode body, Map<String, List<String>> headers, byte[] bytes) {
        String code() {
            return body.path("code").asText(null);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of("")).get(0);
        }
    }

    Raw upload(Actor actor, String path, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "marelle" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestServiceTokens.tokenFor(actor))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Raw submit(Actor actor, String kind, String childId, String fileName, byte[] content) {
        Map<String, String> fields = new HashMap<>();
        fields.put("kind", kind);
        if (childId != null) {
            fields.put("childId", childId);
        }
        return upload(actor, "/api/documents", fields, fileName, content);
    }

    Raw download(Actor actor, String fileId) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/files/" + fileId))
                .header("Authorization", "Bearer " + TestServiceTokens.tokenFor(actor)).GET());
    }

    private static Raw send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = JSON.createObjectNode();
            }
            return new Raw(response.statusCode(), body == null ? JSON.createObjectNode() : body,
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode childOf(Actor parent, String childId) {
        return as(parent).get("/api/children/" + childId).body();
    }

    /** The documents of the family as "Mes documents" shows them, once the register caught up. */
    JsonNode familyDocument(Actor parent, String kind, String status) {
        JsonNode[] found = {null};
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode d : as(parent).get("/api/documents").body().path("family")) {
                if (d.path("kind").path("code").asText().equals(kind) && d.path("status").asText().equals(status)) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Nested
    class Schools {
        @Test
        void administrators_open_schools_and_classes_that_everyone_reads_and_that_are_published() {
            School school = maternelle();
            JsonNode read = as(parentOf(newFamily())).get("/api/schools/" + school.schoolId()).body();
            assertThat(read.path("kind").asText()).isEqualTo("MATERNELLE");
            assertThat(read.path("classes").get(0).path("name").asText()).isEqualTo("Petite section");
            Published.Record record = published.await(SchoolChanged.TYPE.qualifiedName(),
                    p -> p.path("schoolId").asText().equals(school.schoolId()) && p.path("classes").size() == 1);
            assertThat(record.key()).isEqualTo(school.schoolId());
            assertThat(record.payload().path("minAge").asInt()).isEqualTo(3);
        }

        @Test
        void only_administrators_change_them_and_bad_input_is_named() {
            assertThat(as(AGENT).post("/api/schools", Map.of("name", "X", "kind", "MATERNELLE", "minAge", 3,
                    "maxAge", 6)).status()).isEqualTo(403);
            ServiceApi.Response bad = as(ADMIN).post("/api/schools", Map.of("name", "", "kind", "MATERNELLE",
                    "minAge", 6, "maxAge", 3));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(errors(bad)).containsEntry("name", "Le nom de l'école est obligatoire.")
                    .containsEntry("maxAge", "L'âge maximal doit être plus grand que l'âge minimal.");
            School school = maternelle();
            ServiceApi.Response wrongLevel = as(ADMIN).post("/api/schools/" + school.schoolId() + "/classes",
                    Map.of("schoolYear", "2026-2027", "name", "CP A", "level", "CP"));
            assertThat(wrongLevel.status()).isEqualTo(422);
            assertThat(wrongLevel.code()).isEqualTo("CLASS_LEVEL_INVALID");
        }
    }

    @Nested
    class Children {
        @Test
        void a_parent_adds_a_child_who_is_published_without_health_or_diet_data() {
            String family = newFamily();
            Actor parent = parentOf(family);
            String childId = addChild(parent, maternelle());
            Published.Record record = published.await(ChildRegistered.TYPE.qualifiedName(),
                    p -> p.path("childId").asText().equals(childId));
            assertThat(record.key()).isEqualTo(family);
            assertThat(record.payload().toString()).doesNotContain("porc").doesNotContain("Arachide");
            String stored = jdbc.sql("SELECT string_agg(convert_from(payload, 'UTF8'), ' ') FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ?").param(childId).query(String.class).single();
            assertThat(stored).doesNotContain("porc").doesNotContain("Arachide");
            JsonNode child = childOf(parent, childId);
            assertThat(child.path("dietComment").asText()).isEqualTo("Sans porc");
            assertThat(child.path("allergies").asText()).isEqualTo("Arachide");
            await().atMost(Duration.ofSeconds(10)).until(() -> as(parent).get("/api/children").body().size() == 1);
            JsonNode listed = as(parent).get("/api/children").body().get(0);
            assertThat(listed.path("age").asInt()).isBetween(2, 3);
            assertThat(listed.path("photoFileId").isNull()).isTrue();
        }

        @Test
        void each_bad_field_gets_its_french_message_and_nothing_is_stored() {
            School school = maternelle();
            Actor parent = parentOf(newFamily());
            long before = events();
            Map<String, Object> bad = child(school);
            bad.put("firstName", "");
            bad.put("birthDate", "31/02/2020");
            bad.put("schoolId", UUID.randomUUID().toString());
            ServiceApi.Response refused = as(parent).post("/api/children", bad);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(errors(refused)).containsEntry("firstName", "Le prénom est obligatoire.")
                    .containsEntry("birthDate", "Cette date n'existe pas.")
                    .containsEntry("schoolId", "Cette école n'existe pas : choisissez-en une dans la liste.");
            Map<String, Object> noDate = child(school);
            noDate.put("birthDate", "le 3 mars");
            assertThat(errors(as(parent).post("/api/children", noDate)))
                    .containsEntry("birthDate", "La date s'écrit jj/mm/aaaa, par exemple 14/03/2020.");
            Map<String, Object> tooOld = child(school);
            tooOld.put("birthDate", "02/05/2015");
            ServiceApi.Response outOfRange = as(parent).post("/api/children", tooOld);
            assertThat(outOfRange.status()).isEqualTo(422);
            assertThat(errors(outOfRange)).containsEntry("birthDate",
                    "L'âge de l'enfant ne correspond pas à cette école (de 3 à 6 ans).");
            assertThat(events()).isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM care_note").query(Long.class).single())
                    .as("no care note left behind").isEqualTo(jdbc.sql("SELECT count(DISTINCT aggregate_identifier) "
                            + "FROM domain_event_entry WHERE payload_type LIKE '%ChildCareNotesChanged'")
                    .query(Long.class).single());
        }

        @Test
        void the_class_becomes_mandatory_once_the_year_has_classes_and_an_archived_child_stays_in_the_list() {
            School school = maternelle();
            Actor parent = parentOf(newFamily());
            String childId = addChild(parent, school);
            Map<String, Object> edit = child(school);
            ServiceApi.Response noClass = as(parent).put("/api/children/" + childId, edit);
            assertThat(noClass.status()).isEqualTo(400);
            assertThat(errors(noClass)).containsEntry("classId", "La classe est obligatoire.");
            edit.put("classId", school.classId());
            edit.put("dietComment", "");
            assertThat(as(parent).put("/api/children/" + childId, edit).status()).isEqualTo(204);
            assertThat(childOf(parent, childId).path("dietComment").isNull()).isTrue();
            assertThat(as(parent).post("/api/children/" + childId + "/archive", Map.of()).status()).isEqualTo(204);
            assertThat(as(parent).put("/api/children/" + childId, edit).code()).isEqualTo("CHILD_ARCHIVED");
            await().atMost(Duration.ofSeconds(10)).until(() -> as(parent).get("/api/children").body().path(0)
                    .path("archived").asBoolean());
        }

        @Test
        void staff_add_a_child_only_to_a_family_accounts_service_published() throws Exception {
            School school = maternelle();
            String family = newFamily();
            Map<String, Object> request = child(school);
            request.put("familyId", family);
            assertThat(as(AGENT).post("/api/children", request).code()).isEqualTo("FAMILY_NOT_FOUND");
            publishFamily(family);
            await().atMost(Duration.ofSeconds(20)).until(() -> as(AGENT).post("/api/children", request).status()
                    == 201);
        }

        @Test
        void administrators_and_agents_act_for_a_family_on_its_children_and_documents_finance_and_auditors_may_not()
                throws Exception {
            School school = maternelle();
            String family = newFamily();
            publishFamily(family);
            Map<String, Object> request = child(school);
            request.put("familyId", family);
            String[] added = {null};
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                ServiceApi.Response r = as(AGENT).post("/api/children", request);
                added[0] = r.body().path("childId").asText(null);
                return r.status() == 201;
            });
            String childId = added[0];
            // at once, its family as its events tell it (the console checks the family of its address against it)
            assertThat(childOf(AGENT, childId).path("families").get(0).asText()).isEqualTo(family);

            // what the refused calls would record (the requirements policy may record its evaluation meanwhile)
            String acts = "SELECT count(*) FROM domain_event_entry WHERE payload_type ~ "
                    + "'(ChildRegistered|ChildDetailsChanged|ChildArchived|DocumentSubmitted)$'";
            for (Actor refused : List.of(TestServiceTokens.staff(Role.FINANCE),
                    TestServiceTokens.staff(Role.AUDITOR))) {
                long before = jdbc.sql(acts).query(Long.class).single();
                assertThat(as(refused).post("/api/children", request).code()).isEqualTo("FORBIDDEN_ROLE");
                assertThat(as(refused).put("/api/children/" + childId, child(school)).code())
                        .isEqualTo("FORBIDDEN_ROLE");
                assertThat(as(refused).post("/api/children/" + childId + "/archive", Map.of()).code())
                        .isEqualTo("FORBIDDEN_ROLE");
                assertThat(upload(refused, "/api/documents", Map.of("kind", "PHOTO", "childId", childId,
                        "familyId", family), "photo.png", TestFiles.png(60, 80)).code()).isEqualTo("FORBIDDEN_ROLE");
                assertThat(upload(refused, "/api/documents", Map.of("kind", "HEALTH_SHEET", "familyId", family),
                        "fiche.pdf", TestFiles.pdf("Fiche sanitaire")).code()).isEqualTo("FORBIDDEN_ROLE");
                assertThat(jdbc.sql(acts).query(Long.class).single()).as(refused.role() + " changed nothing")
                        .isEqualTo(before);
            }

            Map<String, Object> edit = child(school);
            edit.put("classId", school.classId());
            assertThat(as(AGENT).put("/api/children/" + childId, edit).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> childOf(AGENT, childId).path("classId").asText()
                    .equals(school.classId()));
            assertThat(upload(AGENT, "/api/documents", Map.of("kind", "PHOTO", "childId", childId,
                    "familyId", family), "photo.png", TestFiles.png(60, 80)).status()).isEqualTo(201);
            assertThat(upload(AGENT, "/api/documents", Map.of("kind", "PHOTO", "childId", childId,
                    "familyId", newFamily()), "photo.png", TestFiles.png(60, 80)).status())
                    .as("not for a family the child is not in").isEqualTo(404);
            assertThat(upload(ADMIN, "/api/documents", Map.of("kind", "HEALTH_SHEET", "familyId", family),
                    "fiche.pdf", TestFiles.pdf("Fiche sanitaire")).status()).isEqualTo(201);
            familyDocument(parentOf(family), "HEALTH_SHEET", "WAITING");
            assertThat(as(ADMIN).post("/api/children/" + childId + "/archive", Map.of()).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> childOf(parentOf(family), childId).path("archived")
                    .asBoolean());
        }

        @Test
        void agents_read_diets_and_allergies_for_attendance_others_do_not() {
            Actor parent = parentOf(newFamily());
            String childId = addChild(parent, maternelle());
            await().atMost(Duration.ofSeconds(10)).until(() -> as(AGENT)
                    .get("/api/children/care-notes?ids=" + childId).body().size() == 1);
            JsonNode note = as(AGENT).get("/api/children/care-notes?ids=" + childId).body().get(0);
            assertThat(note.path("dietComment").asText()).isEqualTo("Sans porc");
            assertThat(note.path("allergies").asText()).isEqualTo("Arachide");
            assertThat(as(TestServiceTokens.staff(Role.FINANCE)).get("/api/children/care-notes?ids=" + childId)
                    .status()).isEqualTo(403);
            assertThat(as(parent).get("/api/children/care-notes?ids=" + childId).status()).isEqualTo(403);
            assertThat(as(TestServiceTokens.staff(Role.AUDITOR)).get("/api/children/" + childId).body()
                    .path("allergies").isNull()).isTrue();
        }

        @Test
        void erasure_removes_care_notes_and_file_contents_but_keeps_the_history() {
            Actor parent = parentOf(newFamily());
            String childId = addChild(parent, maternelle());
            Raw photo = submit(parent, "PHOTO", childId, "photo.png", TestFiles.png(200, 200));
            assertThat(photo.status()).isEqualTo(201);
            assertThat(as(AGENT).post("/api/children/" + childId + "/sensitive-data/erasure", Map.of()).status())
                    .isEqualTo(403);
            assertThat(as(ADMIN).post("/api/children/" + childId + "/sensitive-data/erasure", Map.of()).status())
                    .isEqualTo(204);
            assertThat(childOf(parent, childId).path("dietComment").isNull()).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM stored_file WHERE child_id = ?::uuid AND content IS NULL "
                    + "AND erased_at IS NOT NULL").param(childId).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Nested
    class OtherFamilies {
        @Test
        void parent_b_gets_404_for_family_a_children_documents_and_files_whatever_the_ids() {
            String familyA = newFamily();
            Actor parentA = parentOf(familyA);
            Actor parentB = parentOf(newFamily());
            School school = maternelle();
            String childId = addChild(parentA, school);
            Raw photo = submit(parentA, "PHOTO", childId, "photo.png", TestFiles.png(120, 160));
            assertThat(photo.status()).isEqualTo(201);
            String fileId = await().atMost(Duration.ofSeconds(10)).until(
                    () -> childOf(parentA, childId).path("photoFileId").asText(null), f -> f != null);
            assertThat(download(parentA, fileId).status()).isEqualTo(200);

            assertThat(as(parentB).get("/api/children/" + childId).code()).isEqualTo("CHILD_NOT_FOUND");
            assertThat(as(parentB).put("/api/children/" + childId, child(school)).status()).isEqualTo(404);
            assertThat(as(parentB).post("/api/children/" + childId + "/archive", Map.of()).status()).isEqualTo(404);
            assertThat(download(parentB, fileId).code()).isEqualTo("FILE_NOT_FOUND");
            assertThat(submit(parentB, "PHOTO", childId, "photo.png", TestFiles.png(50, 50)).code())
                    .isEqualTo("CHILD_NOT_FOUND");
            assertThat(as(parentB).get("/api/documents?familyId=" + familyA).code()).isEqualTo("FAMILY_NOT_FOUND");
            assertThat(as(parentB).get("/api/children?familyId=" + familyA).code()).isEqualTo("FAMILY_NOT_FOUND");
            String documentId = photo.body().path("documentId").asText();
            assertThat(as(parentB).get("/api/documents/" + documentId).code()).isEqualTo("DOCUMENT_NOT_FOUND");
            // guessed ids answer exactly like unknown ones
            assertThat(as(parentB).get("/api/children/" + UUID.randomUUID()).code()).isEqualTo("CHILD_NOT_FOUND");
            assertThat(download(parentB, UUID.randomUUID().toString()).code()).isEqualTo("FILE_NOT_FOUND");
            // a parent whose account is not active acts for no family
            assertThat(as(new Actor(UUID.randomUUID().toString(), Role.PARENT, null, "203.0.113.9"))
                    .get("/api/children").status()).isEqualTo(404);
        }

        @Test
        void a_child_of_separated_parents_is_seen_by_both_families_once_staff_link_it() throws Exception {
            String familyA = newFamily();
            String familyB = newFamily();
            String childId = addChild(parentOf(familyA), maternelle());
            assertThat(as(parentOf(familyB)).get("/api/children/" + childId).status()).isEqualTo(404);
            publishFamily(familyB);
            await().atMost(Duration.ofSeconds(20)).until(() -> as(AGENT).post("/api/children/" + childId
                    + "/families", Map.of("familyId", familyB)).status() == 204);
            assertThat(as(parentOf(familyB)).get("/api/children/" + childId).status()).isEqualTo(200);
            Published.Record second = published.await(ChildRegistered.TYPE.qualifiedName(),
                    p -> p.path("childId").asText().equals(childId) && p.path("familyId").asText().equals(familyB));
            assertThat(second.key()).isEqualTo(familyB);
        }
    }

    @Nested
    class Uploads {
        @Test
        void refused_uploads_get_a_clear_message_and_leave_nothing_behind() {
            Actor parent = parentOf(newFamily());
            String childId = addChild(parent, maternelle());
            // not the requirements evaluations, which the policy records asynchronously (for any child, when
            // another test changes the catalogue): an upload writes nothing else
            long events = eventsExceptEvaluations();
            long files = files();

            Raw exe = submit(parent, "SCHOOL_INSURANCE", childId, "assurance.pdf", TestFiles.windowsExecutable());
            assertThat(exe.status()).isEqualTo(400);
            assertThat(exe.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
            assertThat(exe.body().path("errors").get(0).path("field").asText()).isEqualTo("file");
            assertThat(submit(parent, "SCHOOL_INSURANCE", childId, "assurance.pdf", TestFiles.htmlNamedPdf()).code())
                    .isEqualTo("FILE_TYPE_NOT_ALLOWED");
            assertThat(submit(parent, "SCHOOL_INSURANCE", childId, "assurance.pdf", TestFiles.truncatedPdf()).code())
                    .isEqualTo("FILE_DAMAGED");
            byte[] oversized = new byte[11 * 1024 * 1024];
            System.arraycopy(TestFiles.pdf("x"), 0, oversized, 0, 100);
            Raw tooLarge = submit(parent, "SCHOOL_INSURANCE", childId, "gros.pdf", oversized);
            assertThat(tooLarge.status()).isEqualTo(400);
            assertThat(tooLarge.code()).isEqualTo("FILE_TOO_LARGE");
            assertThat(tooLarge.body().path("errors").get(0).path("message").asText())
                    .isEqualTo("Le fichier dépasse la taille maximale de 10 Mo.");
            Raw infected = submit(parent, "SCHOOL_INSURANCE", childId, "eicar.pdf",
                    TestFiles.EICAR.getBytes(StandardCharsets.US_ASCII));
            assertThat(infected.status()).isEqualTo(422);
            assertThat(infected.code()).isEqualTo("FILE_INFECTED");
            ChildrenTestInitializer.CLAMD.stop();
            try {
                Raw unavailable = submit(parent, "SCHOOL_INSURANCE", childId, "a.pdf", TestFiles.pdf("Assurance"));
                assertThat(unavailable.status()).isEqualTo(503);
                assertThat(unavailable.code()).isEqualTo("VIRUS_SCANNER_UNAVAILABLE");
            } finally {
                ChildrenTestInitializer.CLAMD.start();
            }
            assertThat(eventsExceptEvaluations()).isEqualTo(events);
            assertThat(files()).isEqualTo(files);
        }

        private long eventsExceptEvaluations() {
            return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type <> ?")
                    .param(ChildRequirementsEvaluated.class.getName()).query(Long.class).single();
        }

        @Test
        void a_photo_is_kept_without_its_gps_position_and_shown_inline_a_pdf_only_downloads() {
            Actor parent = parentOf(newFamily());
            String childId = addChild(parent, maternelle());
            byte[] sent = TestFiles.jpegWithGps(300, 400, 1);
            assertThat(TestFiles.gpsOf(sent)).isNotNull();
            Raw photo = submit(parent, "PHOTO", childId, "IMG_2041.JPG", sent);
            assertThat(photo.status()).isEqualTo(201);
            assertThat(photo.body().path("status").asText()).isEqualTo("APPROVED");
            String fileId = await().atMost(Duration.ofSeconds(10)).until(
                    () -> childOf(parent, childId).path("photoFileId").asText(null), f -> f != null);
            Raw kept = download(parent, fileId);
            assertThat(kept.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(kept.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(kept.header("Content-Disposition")).startsWith("inline");
            assertThat(TestFiles.gpsOf(kept.bytes())).as("GPS in the stored photo").isNull();
            assertThat(TestFiles.read(kept.bytes()).getWidth()).isEqualTo(300);

            Raw insurance = submit(parent, "SCHOOL_INSURANCE", childId, "attestation<script>.pdf",
                    TestFiles.pdf("Assurance scolaire"));
            assertThat(insurance.status()).isEqualTo(201);
            String pdfId = jdbc.sql("SELECT file_id FROM rm_document WHERE document_id = ?::uuid")
                    .param(insurance.body().path("documentId").asText()).query(String.class).optional()
                    .orElseGet(() -> await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                                    "SELECT file_id FROM rm_document WHERE document_id = ?::uuid")
                            .param(insurance.body().path("documentId").asText()).query(String.class).optional()
                            .orElse(null), f -> f != null));
            Raw pdf = download(parent, pdfId);
            assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
            assertThat(pdf.header("Content-Disposition")).startsWith("attachment").contains("attestation_script_.pdf");
            assertThat(pdf.header("Content-Security-Policy")).contains("sandbox");
        }
    }

    @Nested
    class Review {
        @Test
        void staff_refuse_then_approve_documents_and_what_the_child_has_is_published() {
            String family = newFamily();
            Actor parent = parentOf(family);
            String childId = addChild(parent, maternelle());
            Published.Record first = published.await(ChildRequirementsChanged.TYPE.qualifiedName(),
                    p -> p.path("childId").asText().equals(childId));
            assertThat(first.payload().path("missing").toString()).contains("PHOTO").contains("HEALTH_SHEET")
                    .contains("SCHOOL_INSURANCE").contains("IMAGE_RIGHTS").doesNotContain("QF_ATTESTATION");

            Raw sheet = submit(parent, "HEALTH_SHEET", null, "fiche.pdf", TestFiles.pdf("Fiche sanitaire"));
            assertThat(sheet.status()).isEqualTo(201);
            String sheetId = sheet.body().path("documentId").asText();
            familyDocument(parent, "HEALTH_SHEET", "WAITING");
            await().atMost(Duration.ofSeconds(10)).until(() -> as(AGENT).get("/api/documents/pending").body()
                    .findValuesAsText("documentId").contains(sheetId));
            assertThat(as(parent).get("/api/documents/pending").status()).isEqualTo(403);
            assertThat(as(AGENT).get("/api/documents/pending/count").body().path("count").asInt())
                    .as("every waiting document, as many as the list shows below its limit")
                    .isEqualTo(as(AGENT).get("/api/documents/pending").body().size()).isPositive();
            assertThat(as(parent).get("/api/documents/pending/count").status()).isEqualTo(403);

            assertThat(as(AGENT).post("/api/documents/" + sheetId + "/rejection", Map.of("reason", "")).code())
                    .isEqualTo("REJECTION_REASON_REQUIRED");
            assertThat(as(AGENT).post("/api/documents/" + sheetId + "/rejection",
                    Map.of("reason", "La fiche n'est pas signée.")).status()).isEqualTo(204);
            Published.Record rejected = published.await(DocumentReviewed.TYPE.qualifiedName(),
                    p -> p.path("documentId").asText().equals(sheetId));
            assertThat(rejected.payload().path("outcome").asText()).isEqualTo("REJECTED");
            assertThat(rejected.payload().path("reason").asText()).isEqualTo("La fiche n'est pas signée.");
            assertThat(familyDocument(parent, "HEALTH_SHEET", "REFUSED").path("current").path("reason").asText())
                    .isEqualTo("La fiche n'est pas signée.");

            String again = submit(parent, "HEALTH_SHEET", null, "fiche-signee.pdf", TestFiles.pdf("Fiche signée"))
                    .body().path("documentId").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> as(AGENT).get("/api/documents/pending").body()
                    .findValuesAsText("documentId").contains(again));
            assertThat(as(AGENT).post("/api/documents/" + again + "/approval", Map.of()).status()).isEqualTo(204);
            assertThat(as(AGENT).post("/api/documents/" + again + "/approval", Map.of()).code())
                    .isEqualTo("DOCUMENT_ALREADY_REVIEWED");
            Published.Record approved = published.await(DocumentReviewed.TYPE.qualifiedName(),
                    p -> p.path("documentId").asText().equals(again));
            assertThat(approved.payload().path("outcome").asText()).isEqualTo("APPROVED");
            assertThat(approved.key()).isEqualTo(family);
            published.await(ChildRequirementsChanged.TYPE.qualifiedName(),
                    p -> p.path("childId").asText().equals(childId)
                            && p.path("satisfied").toString().contains("HEALTH_SHEET"));
            JsonNode validated = familyDocument(parent, "HEALTH_SHEET", "VALIDATED");
            LocalDate lastDay = LocalDate.parse(validated.path("current").path("validUntil").asText());
            assertThat(lastDay.getMonthValue()).isEqualTo(8);
            assertThat(lastDay.getDayOfMonth()).isEqualTo(31);

            // the day after its last day, the sheet expires and is missing again
            clock.advance(Duration.between(Instant.now(), lastDay.plusDays(1).atStartOfDay(ZoneId.of("Europe/Paris"))
                    .toInstant()).plusHours(1));
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> requirementsClock.check() >= 0 && jdbc.sql(
                                "SELECT status FROM rm_document WHERE document_id = ?::uuid").param(again)
                        .query(String.class).single().equals("EXPIRED"));
                published.await(ChildRequirementsChanged.TYPE.qualifiedName(),
                        p -> p.path("childId").asText().equals(childId)
                                && p.path("missing").toString().contains("HEALTH_SHEET")
                                && p.path("schoolYear").asText().startsWith(String.valueOf(lastDay.getYear())));
            } finally {
                clock.reset();
            }
        }

        @Test
        void an_approved_qf_attestation_tells_billing_the_quotient_it_shows() {
            String family = newFamily();
            Actor parent = parentOf(family);
            String documentId = submit(parent, "QF_ATTESTATION", null, "caf.png", TestFiles.png(600, 800)).body()
                    .path("documentId").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> as(ADMIN).get("/api/documents/pending").body()
                    .findValuesAsText("documentId").contains(documentId));
            ServiceApi.Response noQf = as(ADMIN).post("/api/documents/" + documentId + "/approval", Map.of());
            assertThat(noQf.status()).isEqualTo(400);
            assertThat(errors(noQf)).containsKey("quotientFamilial");
            assertThat(as(ADMIN).post("/api/documents/" + documentId + "/approval",
                    Map.of("quotientFamilial", 850)).status()).isEqualTo(204);
            Published.Record attested = published.await(QuotientFamilialAttested.TYPE.qualifiedName(),
                    p -> p.path("documentId").asText().equals(documentId));
            assertThat(attested.key()).isEqualTo(family);
            assertThat(attested.payload().path("quotientFamilial").asInt()).isEqualTo(850);
            assertThat(attested.payload().path("validFrom").asText()).isNotBlank();
        }

        @Test
        void the_catalogue_is_the_administrators() {
            ServiceApi.Response kinds = as(parentOf(newFamily())).get("/api/document-kinds");
            assertThat(kinds.body().findValuesAsText("code")).contains("PHOTO", "SCHOOL_INSURANCE", "HEALTH_SHEET",
                    "IMAGE_RIGHTS", "QF_ATTESTATION", "HOUSE_RULES");
            Map<String, Object> change = new HashMap<>();
            change.put("title", "Règlement intérieur");
            change.put("requirement", "NONE");
            change.put("validity", "UNLIMITED");
            change.put("reviewRequired", false);
            assertThat(as(AGENT).put("/api/document-kinds/HOUSE_RULES", change).status()).isEqualTo(403);
            assertThat(as(ADMIN).put("/api/document-kinds/HOUSE_RULES", change).status()).isEqualTo(204);
            Raw form = upload(ADMIN, "/api/document-kinds/HOUSE_RULES/blank-form", Map.of(), "reglement.pdf",
                    TestFiles.pdf("Règlement"));
            assertThat(form.status()).isEqualTo(204);
        }
    }

    /** A kind of the catalogue as staff type it; OPTIONAL, so that no child's requirements change. */
    static Map<String, Object> kind(String title, String scope) {
        Map<String, Object> kind = new HashMap<>();
        kind.put("title", title);
        kind.put("description", "Pour les sorties scolaires.");
        kind.put("scope", scope);
        kind.put("requirement", "OPTIONAL");
        kind.put("validity", "MONTHS");
        kind.put("validityMonths", 12);
        kind.put("reviewRequired", true);
        return kind;
    }

    JsonNode awaitKind(String code, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] found = {null};
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode k : as(ADMIN).get("/api/document-kinds").body()) {
                if (k.path("code").asText().equals(code) && until.test(k)) {
                    found[0] = k;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Nested
    class Catalogue {
        @Test
        void a_new_kind_is_named_by_its_title_and_every_bad_field_is_named_in_one_answer() {
            long before = events();
            Map<String, Object> bad = kind("", null);
            bad.put("code", "certificat medical");
            bad.put("validityMonths", 0);
            ServiceApi.Response refused = as(ADMIN).post("/api/document-kinds", bad);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(errors(refused))
                    .containsEntry("title", "Le titre est obligatoire.")
                    .containsEntry("scope", "Choisissez si le document concerne la famille ou un enfant.")
                    .containsEntry("validityMonths", "Une durée de validité en mois va de 1 à 60 mois.")
                    .containsEntry("code", "Le code s'écrit en majuscules, chiffres et _ (2 à 40 caractères), "
                            + "comme HEALTH_SHEET.");
            assertThat(events()).as("nothing stored").isEqualTo(before);

            String suffix = UUID.randomUUID().toString().substring(0, 6);
            Map<String, Object> certificate = kind("Certificat médical " + suffix, "CHILD");
            assertThat(as(AGENT).post("/api/document-kinds", certificate).status()).isEqualTo(403);
            ServiceApi.Response created = as(ADMIN).post("/api/document-kinds", certificate);
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            String code = created.body().path("code").asText();
            assertThat(code).isEqualTo("CERTIFICAT_MEDICAL_" + suffix.toUpperCase());
            JsonNode defined = awaitKind(code, k -> true);
            assertThat(defined.path("scope").asText()).isEqualTo("CHILD");
            assertThat(defined.path("validityMonths").asInt()).isEqualTo(12);
            assertThat(defined.path("reviewRequired").asBoolean()).isTrue();

            certificate.put("code", code);
            ServiceApi.Response again = as(ADMIN).post("/api/document-kinds", certificate);
            assertThat(again.status()).isEqualTo(409);
            assertThat(errors(again)).containsEntry("code", "Un document porte déjà ce code.");

            Map<String, Object> change = kind("Certificat médical de non contre-indication", "FAMILY");
            change.put("validity", "MONTHS");
            change.put("validityMonths", 61);
            assertThat(errors(as(ADMIN).put("/api/document-kinds/" + code, change))).containsKey("validityMonths");
            change.put("validity", "SCHOOL_YEAR");
            change.put("requirement", "NONE");
            change.put("reviewRequired", false);
            assertThat(as(ADMIN).put("/api/document-kinds/" + code, change).status()).isEqualTo(204);
            JsonNode changed = awaitKind(code, k -> k.path("requirement").asText().equals("NONE"));
            assertThat(changed.path("title").asText()).isEqualTo("Certificat médical de non contre-indication");
            assertThat(changed.path("scope").asText()).as("the scope never changes").isEqualTo("CHILD");
            assertThat(changed.path("validity").asText()).isEqualTo("SCHOOL_YEAR");
            assertThat(changed.path("validityMonths").isNull()).isTrue();
            assertThat(as(ADMIN).put("/api/document-kinds/NO_SUCH_KIND", change).code())
                    .isEqualTo("DOCUMENT_KIND_NOT_FOUND");
        }

        @Test
        void a_blank_form_is_checked_like_any_upload_and_withdrawn_by_a_post() {
            ServiceApi.Response created = as(ADMIN).post("/api/document-kinds",
                    kind("Autorisation de sortie " + UUID.randomUUID().toString().substring(0, 6), "FAMILY"));
            String code = created.body().path("code").asText();
            awaitKind(code, k -> true);
            long files = files();
            Raw renamed = upload(ADMIN, "/api/document-kinds/" + code + "/blank-form", Map.of(), "formulaire.pdf",
                    "Ceci est un texte, pas un PDF.".getBytes(StandardCharsets.UTF_8));
            assertThat(renamed.status()).isEqualTo(400);
            assertThat(renamed.code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
            assertThat(renamed.body().path("errors").get(0).path("field").asText()).isEqualTo("file");
            assertThat(files()).isEqualTo(files);
            assertThat(upload(AGENT, "/api/document-kinds/" + code + "/blank-form", Map.of(), "formulaire.pdf",
                    TestFiles.pdf("Autorisation")).status()).isEqualTo(403);

            assertThat(upload(ADMIN, "/api/document-kinds/" + code + "/blank-form", Map.of(), "formulaire.pdf",
                    TestFiles.pdf("Autorisation de sortie")).status()).isEqualTo(204);
            JsonNode published = awaitKind(code, k -> !k.path("blankFormId").isNull());
            assertThat(published.path("blankFormName").asText()).isEqualTo("formulaire.pdf");
            Raw download = download(parentOf(newFamily()), published.path("blankFormId").asText());
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.header("Content-Type")).isEqualTo("application/pdf");

            assertThat(as(AGENT).post("/api/document-kinds/" + code + "/blank-form/withdrawal", Map.of()).status())
                    .isEqualTo(403);
            assertThat(as(ADMIN).post("/api/document-kinds/" + code + "/blank-form/withdrawal", Map.of()).status())
                    .isEqualTo(204);
            awaitKind(code, k -> k.path("blankFormId").isNull());
        }
    }

    @Nested
    class ReadModels {

        @Autowired
        org.springframework.context.ApplicationContext context;

        @Test
        void every_projection_names_its_tables_or_is_never_replayed() {
            ReadModelChecks.assertEveryProjectionDeclaresItsTables(context);
        }

        /** After children, documents sent and reviewed both ways, and a kind changed. */
        @Test
        void every_read_model_rebuilds_from_the_events_into_the_live_one_and_documents_travel_in_time() {
            String family = newFamily();
            Actor parent = parentOf(family);
            School school = maternelle();
            String first = addChild(parent, school);
            String second = addChild(parent, school);
            assertThat(submit(parent, "PHOTO", first, "photo.jpg", TestFiles.jpegWithGps(120, 160, 1)).status())
                    .isEqualTo(201);
            String insurance = submit(parent, "SCHOOL_INSURANCE", second, "assurance.pdf",
                    TestFiles.pdf("Assurance")).body().path("documentId").asText();
            String sheet = submit(parent, "HEALTH_SHEET", null, "fiche.pdf", TestFiles.pdf("Fiche"))
                    .body().path("documentId").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> as(AGENT).get("/api/documents/pending").body()
                    .findValuesAsText("documentId").containsAll(List.of(insurance, sheet)));
            Instant beforeReview = Instant.now();
            assertThat(as(AGENT).post("/api/documents/" + insurance + "/approval", Map.of()).status())
                    .isEqualTo(204);
            assertThat(as(AGENT).post("/api/documents/" + sheet + "/rejection",
                    Map.of("reason", "La fiche n'est pas signée.")).status()).isEqualTo(204);
            Map<String, Object> edit = child(school);
            edit.put("classId", school.classId());
            assertThat(as(parent).put("/api/children/" + first, edit).status()).isEqualTo(204);
            familyDocument(parent, "HEALTH_SHEET", "REFUSED");

            ReadModelChecks.assertEveryReadModelRebuildsIdentically(port);

            ServiceApi.Caller auditor = as(TestServiceTokens.staff(Role.AUDITOR));
            assertThat(auditor.get("/internal/audit/as-of").body().toString()).contains("documents");
            JsonNode then = auditor.get("/internal/audit/as-of/documents?familyId=" + family + "&at="
                    + beforeReview).body().path("state");
            JsonNode now = auditor.get("/internal/audit/as-of/documents?familyId=" + family + "&at="
                    + Instant.now()).body().path("state");
            assertThat(statusOf(then, sheet)).isEqualTo("SUBMITTED");
            assertThat(statusOf(then, insurance)).isEqualTo("SUBMITTED");
            assertThat(statusOf(now, sheet)).isEqualTo("REJECTED");
            assertThat(statusOf(now, insurance)).isEqualTo("APPROVED");
            assertThat(then.size()).as("the photo, the insurance, the sheet").isEqualTo(3);
        }

        private static String statusOf(JsonNode documents, String documentId) {
            for (JsonNode d : documents) {
                if (d.path("document_id").asText().equals(documentId)) {
                    return d.path("status").asText();
                }
            }
            throw new AssertionError(documentId + " not in " + documents);
        }
    }

    static void publishFamily(String familyId) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(FamilyRegistered.TYPE.topic(), familyId,
                    JSON.writeValueAsBytes(Map.of("familyId", familyId, "guardianId", UUID.randomUUID().toString(),
                            "firstName", "Camille", "lastName", "Martin", "language", "fr", "registeredBy", "PARENT",
                            "registeredAt", Instant.now().toString())));
            record.headers().add(IntegrationHeaders.EVENT_ID, UUID.randomUUID().toString()
                    .getBytes(StandardCharsets.UTF_8));
            record.headers().add(IntegrationHeaders.EVENT_TYPE, FamilyRegistered.TYPE.qualifiedName()
                    .getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
