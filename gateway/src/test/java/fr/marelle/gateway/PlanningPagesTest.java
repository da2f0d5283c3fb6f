package fr.marelle.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import java.time.LocalDate;
import java.time.ZoneId;

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
        // the console's home also asks children-service (documents to review)
        registry.add("marelle.services.children.url", services::url);
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

    // ------------------------------------------------------------------------------------------------ console

    static final String OVERVIEW = """
            [{"serviceId":"canteen","serviceName":"Restauration scolaire","active":true,"day":"2026-09-08",
              "closedToday":false,"today":{"days":1,"capacity":40,"booked":12,"waitlisted":0},
              "monday":"2026-09-07","sunday":"2026-09-13","week":{"days":4,"capacity":160,"booked":50,"waitlisted":3}},
             {"serviceId":"evening-daycare","serviceName":"Garderie du soir","active":true,"day":"2026-09-08",
              "closedToday":true,"today":{"days":0,"capacity":0,"booked":0,"waitlisted":0},
              "monday":"2026-09-07","sunday":"2026-09-13","week":{"days":3,"capacity":60,"booked":21,"waitlisted":0}},
             {"serviceId":"wednesdays-holidays","serviceName":"Mercredis et vacances","active":true,"day":"2026-09-08",
              "closedToday":false,"today":{"days":0,"capacity":0,"booked":0,"waitlisted":0},
              "monday":"2026-09-07","sunday":"2026-09-13","week":{"days":0,"capacity":0,"booked":0,"waitlisted":0}}]""";

    static final String WAITLISTS = """
            [{"dayId":"canteen@2026-09-10","serviceId":"canteen","day":"2026-09-10","bookingId":"%s","childId":"%s",
              "familyId":"f1","ticket":4,"childName":"Léa Martin"},
             {"dayId":"canteen@2026-09-11","serviceId":"canteen","day":"2026-09-11","bookingId":"%s","childId":"%s",
              "familyId":"f1","ticket":2,"childName":"Léa Martin"}]""".formatted(BOOKING, LEA, BOOKING, LEA);

    @Test
    void the_console_home_shows_places_today_and_this_week_and_the_waiting_lists_to_the_roles_that_open_them()
            throws Exception {
        services.answer("GET", "/api/guardians/awaiting-activation", 200, "[]");
        services.answer("GET", "/api/messages/failed", 200, "[]");
        services.answer("GET", "/api/documents/pending/count", 200, "{\"count\": 0}");
        services.answer("GET", "/api/occupancy/overview", 200, OVERVIEW);
        services.answer("GET", "/api/waitlists", 200, WAITLISTS);
        Cookie agent = loginStaff("AGENT");
        Document home = page("/admin", agent);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(services.last("GET", "/api/occupancy/overview").query()).isEqualTo("day=" + today);
        assertThat(services.last("GET", "/api/occupancy/overview").token().path("role").asText()).isEqualTo("AGENT");
        assertThat(home.select("[data-tile=occupancyToday] h2 a").text()).isEqualTo("Occupation aujourd'hui");
        assertThat(home.select("[data-tile=occupancyToday] h2 a").attr("href"))
                .isEqualTo("/admin/planification/occupation");
        assertThat(home.select("[data-tile=occupancyToday] tr").eachText())
                .containsExactly("Restauration scolaire 12 / 40 places", "Garderie du soir fermé");
        assertThat(home.select("[data-tile=occupancyWeek] h2 a").text()).isEqualTo("Cette semaine");
        assertThat(home.select("[data-tile=occupancyWeek] tr").eachText()).as("a service not running is left out")
                .containsExactly("Restauration scolaire 50 / 160 places, 3 en attente",
                        "Garderie du soir 21 / 60 places");
        assertThat(home.select("[data-tile=waitlists] h2 a").attr("href")).isEqualTo("/admin/planification/attente");
        assertThat(home.select("[data-tile=waitlists] .tile__figure").text()).isEqualTo("2 enfants-jours en attente");
        assertThat(home.select("[data-tile=waitlists] .badge").text()).isEqualTo("À traiter");
        assertThat(services.last("GET", "/api/waitlists").query())
                .isEqualTo("from=" + today + "&to=" + today.plusDays(60));
        assertThat(home.select("[role=alert]")).isEmpty();

        Document english = page(get("/admin").param("lang", "en").cookie(agent));
        assertThat(english.select("[data-tile=occupancyToday] h2 a").text()).isEqualTo("Occupancy today");
        assertThat(english.select("[data-tile=occupancyToday] tr").eachText()).as("in the page's language")
                .containsExactly("Restauration scolaire 12 / 40 places", "Garderie du soir closed");
        assertThat(english.select("[data-tile=waitlists] .tile__figure").text()).isEqualTo("2 child-days waiting");

        services.answer("GET", "/api/waitlists", 200, "[]");
        Document calm = page("/admin", loginStaff("AUDITOR"));
        assertThat(calm.select("[data-tile=waitlists] .tile__figure").text()).isEqualTo("0 enfant-jour en attente");
        assertThat(calm.select("[data-tile=waitlists] .badge")).isEmpty();

        services.reset();
        services.answer("GET", "/api/occupancy/overview", 200, OVERVIEW);
        Document finance = page("/admin", loginStaff("FINANCE"));
        assertThat(finance.select("[data-tile=occupancyToday]")).hasSize(1);
        assertThat(finance.select("[data-tile=waitlists]")).as("finance does not open the waiting lists").isEmpty();
        assertThat(services.calls("GET", "/api/waitlists")).isEmpty();

        services.answer("GET", "/api/occupancy/overview", 503, "{\"status\":503}");
        Document down = page("/admin", loginStaff("ADMIN"));
        assertThat(down.select("[data-tile=occupancyToday]")).isEmpty();
        assertThat(down.select("[role=alert]").text()).contains("Planification");
    }

    @Test
    void a_family_file_shows_its_bookings_of_this_week_and_the_next_per_child_in_words() throws Exception {
        String family = java.util.UUID.randomUUID().toString();
        services.answer("GET", "/api/families/" + family, 200, family(family, java.util.UUID.randomUUID().toString(),
                "ACTIVE"));
        services.answer("GET", "/api/services", 200, "[" + SERVICE + "]");
        services.answer("GET", "/api/planning/bookings", 200, """
                [{"bookingId":"%1$s","childId":"%2$s","familyId":"%4$s","serviceId":"canteen","day":"2026-09-07",
                  "status":"BOOKED","attendance":"PRESENT","firstName":"Léa"},
                 {"bookingId":"%1$s","childId":"%2$s","familyId":"%4$s","serviceId":"canteen","day":"2026-09-08",
                  "status":"BOOKED","absenceReportedAt":"2026-09-08T06:00:00Z","certificateId":"c1","firstName":"Léa"},
                 {"bookingId":"%1$s","childId":"%3$s","familyId":"%4$s","serviceId":"canteen","day":"2026-09-08",
                  "status":"WAITLISTED","firstName":"Tom"},
                 {"bookingId":"%1$s","childId":"%2$s","familyId":"%4$s","serviceId":"canteen","day":"2026-09-11",
                  "status":"CANCELLED","cancelReason":"CLOSURE","firstName":"Léa"},
                 {"bookingId":"%1$s","childId":"%2$s","familyId":"%4$s","serviceId":"evening-daycare","day":"2026-09-14",
                  "status":"BOOKED","attendance":"ABSENT_EXCUSED","firstName":"Léa"}]"""
                .formatted(BOOKING, LEA, TOM, family));
        Document file = page("/admin/familles/" + family, loginStaff("AGENT"));
        LocalDate monday = LocalDate.now(ZoneId.of("Europe/Paris")).with(java.time.temporal.TemporalAdjusters
                .previousOrSame(java.time.DayOfWeek.MONDAY));
        StubService.Received asked = services.last("GET", "/api/planning/bookings");
        assertThat(asked.query()).isEqualTo("familyId=" + family + "&from=" + monday + "&to=" + monday.plusDays(13));
        assertThat(asked.token().path("role").asText()).isEqualTo("AGENT");
        assertThat(file.select("h2#reservations").text()).isEqualTo("Réservations");
        assertThat(file.select("table[data-child=Léa] caption").text()).isEqualTo("Léa");
        assertThat(file.select("table[data-child=Léa] tbody tr").eachText()).containsExactly(
                "lundi 7 septembre 2026 Restauration scolaire Présent",
                "mardi 8 septembre 2026 Restauration scolaire Absence signalée Certificat médical",
                "vendredi 11 septembre 2026 Restauration scolaire Annulé (fermeture du service)",
                "lundi 14 septembre 2026 evening-daycare Absent excusé");
        assertThat(file.select("table[data-child=Léa] a").attr("href"))
                .isEqualTo("/admin/planification/reservations/" + BOOKING + "/certificat");
        assertThat(file.select("table[data-child=Tom] tbody tr").eachText())
                .containsExactly("mardi 8 septembre 2026 Restauration scolaire Liste d'attente");

        services.answer("GET", "/api/planning/bookings", 200, "[]");
        assertThat(page("/admin/familles/" + family, loginStaff("FINANCE")).select("#reservations ~ p").text())
                .contains("Aucune réservation ces deux semaines.");
    }

    @Test
    void the_charts_show_occupancy_per_service_and_bookings_per_week_as_bars_tables_and_csv() throws Exception {
        services.answer("GET", "/api/occupancy/weekly", 200, """
                [{"serviceId":"canteen","serviceName":"Restauration scolaire","weekYear":2026,"week":36,
                  "monday":"2026-08-31","capacity":120,"booked":60,"attended":55},
                 {"serviceId":"canteen","serviceName":"Restauration scolaire","weekYear":2026,"week":37,
                  "monday":"2026-09-07","capacity":160,"booked":120,"attended":0},
                 {"serviceId":"evening-daycare","serviceName":"Garderie du soir","weekYear":2026,"week":36,
                  "monday":"2026-08-31","capacity":0,"booked":0,"attended":0},
                 {"serviceId":"evening-daycare","serviceName":"Garderie du soir","weekYear":2026,"week":37,
                  "monday":"2026-09-07","capacity":80,"booked":20,"attended":3}]""");
        Cookie auditor = loginStaff("AUDITOR");
        Document charts = page("/admin/graphiques?from=2026-09-01&to=2026-09-13", auditor);
        assertThat(services.last("GET", "/api/occupancy/weekly").query()).isEqualTo("from=2026-09-01&to=2026-09-13");
        assertThat(charts.select("#titre-occupation").text())
                .isEqualTo("Occupation par service et par semaine (% des places)");
        assertThat(charts.select("#graphique-occupation thead th").eachText())
                .containsExactly("Période", "Restauration scolaire", "Garderie du soir");
        assertThat(charts.select("#graphique-occupation tbody tr").eachText())
                .containsExactly("S36 2026 50 —", "S37 2026 75 25");
        assertThat(charts.select("#graphique-reservations tbody tr").eachText())
                .containsExactly("S36 2026 60 55", "S37 2026 140 3");
        assertThat(charts.select("#graphique-reservations svg rect")).hasSize(4);

        String href = charts.select("#graphique-occupation a[href*=.csv]").attr("href");
        assertThat(href).isEqualTo("/admin/graphiques/occupation.csv?from=2026-09-01&to=2026-09-13");
        org.springframework.mock.web.MockHttpServletResponse csv = mvc.perform(get(href).cookie(auditor)).andReturn()
                .getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        String body = csv.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF");
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.databind.MappingIterator<java.util.List<String>> read =
                     new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                             .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                             .readerForListOf(String.class).readValues(body.substring(1))) {
            read.forEachRemaining(rows::add);
        }
        assertThat(rows).containsExactly(java.util.List.of("Période", "Restauration scolaire", "Garderie du soir"),
                java.util.List.of("S36 2026", "50", ""), java.util.List.of("S37 2026", "75", "25"));

        Cookie parent = login(Parent.with("ACTIVE"));
        assertThat(mvc.perform(get(href).cookie(parent)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void the_configuration_hub_links_the_services_and_the_calendar_for_the_roles_that_may_open_them()
            throws Exception {
        assertThat(page("/admin/configuration", loginStaff("ADMIN")).select(".config-groups a").eachAttr("href"))
                .contains("/admin/planification/services", "/admin/planification/services/nouveau",
                        "/admin/planification/services#calendrier", "/admin/planification/services#fermeture");
        Document agent = page("/admin/configuration", loginStaff("AGENT"));
        assertThat(agent.select(".config-groups a").eachAttr("href"))
                .contains("/admin/planification/services", "/admin/planification/services#calendrier",
                        "/admin/planification/services#fermeture")
                .doesNotContain("/admin/planification/services/nouveau");
        assertThat(agent.select(".config-groups").text()).contains("Services, délais et capacités")
                .contains("Calendrier").contains("Fermetures exceptionnelles");
        assertThat(page("/admin/configuration", loginStaff("FINANCE")).select(".config-groups a").eachAttr("href"))
                .contains("/admin/planification/services")
                .doesNotContain("/admin/planification/services/nouveau", "/admin/planification/services#calendrier",
                        "/admin/planification/services#fermeture");
    }
}
