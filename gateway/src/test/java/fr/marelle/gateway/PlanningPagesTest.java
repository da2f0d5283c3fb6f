package fr.marelle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The planning pages against a stub of planning-service (and of billing-service for the family's price): the
 * services, a service's form and week (screen 17), the summary before confirming, errors next to their fields, the
 * console's registers, services and CAF report with the roles that open them.
 */
class PlanningPagesTest extends GatewayTestSupport {

    @DynamicPropertySource
    static void planning(DynamicPropertyRegistry registry) {
        registry.add("marelle.services.planning.url", services::url);
        registry.add("marelle.services.billing.url", services::url);
    }

    static final String LEA = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    static final String TOM = "c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f";
    static final String BOOKING = "11111111-2222-4333-8444-555555555555";

    static final String SERVICE = """
            {"serviceId":"canteen","active":true,"hasHouseRules":true,"houseRulesFileName":"reglement.pdf",
             "bookingDeadline":"2 jour(s) ouvré(s) avant, à 10:00","cancellationDeadline":"1 jour(s) avant, à 18:00",
             "definition":{"code":"CANTEEN","name":"Restauration scolaire","description":"Repas du midi.",
               "runsOn":["SCHOOL_DAY"],"capacity":120,"schoolCapacities":{},
               "bookingDeadline":{"kind":"DAYS_BEFORE","days":2,"weekday":null,"dayOfMonth":null,"time":"10:00","workingDaysOnly":true},
               "cancellationDeadline":{"kind":"DAYS_BEFORE","days":1,"weekday":null,"dayOfMonth":null,"time":"18:00","workingDaysOnly":false},
               "requirements":["PHOTO"],"cesuClass":"NONE","unit":"DAY","hoursPerUnit":2.00}}""";

    static String week(String familyId) {
        return """
                {"serviceId":"canteen","serviceName":"Restauration scolaire","weekYear":2026,"weekNumber":37,
                 "monday":"2026-09-07","days":["2026-09-07","2026-09-08","2026-09-09","2026-09-10","2026-09-11"],
                 "children":[
                  {"childId":"%1$s","firstName":"Léa","lastName":"Martin","bookable":true,"missing":[],"days":[
                    {"date":"2026-09-07","status":"BOOKED","detail":null,"bookingId":"%3$s","cancellable":true,"reportable":false},
                    {"date":"2026-09-08","status":"WAITLISTED","detail":"Rang 2 sur la liste d'attente","bookingId":"%3$s","cancellable":true,"reportable":false},
                    {"date":"2026-09-09","status":"NOT_RUNNING","detail":"Pas de service le mercredi","bookingId":null,"cancellable":false,"reportable":false},
                    {"date":"2026-09-10","status":"BOOKED","detail":null,"bookingId":"%3$s","cancellable":false,"reportable":true},
                    {"date":"2026-09-11","status":"CLOSED","detail":"Grève","bookingId":null,"cancellable":false,"reportable":false}]},
                  {"childId":"%2$s","firstName":"Tom","lastName":"Martin","bookable":false,"missing":["la fiche sanitaire"],"days":[
                    {"date":"2026-09-07","status":"NOT_BOOKABLE","detail":"Il manque : la fiche sanitaire","bookingId":null,"cancellable":false,"reportable":false},
                    {"date":"2026-09-08","status":"NOT_BOOKABLE","detail":null,"bookingId":null,"cancellable":false,"reportable":false},
                    {"date":"2026-09-09","status":"NOT_RUNNING","detail":null,"bookingId":null,"cancellable":false,"reportable":false},
                    {"date":"2026-09-10","status":"NOT_BOOKABLE","detail":null,"bookingId":null,"cancellable":false,"reportable":false},
                    {"date":"2026-09-11","status":"CLOSED","detail":"Grève","bookingId":null,"cancellable":false,"reportable":false}]}]}"""
                .formatted(LEA, TOM, BOOKING);
    }

    void servePlanning(Parent parent) {
        services.answer("GET", "/api/services", 200, "[" + SERVICE + "]");
        services.answer("GET", "/api/services/canteen", 200, SERVICE);
        services.answer("GET", "/api/planning/week", 200, week(parent.familyId()));
        services.answer("GET", "/api/families/" + parent.familyId() + "/prices", 200, """
                [{"serviceId":"canteen","serviceName":"Restauration scolaire","unitPriceCents":190,
                  "quotientFamilial":850,"tariffEffectiveFrom":"2026-09-01","formatted":"1,90 €"}]""");
    }

    @Test
    void a_parent_picks_a_service_and_sees_its_price_house_rules_form_and_week_in_words() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        servePlanning(parent);
        Document list = page("/planification", session);
        assertThat(list.select("h1").text()).isEqualTo("Planification");
        assertThat(list.select(".card a[href=/planification/canteen]").text()).isEqualTo("Restauration scolaire");

        Document page = page(get("/planification/canteen").param("jour", "2026-09-08").cookie(session));
        assertThat(page.select(".planning-price").text()).contains("Votre tarif :").contains("1,90 €");
        assertThat(page.select("a[href=/planification/canteen/reglement]")).hasSize(1);
        field(page, "from");
        field(page, "to");
        assertThat(page.select("input[name=childIds]")).hasSize(2);
        assertThat(page.select("label[for=childIds]").text()).isEqualTo("Léa Martin");
        assertThat(page.select("#childIds").hasAttr("checked")).isTrue();
        assertThat(page.select("#childIds-1").hasAttr("checked")).isFalse(); // Tom misses a document
        assertThat(page.select("#child-missing-1").text()).contains("la fiche sanitaire");
        assertThat(page.select("#weekdays").attr("value")).isEqualTo("MONDAY");
        assertThat(page.select("#semaine").text()).contains("Semaine 37");
        assertThat(page.select(".week-child").get(0).select(".badge").eachText())
                .containsExactly("Réservé", "Liste d'attente", "Pas de service", "Réservé", "Fermé");
        assertThat(page.select(".week-child").get(0).text()).contains("Rang 2").contains("Grève");
        assertThat(page.select(".week-child").get(0).select("form button").first().text())
                .contains("Annuler").contains("Léa");
        assertThat(page.select("a[href=/planification/reservations/" + BOOKING + "/absence]")).hasSize(1);
        assertThat(services.last("GET", "/api/planning/week").query()).contains("serviceId=canteen")
                .contains("day=2026-09-08");
    }

    @Test
    void the_form_checks_what_it_can_and_shows_each_error_next_to_its_field() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        servePlanning(parent);
        Document page = page(post("/planification/canteen/apercu").cookie(session).with(csrf())
                .param("from", "31/02/2026").param("attendance", "PRESENT"));
        assertThat(page.select("#erreurs li")).hasSize(4);
        assertThat(errorOf(page, "from")).isEqualTo("Saisissez une date au format jj/mm/aaaa.");
        assertThat(errorOf(page, "to")).isEqualTo("La date est obligatoire.");
        assertThat(page.select("#childIds-error").text()).contains("Choisissez au moins un enfant.");
        assertThat(page.select("#weekdays-error").text()).contains("au moins un jour");
        assertThat(page.title()).startsWith("Erreur");
        assertThat(services.calls("POST", "/api/bookings/preview")).isEmpty();

        services.answer("POST", "/api/bookings/preview", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"weekdays","code":"SERVICE_NOT_RUNNING_ON_WEEKDAY",
                            "message":"Le service « Restauration scolaire » ne fonctionne pas le mercredi."}]}""");
        Document refused = page(post("/planification/canteen/apercu").cookie(session).with(csrf())
                .param("childIds", LEA).param("from", "2026-09-01").param("to", "2026-09-30")
                .param("weekdays", "WEDNESDAY").param("attendance", "PRESENT"));
        assertThat(refused.select("#weekdays-error").text()).contains("ne fonctionne pas le mercredi");
        assertThat(refused.select("#weekdays").hasAttr("checked")).isFalse();
        assertThat(refused.select("#weekdays-2").hasAttr("checked")).isTrue();

        services.answer("POST", "/api/bookings/preview", 422, """
                {"status":422,"code":"BOOKING_DEADLINE_PASSED",
                 "detail":"Le délai de réservation est dépassé pour ces jours."}""");
        Document late = page(post("/planification/canteen/apercu").cookie(session).with(csrf())
                .param("childIds", LEA).param("from", "2026-09-01").param("to", "2026-09-01")
                .param("weekdays", "TUESDAY").param("attendance", "PRESENT"));
        assertThat(late.select("#erreurs").text()).contains("Le délai de réservation est dépassé");
    }

    @Test
    void the_summary_shows_the_days_the_total_and_what_is_left_out_before_one_submission() throws Exception {
        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        servePlanning(parent);
        services.answer("POST", "/api/bookings/preview", 200, """
                {"serviceId":"canteen","familyId":"%s","days":2,"likelyWaitlisted":1,
                 "planned":[{"childId":"%s","date":"2026-09-07","full":false},{"childId":"%s","date":"2026-09-08","full":true}],
                 "cancellations":[],
                 "skipped":[{"childId":"%s","date":"2026-09-10","reason":"BOOKING_DEADLINE_PASSED",
                             "detail":"Délai de réservation dépassé depuis le 08/09/2026 à 10:00."}]}"""
                .formatted(parent.familyId(), LEA, LEA, LEA));
        Document summary = page(post("/planification/canteen/apercu").cookie(session).with(csrf())
                .param("childIds", LEA).param("from", "07/09/2026").param("to", "2026-09-10")
                .param("weekdays", "MONDAY", "TUESDAY", "THURSDAY").param("attendance", "PRESENT"));
        assertThat(summary.select("h1").text()).isEqualTo("Récapitulatif avant confirmation");
        assertThat(summary.select(".planning-total").text()).contains("3,80 €");
        assertThat(summary.text()).contains("Léa : 2 jours").contains("liste d'attente").contains("Trop tard.");
        JsonNode asked = services.last("POST", "/api/bookings/preview").json();
        assertThat(asked.path("from").asText()).isEqualTo("2026-09-07");
        assertThat(asked.path("childIds").get(0).asText()).isEqualTo(LEA);

        services.answer("POST", "/api/bookings", 201, """
                {"submissionId":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","booked":1,"waitlisted":1,"lines":[],"skipped":[]}""");
        MvcResult confirmed = mvc.perform(post("/planification/canteen/confirmation").cookie(session).with(csrf())
                .param("childIds", LEA).param("from", "2026-09-07").param("to", "2026-09-10")
                .param("weekdays", "MONDAY", "TUESDAY", "THURSDAY").param("attendance", "PRESENT")).andReturn();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/planification/canteen?jour=2026-09-07");
        assertThat(services.calls("POST", "/api/bookings")).hasSize(1);
        assertThat(services.last("POST", "/api/bookings").json().path("weekdays")).hasSize(3);
        assertThat(confirmed.getFlashMap().get("done").toString()).isEqualTo(
                "Votre demande est enregistrée : 1 jour réservé, 1 jour sur liste d'attente.");
    }

    @Test
    void staff_mark_a_register_and_only_the_roles_that_may_open_the_console_pages_do() throws Exception {
        services.answer("GET", "/api/services", 200, "[" + SERVICE + "]");
        services.answer("GET", "/api/registers/canteen/2026-09-08/b7e1", 200, """
                {"registerId":"canteen@2026-09-08@b7e1","serviceId":"canteen","serviceName":"Restauration scolaire",
                 "cesuClass":"NONE","date":"2026-09-08","schoolKey":"b7e1","schoolName":"École maternelle du centre",
                 "closed":false,"closedAt":null,"careNotesAvailable":true,"hoursPerUnit":2.00,
                 "rows":[{"childId":"%s","familyId":"f1","bookingId":"%s","firstName":"Léa","lastName":"Martin",
                          "birthDate":"2020-03-14","age":6,"state":null,"hours":null,"absenceReported":true,
                          "certificateId":"c1","diet":"Sans porc","allergies":"Arachides","guardianName":"Camille Martin",
                          "pickupPersons":[{"name":"Jeanne Martin","phone":"+33611223344"}]}]}""".formatted(LEA, BOOKING));
        Cookie agent = loginStaff("AGENT");
        Document register = page("/admin/planification/pointage/canteen/2026-09-08/b7e1", agent);
        assertThat(register.select("h1").text()).isEqualTo("Pointage – Restauration scolaire");
        assertThat(register.select(".register-row").text()).contains("Sans porc").contains("Arachides")
                .contains("Jeanne Martin").contains("06 11 22 33 44").contains("Absence signalée");
        assertThat(register.select("input[type=radio][name=etat-" + LEA + "]")).hasSize(3);
        assertThat(register.select("label[for=etat-0-PRESENT]").text()).isEqualTo("Présent");

        services.answer("PUT", "/api/registers/canteen/2026-09-08/b7e1/children/" + LEA, 204);
        MvcResult saved = mvc.perform(post("/admin/planification/pointage/canteen/2026-09-08/b7e1").cookie(agent)
                .with(csrf()).param("etat-" + LEA, "ABSENT_EXCUSED")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/planification/pointage/canteen/2026-09-08/b7e1");
        assertThat(services.last("PUT", "/api/registers/canteen/2026-09-08/b7e1/children/" + LEA).json()
                .path("state").asText()).isEqualTo("ABSENT_EXCUSED");
        assertThat(services.last("PUT", "/api/registers/canteen/2026-09-08/b7e1/children/" + LEA).token()
                .path("role").asText()).isEqualTo("AGENT");

        Cookie finance = loginStaff("FINANCE");
        assertThat(mvc.perform(get("/admin/planification/pointage").cookie(finance)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        services.answer("GET", "/api/reports/caf", 200, """
                [{"serviceId":"canteen","serviceName":"Restauration scolaire","month":"2026-09",
                  "ageBand":"moins de 6 ans","children":12,"attendances":140,"hours":280.00}]""");
        Document caf = page(get("/admin/planification/caf").param("du", "2026-09-01").param("au", "2026-09-30")
                .cookie(finance));
        assertThat(caf.select("tbody tr").text()).contains("Restauration scolaire").contains("moins de 6 ans")
                .contains("280,00");
        assertThat(caf.select("a[href*=caf.csv]")).hasSize(1);

        Parent parent = Parent.with("ACTIVE");
        Cookie session = login(parent);
        assertThat(mvc.perform(get("/admin/planification/services").cookie(session)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/planification").cookie(agent)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void an_administrator_opens_a_service_and_its_errors_come_back_next_to_the_fields() throws Exception {
        Cookie admin = loginStaff("ADMIN");
        services.answer("GET", "/api/directory/schools", 200, "[]");
        Document form = page("/admin/planification/services/nouveau", admin);
        field(form, "code");
        field(form, "capacity");
        services.answer("POST", "/api/services", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"Certains champs sont invalides.",
                 "errors":[{"field":"capacity","code":"RANGE","message":"La capacité va de 1 à 10000 places par jour."}]}""");
        Document refused = page(post("/admin/planification/services/nouveau").cookie(admin).with(csrf())
                .param("code", "GARDERIE_MIDI").param("name", "Garderie du midi").param("runsOn", "SCHOOL_DAY")
                .param("capacity", "0").param("bookingDeadline.kind", "DAYS_BEFORE").param("bookingDeadline.days", "abc")
                .param("bookingDeadline.time", "10:00").param("cancellationDeadline.kind", "DAYS_BEFORE")
                .param("cancellationDeadline.days", "1").param("cancellationDeadline.time", "18:00")
                .param("cesuClass", "DAYCARE").param("unit", "SESSION").param("hoursPerUnit", "1,5"));
        assertThat(refused.select("#bookingDeadline-days-error").text()).isEqualTo("Saisissez un nombre.");
        assertThat(services.calls("POST", "/api/services")).isEmpty();
        Document fromService = page(post("/admin/planification/services/nouveau").cookie(admin).with(csrf())
                .param("code", "GARDERIE_MIDI").param("name", "Garderie du midi").param("runsOn", "SCHOOL_DAY")
                .param("capacity", "0").param("bookingDeadline.kind", "DAYS_BEFORE").param("bookingDeadline.days", "2")
                .param("bookingDeadline.time", "10:00").param("cancellationDeadline.kind", "DAYS_BEFORE")
                .param("cancellationDeadline.days", "1").param("cancellationDeadline.time", "18:00")
                .param("cesuClass", "DAYCARE").param("unit", "SESSION").param("hoursPerUnit", "1,5"));
        assertThat(errorOf(fromService, "capacity")).contains("La capacité va de 1 à 10000");
        JsonNode sent = services.last("POST", "/api/services").json();
        assertThat(sent.path("hoursPerUnit").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(sent.path("bookingDeadline").path("days").asInt()).isEqualTo(2);
        assertThat(sent.path("bookingDeadline").path("workingDaysOnly").asBoolean()).isTrue();
    }
}
