package fr.marelle.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.contracts.accounts.EmergencyContactsChanged;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.ChildRequirementsChanged;
import fr.marelle.contracts.planning.AttendanceSettled;
import fr.marelle.contracts.planning.BookingsCancelled;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.contracts.planning.ServiceDayCancelled;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.ReadModelChecks;
import fr.marelle.platform.test.RoleMatrix;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * planning-service through its HTTP API, with signed tokens, on its own database and the JVM's Kafka broker: the
 * children come from children-service's events, bookings go out as planning's public events.
 */
@PlanningServiceTest
class PlanningApiTest {

    static final List<String> SCHOOL_WEEK = List.of("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY");
    static final String SCHOOL = "b7e1c2d3-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    ServiceApi api;
    ServiceApi.Caller admin;

    record Family(String familyId, ServiceApi.Caller parent) {
    }

    @BeforeEach
    void setUp() {
        api = new ServiceApi(port);
        admin = api.as(TestServiceTokens.staff(Role.ADMIN));
        clock.set("2026-08-24T08:00:00Z"); // Monday before the rentrée
        Kafka.startReading();
    }

    // ------------------------------------------------------------------------------------------------- builders

    Family aFamily() {
        String familyId = UUID.randomUUID().toString();
        Kafka.publish(FamilyRegistered.TYPE, familyId, "familyId", familyId, "lastName", "Martin");
        return new Family(familyId, api.as(TestServiceTokens.parentOf(familyId)));
    }

    String aChild(Family family, String firstName, String... satisfied) {
        String childId = UUID.randomUUID().toString();
        Kafka.publish(ChildRegistered.TYPE, family.familyId(), "childId", childId, "familyId", family.familyId(),
                "firstName", firstName, "lastName", "Martin", "birthDate", "2020-03-14", "schoolId", SCHOOL);
        Kafka.publish(ChildRequirementsChanged.TYPE, family.familyId(), "childId", childId, "familyId",
                family.familyId(), "satisfied", List.of(satisfied.length == 0
                        ? new String[]{"PHOTO", "SCHOOL_INSURANCE", "HEALTH_SHEET"} : satisfied),
                "missing", List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT count(*) FROM dir_child WHERE child_id = ?::uuid AND first_name <> '' AND cardinality(satisfied) > 0")
                .param(childId).query(Integer.class).single() == 1);
        return childId;
    }

    /** A service of its own for a test, on school days: booking closes 2 days before at 10:00, cancelling 1 day before. */
    String aService(int capacity) {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        ServiceApi.Response opened = admin.post("/api/services", service(code, capacity));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String serviceId = opened.body().path("serviceId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/services/" + serviceId).status() == 200);
        return serviceId;
    }

    static Map<String, Object> service(String code, Object capacity) {
        return Map.of("code", code, "name", "Cantine " + code, "runsOn", List.of("SCHOOL_DAY"),
                "capacity", capacity,
                "bookingDeadline", Map.of("kind", "DAYS_BEFORE", "days", 2, "time", "10:00", "workingDaysOnly", false),
                "cancellationDeadline", Map.of("kind", "DAYS_BEFORE", "days", 1, "time", "18:00",
                        "workingDaysOnly", false),
                "requirements", List.of("PHOTO", "HEALTH_SHEET"), "cesuClass", "NONE", "unit", "DAY",
                "hoursPerUnit", 2.0);
    }

    static Map<String, Object> booking(String serviceId, List<String> children, String from, String to,
                                       List<String> weekdays) {
        return Map.of("serviceId", serviceId, "childIds", children, "from", from, "to", to, "weekdays", weekdays,
                "attendance", "PRESENT");
    }

    static Map<String, Object> absence(String serviceId, List<String> children, String from, String to) {
        return Map.of("serviceId", serviceId, "childIds", children, "from", from, "to", to, "weekdays", SCHOOL_WEEK,
                "attendance", "ABSENT");
    }

    static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> until) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(value::get, until::test);
    }

    static JsonNode publishedWith(fr.marelle.contracts.ContractType<?> type, String field, String value) {
        return eventually(() -> Kafka.published(type).stream().filter(e -> value.equals(e.path(field).asText()))
                .findFirst().orElse(null), java.util.Objects::nonNull);
    }

    // ---------------------------------------------------------------------------------------------------- tests

    @Test
    void a_submission_books_every_child_day_and_publishes_one_BookingsSubmitted_with_each_outcome() {
        String serviceId = aService(100);
        Family family = aFamily();
        String lea = aChild(family, "Léa");
        String tom = aChild(family, "Tom");

        ServiceApi.Response preview = family.parent().post("/api/bookings/preview",
                booking(serviceId, List.of(lea, tom), "2026-09-01", "2026-09-30", SCHOOL_WEEK));
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().path("days").asInt()).isEqualTo(34); // 17 school days in September, two children

        ServiceApi.Response submitted = family.parent().post("/api/bookings",
                booking(serviceId, List.of(lea, tom), "2026-09-01", "2026-09-30", SCHOOL_WEEK));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        assertThat(submitted.body().path("booked").asInt()).isEqualTo(34);
        assertThat(submitted.body().path("waitlisted").asInt()).isZero();
        String submissionId = submitted.body().path("submissionId").asText();

        JsonNode event = publishedWith(BookingsSubmitted.TYPE, "submissionId", submissionId);
        assertThat(event.path("familyId").asText()).isEqualTo(family.familyId());
        assertThat(event.path("lines")).hasSize(34);
        assertThat(event.path("lines").findValuesAsText("outcome")).containsOnly("BOOKED");
        assertThat(Kafka.published(BookingsSubmitted.TYPE).stream()
                .filter(e -> submissionId.equals(e.path("submissionId").asText()))).hasSize(1);

        ServiceApi.Response week = eventually(() -> family.parent().get("/api/planning/week?serviceId=" + serviceId
                + "&day=2026-09-02"), r -> r.body().path("children").findValuesAsText("status").contains("BOOKED"));
        assertThat(week.body().path("weekNumber").asInt()).isEqualTo(36);
        JsonNode leaWeek = week.body().path("children").get(0);
        assertThat(leaWeek.path("days").findValuesAsText("status"))
                .containsExactly("NOT_RUNNING", "BOOKED", "NOT_RUNNING", "BOOKED", "BOOKED");
        assertThat(leaWeek.path("days").get(0).path("detail").asText()).isEqualTo("Calendrier scolaire non connu");
        assertThat(leaWeek.path("days").get(2).path("detail").asText()).contains("mercredi");

        ServiceApi.Response ics = family.parent().get("/api/planning/bookings.ics");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.raw()).startsWith("BEGIN:VCALENDAR").contains("DTSTART;VALUE=DATE:20260901")
                .contains("SUMMARY:Cantine");
        assertThat(ics.raw().split("BEGIN:VEVENT")).hasSize(35);
    }

    @Test
    void capacity_is_never_exceeded_fifty_families_booking_the_last_five_places_at_once_get_five_places() throws Exception {
        String serviceId = aService(20);
        for (int i = 0; i < 15; i++) {
            Family early = aFamily();
            String child = aChild(early, "Avance" + i);
            assertThat(early.parent().post("/api/bookings", booking(serviceId, List.of(child), "2026-09-03",
                    "2026-09-03", List.of("THURSDAY"))).status()).isEqualTo(201);
        }
        List<Family> families = new ArrayList<>();
        List<String> children = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Family family = aFamily();
            families.add(family);
            children.add(aChild(family, "Enfant" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServiceApi.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Family family = families.get(i);
            String child = children.get(i);
            answers.add(pool.submit(() -> {
                start.await();
                return family.parent().post("/api/bookings", booking(serviceId, List.of(child), "2026-09-03",
                        "2026-09-03", List.of("THURSDAY")));
            }));
        }
        start.countDown();
        int booked = 0;
        int waitlisted = 0;
        for (Future<ServiceApi.Response> answer : answers) {
            ServiceApi.Response response = answer.get();
            assertThat(response.status()).as(response.raw()).isEqualTo(201);
            booked += response.body().path("booked").asInt();
            waitlisted += response.body().path("waitlisted").asInt();
        }
        pool.shutdown();
        assertThat(booked).isEqualTo(5);
        assertThat(waitlisted).isEqualTo(45);
        String dayId = serviceId + "@2026-09-03";
        eventually(() -> jdbc.sql("SELECT booked || '/' || waitlisted FROM rm_service_day WHERE day_id = ?")
                .param(dayId).query(String.class).optional().orElse(""), "20/45"::equals);
        assertThat(jdbc.sql("SELECT count(*) FROM rm_booking WHERE day_id = ? AND status = 'BOOKED'").param(dayId)
                .query(Integer.class).single()).isEqualTo(20);
        assertThat(jdbc.sql("SELECT count(*) FROM rm_waitlist WHERE day_id = ?").param(dayId)
                .query(Integer.class).single()).isEqualTo(45);
        // the allocator's stream: its count, from the events, never went past the capacity
        assertThat(admin.get("/api/occupancy?serviceId=" + serviceId + "&from=2026-09-03&to=2026-09-03").body()
                .get(0).path("booked").asInt()).isEqualTo(20);
    }

    @Test
    void no_child_is_booked_twice_for_one_service_and_day_even_by_simultaneous_submissions() throws Exception {
        String serviceId = aService(100);
        Family family = aFamily();
        String child = aChild(family, "Jules");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServiceApi.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return family.parent().post("/api/bookings", booking(serviceId, List.of(child), "2026-09-07",
                        "2026-09-08", SCHOOL_WEEK));
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<ServiceApi.Response> answer : answers) {
            ServiceApi.Response response = answer.get();
            if (response.status() == 201) {
                created++;
            } else {
                assertThat(response.status()).as(response.raw()).isIn(409, 422);
                assertThat(response.code()).isIn("CHILD_ALREADY_BOOKED", "ALREADY_BOOKED");
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        eventually(() -> jdbc.sql("SELECT count(*) FROM rm_booking WHERE child_id = ?::uuid AND service_id = ?")
                .params(child, serviceId).query(Integer.class).single(), n -> n == 2);
        assertThat(jdbc.sql("SELECT count(DISTINCT day) FROM rm_booking WHERE child_id = ?::uuid AND service_id = ?")
                .params(child, serviceId).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void bad_input_gets_a_clear_message_and_books_nothing() {
        String serviceId = aService(10);
        Family family = aFamily();
        String child = aChild(family, "Inès");
        ServiceApi.Response outOfOrder = family.parent().post("/api/bookings",
                booking(serviceId, List.of(child), "2026-09-30", "2026-09-01", SCHOOL_WEEK));
        assertThat(outOfOrder.status()).isEqualTo(400);
        assertThat(outOfOrder.body().path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(outOfOrder.body().path("errors").get(0).path("message").asText()).contains("postérieure");

        ServiceApi.Response tooLong = family.parent().post("/api/bookings",
                booking(serviceId, List.of(child), "2026-09-01", "2027-09-30", SCHOOL_WEEK));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("errors").get(0).path("code").asText()).isEqualTo("BEYOND_BOOKING_HORIZON");

        ServiceApi.Response wednesday = family.parent().post("/api/bookings",
                booking(serviceId, List.of(child), "2026-09-01", "2026-09-30", List.of("MONDAY", "WEDNESDAY")));
        assertThat(wednesday.status()).isEqualTo(400);
        assertThat(wednesday.body().path("errors").get(0).path("field").asText()).isEqualTo("weekdays");
        assertThat(wednesday.body().path("errors").get(0).path("message").asText()).contains("mercredi");

        ServiceApi.Response unknownService = family.parent().post("/api/bookings",
                booking("nope", List.of(child), "2026-09-01", "2026-09-30", SCHOOL_WEEK));
        assertThat(unknownService.status()).isEqualTo(404);
        assertThat(unknownService.code()).isEqualTo("SERVICE_NOT_FOUND");

        ServiceApi.Response unknownChild = family.parent().post("/api/bookings",
                booking(serviceId, List.of(UUID.randomUUID().toString()), "2026-09-01", "2026-09-30", SCHOOL_WEEK));
        assertThat(unknownChild.status()).isEqualTo(404);
        assertThat(unknownChild.code()).isEqualTo("CHILD_NOT_FOUND");

        Family other = aFamily();
        String theirs = aChild(other, "Zoé");
        ServiceApi.Response notMine = family.parent().post("/api/bookings",
                booking(serviceId, List.of(child, theirs), "2026-09-01", "2026-09-30", SCHOOL_WEEK));
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notMine.code()).isEqualTo("CHILD_NOT_FOUND");
        assertThat(family.parent().get("/api/planning/week?serviceId=" + serviceId + "&familyId=" + other.familyId())
                .status()).isEqualTo(404);

        ServiceApi.Response malformed = family.parent().post("/api/bookings", "{\"serviceId\":\"" + serviceId
                + "\",\"childIds\":[\"" + child + "\"],\"from\":\"1er septembre\"}");
        assertThat(malformed.status()).isEqualTo(400);

        assertThat(jdbc.sql("SELECT count(*) FROM rm_booking WHERE service_id = ?").param(serviceId)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?")
                .param(serviceId + "@%").query(Integer.class).single()).isZero();
    }

    @Test
    void days_past_the_deadline_closed_not_running_or_for_a_child_not_bookable_are_refused_with_the_reason() {
        String serviceId = aService(10);
        Family family = aFamily();
        String child = aChild(family, "Nina");
        // Thursday 3 September closes on Tuesday 1st at 10:00, Paris time (08:00 UTC)
        clock.set("2026-09-01T08:00:01Z");
        ServiceApi.Response late = family.parent().post("/api/bookings",
                booking(serviceId, List.of(child), "2026-09-03", "2026-09-03", List.of("THURSDAY")));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.code()).isEqualTo("BOOKING_DEADLINE_PASSED");
        assertThat(late.body().path("detail").asText()).contains("01/09/2026 à 10:00");
        clock.set("2026-09-01T07:59:59Z");
        assertThat(family.parent().post("/api/bookings", booking(serviceId, List.of(child), "2026-09-03",
                "2026-09-03", List.of("THURSDAY"))).status()).isEqualTo(201);

        ServiceApi.Response holidays = family.parent().post("/api/bookings",
                booking(serviceId, List.of(child), "2026-10-19", "2026-10-30", SCHOOL_WEEK));
        assertThat(holidays.status()).isEqualTo(422);
        assertThat(holidays.code()).isEqualTo("SERVICE_NOT_RUNNING");
        assertThat(holidays.body().path("detail").asText()).contains("Toussaint");

        assertThat(admin.post("/api/services/" + serviceId + "/days/2026-10-13/closure",
                Map.of("reason", "Grève")).status()).isEqualTo(200);
        ServiceApi.Response closed = family.parent().post("/api/bookings",
                booking(serviceId, List.of(child), "2026-10-13", "2026-10-13", List.of("TUESDAY")));
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.code()).isEqualTo("SERVICE_DAY_CLOSED");
        assertThat(closed.body().path("detail").asText()).contains("Grève");

        String withoutHealthSheet = aChild(family, "Paul", "PHOTO");
        ServiceApi.Response notBookable = family.parent().post("/api/bookings",
                booking(serviceId, List.of(withoutHealthSheet), "2026-10-05", "2026-10-09", SCHOOL_WEEK));
        assertThat(notBookable.status()).isEqualTo(422);
        assertThat(notBookable.code()).isEqualTo("CHILD_NOT_BOOKABLE");
        assertThat(notBookable.body().path("detail").asText()).contains("fiche sanitaire");

        // a period with some days past the deadline books the others and lists those left out
        clock.set("2026-09-07T12:00:00Z");
        ServiceApi.Response partly = family.parent().post("/api/bookings",
                booking(serviceId, List.of(child), "2026-09-07", "2026-09-11", SCHOOL_WEEK));
        assertThat(partly.status()).isEqualTo(201);
        assertThat(partly.body().path("lines").findValuesAsText("date")).containsExactly("2026-09-10", "2026-09-11");
        assertThat(partly.body().path("skipped").findValuesAsText("reason")).containsOnly("BOOKING_DEADLINE_PASSED");
    }

    @Test
    void cancelling_before_the_deadline_is_free_and_the_freed_place_goes_to_the_first_in_line() {
        String serviceId = aService(1);
        Family first = aFamily();
        String a = aChild(first, "Anna");
        Family second = aFamily();
        String b = aChild(second, "Bruno");
        Family third = aFamily();
        String c = aChild(third, "Chloé");
        assertThat(first.parent().post("/api/bookings", booking(serviceId, List.of(a), "2026-09-08", "2026-09-08",
                List.of("TUESDAY"))).body().path("booked").asInt()).isEqualTo(1);
        ServiceApi.Response waiting = second.parent().post("/api/bookings", booking(serviceId, List.of(b),
                "2026-09-08", "2026-09-08", List.of("TUESDAY")));
        assertThat(waiting.body().path("waitlisted").asInt()).isEqualTo(1);
        String waitingBooking = waiting.body().path("lines").get(0).path("bookingId").asText();
        third.parent().post("/api/bookings", booking(serviceId, List.of(c), "2026-09-08", "2026-09-08",
                List.of("TUESDAY")));

        // Monday 7 September at 17:59 Paris is still before the deadline (1 day before at 18:00)
        clock.set("2026-09-07T15:59:00Z");
        eventually(() -> jdbc.sql("SELECT count(*) FROM rm_booking WHERE child_id = ?::uuid").param(a)
                .query(Integer.class).single(), n -> n == 1);
        ServiceApi.Response cancelled = first.parent().post("/api/bookings/cancellations",
                absence(serviceId, List.of(a), "2026-09-08", "2026-09-08"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().path("cancelled").asInt()).isEqualTo(1);

        JsonNode cancellation = publishedWith(BookingsCancelled.TYPE, "familyId", first.familyId());
        assertThat(cancellation.path("reason").asText()).isEqualTo("FAMILY");
        JsonNode granted = publishedWith(WaitlistPlaceGranted.TYPE, "bookingId", waitingBooking);
        assertThat(granted.path("familyId").asText()).isEqualTo(second.familyId());
        ServiceApi.Response week = eventually(() -> third.parent().get("/api/planning/week?serviceId=" + serviceId
                + "&day=2026-09-08"), r -> r.body().path("children").get(0).path("days").get(1).path("detail")
                .asText().contains("Rang 1"));
        assertThat(week.body().path("children").get(0).path("days").get(1).path("status").asText())
                .isEqualTo("WAITLISTED");
        eventually(() -> second.parent().get("/api/planning/week?serviceId=" + serviceId + "&day=2026-09-08")
                .body().path("children").get(0).path("days").get(1).path("status").asText(), "BOOKED"::equals);
    }

    @Test
    void after_the_cancellation_deadline_cancelling_is_refused_and_a_sick_child_is_reported_with_a_certificate()
            throws Exception {
        String serviceId = aService(10);
        Family family = aFamily();
        String child = aChild(family, "Malo");
        String bookingId = family.parent().post("/api/bookings", booking(serviceId, List.of(child), "2026-09-08",
                "2026-09-08", List.of("TUESDAY"))).body().path("lines").get(0).path("bookingId").asText();
        eventually(() -> family.parent().get("/api/bookings/" + bookingId).status(), s -> s == 200);
        clock.set("2026-09-07T16:00:01Z"); // 18:00:01 in Paris
        ServiceApi.Response refused = family.parent().post("/api/bookings/" + bookingId + "/cancellation", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("CANCELLATION_DEADLINE_PASSED");
        assertThat(refused.body().path("detail").asText()).contains("07/09/2026 à 18:00").contains("certificat");

        ServiceApi.Response notAFile = family.parent().post("/api/bookings/" + bookingId + "/absence",
                Map.of("fileName", "photo.gif", "contentType", "image/gif", "content", "R0lGODlh"));
        assertThat(notAFile.status()).isEqualTo(400);
        ServiceApi.Response reported = family.parent().post("/api/bookings/" + bookingId + "/absence",
                Map.of("fileName", "certificat.pdf", "contentType", "application/pdf", "content",
                        java.util.Base64.getEncoder().encodeToString("%PDF-1.4 certificat".getBytes())));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(204);
        eventually(() -> family.parent().get("/api/bookings/" + bookingId).body().path("certificateId").asText(null),
                java.util.Objects::nonNull);
        assertThat(admin.get("/api/bookings/" + bookingId + "/certificate").raw()).startsWith("%PDF");
        assertThat(aFamily().parent().get("/api/bookings/" + bookingId + "/certificate").status()).isEqualTo(404);
    }

    @Test
    void closing_a_day_cancels_its_bookings_free_of_charge_and_tells_the_families() {
        String serviceId = aService(10);
        Family family = aFamily();
        String child = aChild(family, "Sacha");
        String bookingId = family.parent().post("/api/bookings", booking(serviceId, List.of(child), "2026-10-13",
                "2026-10-13", List.of("TUESDAY"))).body().path("lines").get(0).path("bookingId").asText();
        ServiceApi.Response noReason = admin.post("/api/services/" + serviceId + "/days/2026-10-13/closure",
                Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(api.as(TestServiceTokens.parentOf(family.familyId())).post("/api/services/" + serviceId
                + "/days/2026-10-13/closure", Map.of("reason", "Grève")).status()).isEqualTo(403);
        ServiceApi.Response closed = admin.post("/api/services/" + serviceId + "/days/2026-10-13/closure",
                Map.of("reason", "Grève du personnel"));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.body().path("cancelled").asInt()).isEqualTo(1);
        JsonNode event = publishedWith(ServiceDayCancelled.TYPE, "serviceId", serviceId);
        assertThat(event.path("reason").asText()).isEqualTo("Grève du personnel");
        assertThat(event.path("bookings").get(0).path("bookingId").asText()).isEqualTo(bookingId);
        assertThat(event.path("bookings").get(0).path("familyId").asText()).isEqualTo(family.familyId());
        eventually(() -> family.parent().get("/api/planning/week?serviceId=" + serviceId + "&day=2026-10-13")
                .body().path("children").get(0).path("days").get(1).path("status").asText(), "CLOSED"::equals);
    }

    @Test
    void a_register_is_marked_and_closed_in_one_batch_and_the_caf_report_counts_the_hours_attended() {
        String serviceId = aService(10);
        Family family = aFamily();
        String present = aChild(family, "Lina");
        String absent = aChild(family, "Noé");
        Kafka.publish(EmergencyContactsChanged.TYPE, family.familyId(), "familyId", family.familyId(), "contacts",
                List.of(Map.of("contactId", "c1", "name", "Jeanne Martin", "phone", "+33611223344",
                        "canPickUpChildren", true)));
        family.parent().post("/api/bookings", booking(serviceId, List.of(present, absent), "2026-09-08",
                "2026-09-08", List.of("TUESDAY")));
        Family walkIn = aFamily();
        String unbooked = aChild(walkIn, "Hugo");
        String base = "/api/registers/" + serviceId + "/2026-09-08/" + SCHOOL;
        ServiceApi.Response tooEarly = admin.put(base + "/children/" + present, Map.of("state", "PRESENT"));
        assertThat(tooEarly.status()).isEqualTo(422);
        assertThat(tooEarly.code()).isEqualTo("REGISTER_NOT_OPEN");

        clock.set("2026-09-08T10:00:00Z");
        ServiceApi.Response register = eventually(() -> admin.get(base), r -> r.body().path("rows").size() == 2);
        assertThat(register.body().path("careNotesAvailable").asBoolean()).isFalse(); // no children-service here
        assertThat(register.body().path("rows").get(0).path("pickupPersons").get(0).path("name").asText())
                .isEqualTo("Jeanne Martin");
        ServiceApi.Caller agent = api.as(TestServiceTokens.staff(Role.AGENT));
        assertThat(agent.put(base + "/children/" + present, Map.of("state", "PRESENT")).status()).isEqualTo(204);
        assertThat(agent.put(base + "/children/" + unbooked, Map.of("state", "ABSENT_UNEXCUSED")).code())
                .isEqualTo("ATTENDANCE_INCONSISTENT");
        assertThat(agent.put(base + "/children/" + unbooked, Map.of("state", "PRESENT_UNBOOKED")).status())
                .isEqualTo(204);
        ServiceApi.Response incomplete = agent.post(base + "/closure", Map.of());
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.code()).isEqualTo("REGISTER_INCOMPLETE");
        assertThat(agent.put(base + "/children/" + absent, Map.of("state", "ABSENT_EXCUSED")).status())
                .isEqualTo(204);
        assertThat(agent.post(base + "/closure", Map.of()).status()).isEqualTo(204);
        assertThat(agent.put(base + "/children/" + absent, Map.of("state", "PRESENT")).code())
                .isEqualTo("REGISTER_CLOSED");

        JsonNode settled = publishedWith(AttendanceSettled.TYPE, "serviceId", serviceId);
        assertThat(settled.path("schoolId").asText()).isEqualTo(SCHOOL);
        assertThat(settled.path("records")).hasSize(3);
        Map<String, String> states = new java.util.HashMap<>();
        settled.path("records").forEach(r -> states.put(r.path("childId").asText(), r.path("state").asText()
                + " " + r.path("hours").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(states).containsEntry(present, "PRESENT 2").containsEntry(absent, "ABSENT_EXCUSED 0")
                .containsEntry(unbooked, "PRESENT_UNBOOKED 2");

        ServiceApi.Response pdf = agent.get(base + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.raw()).startsWith("%PDF");
        ServiceApi.Response csv = eventually(() -> api.as(TestServiceTokens.staff(Role.FINANCE))
                .get("/api/reports/caf.csv?from=2026-09-01&to=2026-09-30"), r -> r.raw().contains(serviceId));
        assertThat(csv.raw()).contains(serviceId + ";2026-09;6 ans et plus;2;2;4,00");
        assertThat(family.parent().get(base).status()).isEqualTo(403);
        eventually(() -> family.parent().get("/api/planning/week?serviceId=" + serviceId + "&day=2026-09-08")
                .body().path("children").findValuesAsText("status"), s -> s.contains("PRESENT") && s.contains("EXCUSED"));
    }

    @Test
    void staff_keep_the_catalogue_with_field_errors_for_bad_input_and_parents_cannot() {
        ServiceApi.Response invalid = admin.post("/api/services", Map.of("code", "bad code", "capacity", 0,
                "runsOn", List.of("SUNDAY"), "hoursPerUnit", 0));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsText("field")).contains("code", "name", "capacity",
                "runsOn", "bookingDeadline.kind", "cesuClass", "unit", "hoursPerUnit");
        Family family = aFamily();
        assertThat(family.parent().post("/api/services", service("PARENT_SERVICE", 10)).status()).isEqualTo(403);
        String serviceId = aService(10);
        assertThat(admin.post("/api/services", service(admin.get("/api/services/" + serviceId).body()
                .path("definition").path("code").asText(), 10)).code()).isEqualTo("SERVICE_CODE_TAKEN");
        JsonNode published = publishedWith(ServiceChanged.TYPE, "serviceId", serviceId);
        assertThat(published.path("cesuClass").asText()).isEqualTo("NONE");
        assertThat(published.path("hoursPerUnit").decimalValue()).isEqualByComparingTo("2");
        assertThat(admin.get("/api/services").body().findValuesAsText("serviceId"))
                .contains("canteen", "morning-daycare", "evening-daycare", "wednesdays-holidays", serviceId);
    }

    @Test
    void staff_import_the_official_calendar_files_again_as_ics_or_csv() throws Exception {
        String ics;
        try (var in = getClass().getClassLoader().getResourceAsStream("calendar/Zone-B-sample.ics")) {
            ics = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ServiceApi.Response imported = admin.post("/api/calendar/school-years",
                Map.of("fileName", "Zone-B.ics", "content", ics));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.body().path("labels").get(0).asText()).isEqualTo("2027-2028");
        JsonNode year = eventually(() -> {
            for (JsonNode y : admin.get("/api/calendar").body().path("years")) {
                if (y.path("label").asText().equals("2027-2028")) {
                    return y;
                }
            }
            return null;
        }, y -> y != null && y.path("source").asText().contains("Zone-B.ics"));
        assertThat(year.path("lastDay").asText()).isEqualTo("2028-07-03");
        ServiceApi.Response unreadable = admin.post("/api/calendar/public-holidays",
                Map.of("fileName", "feries.csv", "content", "date,annee\n"));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.code()).isEqualTo("CALENDAR_FILE_UNREADABLE");
        assertThat(api.as(TestServiceTokens.parentOf(UUID.randomUUID().toString()))
                .post("/api/calendar/school-years", Map.of("content", ics)).status()).isEqualTo(403);
    }

    @Test
    void staff_see_each_services_places_today_and_this_week_and_weekly_figures_booked_and_attended() {
        String serviceId = aService(2);
        Family first = aFamily();
        String a = aChild(first, "Ambre");
        Family second = aFamily();
        String b = aChild(second, "Basile");
        Family third = aFamily();
        String c = aChild(third, "Capucine");
        for (Family family : List.of(first, second, third)) {
            String child = family == first ? a : family == second ? b : c;
            assertThat(family.parent().post("/api/bookings", booking(serviceId, List.of(child), "2026-09-08",
                    "2026-09-08", List.of("TUESDAY"))).status()).isEqualTo(201);
        }
        assertThat(first.parent().post("/api/bookings", booking(serviceId, List.of(a), "2026-09-14", "2026-09-14",
                List.of("MONDAY"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/services/" + serviceId + "/days/2026-09-11/closure", Map.of("reason", "Grève"))
                .status()).isEqualTo(200);

        JsonNode tuesday = eventually(() -> overviewOf(admin.get("/api/occupancy/overview?day=2026-09-08"), serviceId),
                o -> o.path("today").path("waitlisted").asInt() == 1);
        assertThat(tuesday.path("today").path("booked").asInt()).isEqualTo(2);
        assertThat(tuesday.path("today").path("capacity").asInt()).isEqualTo(2);
        assertThat(tuesday.path("monday").asText()).isEqualTo("2026-09-07");
        // Monday, Tuesday and Thursday: the Friday is closed, the Wednesday is not a school day
        assertThat(tuesday.path("week").path("days").asInt()).isEqualTo(3);
        assertThat(tuesday.path("week").path("capacity").asInt()).isEqualTo(6);
        assertThat(tuesday.path("week").path("booked").asInt()).isEqualTo(2);
        assertThat(tuesday.path("week").path("waitlisted").asInt()).isEqualTo(1);
        JsonNode friday = overviewOf(admin.get("/api/occupancy/overview?day=2026-09-11"), serviceId);
        assertThat(friday.path("closedToday").asBoolean()).isTrue();
        assertThat(friday.path("today").path("capacity").asInt()).isZero();
        clock.set("2026-09-08T06:00:00Z");
        assertThat(overviewOf(admin.get("/api/occupancy/overview"), serviceId).path("day").asText())
                .as("today in Paris by default").isEqualTo("2026-09-08");

        String base = "/api/registers/" + serviceId + "/2026-09-08/" + SCHOOL;
        clock.set("2026-09-08T10:00:00Z");
        eventually(() -> admin.get(base), r -> r.body().path("rows").size() == 2);
        assertThat(admin.put(base + "/children/" + a, Map.of("state", "PRESENT")).status()).isEqualTo(204);
        assertThat(admin.post(base + "/closure", Map.of("remainingAs", "ABSENT_UNEXCUSED")).status()).isEqualTo(204);

        ServiceApi.Caller finance = api.as(TestServiceTokens.staff(Role.FINANCE));
        JsonNode weeks = eventually(() -> weeksOf(finance.get("/api/occupancy/weekly?from=2026-09-09&to=2026-09-15"),
                serviceId), w -> w.size() == 2 && w.get(0).path("attended").asInt() == 1);
        assertThat(weeks.get(0).path("week").asInt()).isEqualTo(37);
        assertThat(weeks.get(0).path("monday").asText()).as("widened to whole weeks").isEqualTo("2026-09-07");
        assertThat(weeks.get(0).path("capacity").asInt()).isEqualTo(6);
        assertThat(weeks.get(0).path("booked").asInt()).isEqualTo(2);
        assertThat(weeks.get(1).path("week").asInt()).isEqualTo(38);
        assertThat(weeks.get(1).path("booked").asInt()).isEqualTo(1);
        assertThat(weeks.get(1).path("attended").asInt()).isZero();

        JsonNode family = admin.get("/api/planning/bookings?from=2026-09-07&to=2026-09-20&familyId="
                + first.familyId()).body();
        assertThat(family.findValuesAsText("firstName")).containsExactly("Ambre", "Ambre");
        assertThat(family.findValuesAsText("attendance")).contains("PRESENT");

        assertThat(admin.get("/api/waitlists?serviceId=&from=2026-09-08&to=2026-09-08").body()
                .findValuesAsText("childId")).as("every service").contains(c);

        ServiceApi.Response backwards = admin.get("/api/occupancy/weekly?from=2026-09-15&to=2026-09-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(first.parent().get("/api/occupancy/overview").status()).isEqualTo(403);
        assertThat(first.parent().get("/api/occupancy/weekly?from=2026-09-01&to=2026-09-30").code())
                .isEqualTo("FORBIDDEN_ROLE");
    }

    static JsonNode overviewOf(ServiceApi.Response response, String serviceId) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        for (JsonNode service : response.body()) {
            if (service.path("serviceId").asText().equals(serviceId)) {
                return service;
            }
        }
        throw new AssertionError(serviceId + " not in " + response.raw());
    }

    static JsonNode weeksOf(ServiceApi.Response response, String serviceId) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ArrayNode weeks = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.arrayNode();
        response.body().forEach(w -> {
            if (w.path("serviceId").asText().equals(serviceId)) {
                weeks.add(w);
            }
        });
        return weeks;
    }

    @Nested
    class Roles {

        @Autowired
        ApplicationContext context;

        @Test
        void each_role_reaches_exactly_the_endpoints_it_is_allowed() {
            Role[] everyone = {Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR};
            Role[] families = {Role.PARENT, Role.ADMIN, Role.AGENT};
            Role[] staff = {Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR};
            Role[] desk = {Role.ADMIN, Role.AGENT};
            Role[] registers = {Role.ADMIN, Role.AGENT, Role.AUDITOR};
            RoleMatrix.of(context, port)
                    .allow("GET /api/services", everyone)
                    .allow("GET /api/services/{serviceId}", everyone)
                    .allow("GET /api/services/{serviceId}/house-rules", everyone)
                    .allow("POST /api/services", Role.ADMIN)
                    .allow("PUT /api/services/{serviceId}", Role.ADMIN)
                    .allow("POST /api/services/{serviceId}/withdrawal", Role.ADMIN)
                    .allow("POST /api/services/{serviceId}/reinstatement", Role.ADMIN)
                    .allow("PUT /api/services/{serviceId}/house-rules", Role.ADMIN)
                    .allow("GET /api/calendar", everyone)
                    .allow("GET /api/calendar/days", everyone)
                    .allow("POST /api/calendar/school-years", desk)
                    .allow("POST /api/calendar/public-holidays", desk)
                    .allow("POST /api/bookings/preview", families)
                    .allow("POST /api/bookings", families)
                    .allow("POST /api/bookings/cancellations", families)
                    .allow("POST /api/bookings/{bookingId}/cancellation", families)
                    .allow("POST /api/bookings/{bookingId}/absence", families)
                    .allow("GET /api/bookings/{bookingId}/certificate", families)
                    .allow("GET /api/bookings/{bookingId}", everyone)
                    .allow("GET /api/planning/week", everyone)
                    .allow("GET /api/planning/bookings", everyone)
                    .allow("GET /api/planning/bookings.ics", everyone)
                    .allow("POST /api/services/{serviceId}/days/{date}/closure", desk)
                    .allow("POST /api/services/{serviceId}/days/{date}/reopening", desk)
                    .allow("POST /api/service-days/{dayId}/grants", desk)
                    .allow("GET /api/occupancy", staff)
                    .allow("GET /api/occupancy/overview", staff)
                    .allow("GET /api/occupancy/weekly", staff)
                    .allow("GET /api/waitlists", registers)
                    .allow("GET /api/registers", registers)
                    .allow("GET /api/registers/{serviceId}/{date}/{schoolKey}", registers)
                    .allow("GET /api/registers/{serviceId}/{date}/{schoolKey}/pdf", registers)
                    .allow("PUT /api/registers/{serviceId}/{date}/{schoolKey}/children/{childId}", desk)
                    .allow("POST /api/registers/{serviceId}/{date}/{schoolKey}/closure", desk)
                    .allow("GET /api/reports/caf", staff)
                    .allow("GET /api/reports/caf.csv", staff)
                    .allow("GET /api/directory/children", desk)
                    .allow("GET /api/directory/schools", everyone)
                    .verify();
        }
    }

    @Nested
    class ReadModels {

        @Autowired
        ApplicationContext context;

        @Test
        void every_projection_names_its_tables_or_is_never_replayed() {
            ReadModelChecks.assertEveryProjectionDeclaresItsTables(context);
        }

        /**
         * After bookings, a waiting line, cancellations (one freeing a place in line), a register closed and a day
         * closed: every read model rebuilds into the live one, and a family's bookings travel in time.
         */
        @Test
        void every_read_model_rebuilds_identically_and_a_familys_bookings_travel_in_time() {
            String serviceId = aService(1);
            Family first = aFamily();
            String a = aChild(first, "Aurèle");
            Family second = aFamily();
            String b = aChild(second, "Blanche");
            Family third = aFamily();
            String c = aChild(third, "Côme");
            assertThat(first.parent().post("/api/bookings", booking(serviceId, List.of(a), "2026-09-08",
                    "2026-09-08", List.of("TUESDAY"))).body().path("booked").asInt()).isEqualTo(1);
            String secondInLine = second.parent().post("/api/bookings", booking(serviceId, List.of(b), "2026-09-08",
                    "2026-09-08", List.of("TUESDAY"))).body().path("lines").get(0).path("bookingId").asText();
            String thirdInLine = third.parent().post("/api/bookings", booking(serviceId, List.of(c), "2026-09-08",
                    "2026-09-08", List.of("TUESDAY"))).body().path("lines").get(0).path("bookingId").asText();
            String thursday = third.parent().post("/api/bookings", booking(serviceId, List.of(c), "2026-09-10",
                    "2026-09-10", List.of("THURSDAY"))).body().path("lines").get(0).path("bookingId").asText();
            assertThat(third.parent().post("/api/bookings", booking(serviceId, List.of(c), "2026-10-13",
                    "2026-10-13", List.of("TUESDAY"))).status()).isEqualTo(201);
            eventually(() -> jdbc.sql("SELECT count(*) FROM rm_booking WHERE family_id = ?::uuid")
                    .param(third.familyId()).query(Integer.class).single(), n -> n == 3);
            Instant beforeCancelling = Instant.now();

            assertThat(second.parent().post("/api/bookings/" + secondInLine + "/cancellation", Map.of()).status())
                    .isEqualTo(200);
            assertThat(third.parent().post("/api/bookings/" + thursday + "/cancellation", Map.of()).status())
                    .isEqualTo(200);
            assertThat(admin.post("/api/services/" + serviceId + "/days/2026-10-13/closure",
                    Map.of("reason", "Grève")).status()).isEqualTo(200);
            clock.set("2026-09-08T10:00:00Z");
            String base = "/api/registers/" + serviceId + "/2026-09-08/" + SCHOOL;
            eventually(() -> admin.get(base), r -> r.body().path("rows").size() == 1);
            assertThat(admin.put(base + "/children/" + a, Map.of("state", "PRESENT")).status()).isEqualTo(204);
            assertThat(admin.post(base + "/closure", Map.of()).status()).isEqualTo(204);
            eventually(() -> jdbc.sql("SELECT count(*) FROM rm_register WHERE register_id LIKE ? AND closed_at IS "
                    + "NOT NULL").param(serviceId + "@%").query(Integer.class).single(), n -> n == 1);

            ReadModelChecks.assertEveryReadModelRebuildsIdentically(port);

            ServiceApi.Caller auditor = api.as(TestServiceTokens.staff(Role.AUDITOR));
            assertThat(auditor.get("/internal/audit/as-of").body().toString()).contains("bookings");
            JsonNode then = auditor.get("/internal/audit/as-of/bookings?familyId=" + third.familyId() + "&at="
                    + beforeCancelling).body().path("state");
            JsonNode now = eventually(() -> auditor.get("/internal/audit/as-of/bookings?familyId="
                    + third.familyId() + "&at=" + Instant.now()).body().path("state"),
                    state -> "CANCELLED".equals(bookingIn(state, thursday).path("status").asText()));
            assertThat(then.size()).isEqualTo(3);
            assertThat(bookingIn(then, thursday).path("status").asText()).isEqualTo("BOOKED");
            assertThat(bookingIn(then, thirdInLine).path("status").asText()).isEqualTo("WAITLISTED");
            assertThat(bookingIn(then, thirdInLine).path("waitingRank").asInt()).isEqualTo(2);
            assertThat(bookingIn(then, thursday).path("childId").asText()).isEqualTo(c);
            assertThat(bookingIn(then, thursday).path("serviceId").asText()).isEqualTo(serviceId);
            assertThat(bookingIn(then, thursday).path("day").asText()).isEqualTo("2026-09-10");
            assertThat(bookingIn(now, thursday).path("status").asText()).isEqualTo("CANCELLED");
            assertThat(bookingIn(now, thirdInLine).path("waitingRank").asInt()).as("the one ahead left")
                    .isEqualTo(1);
            assertThat(now.findValuesAsText("status")).containsExactlyInAnyOrder("WAITLISTED", "CANCELLED",
                    "CANCELLED");
            assertThat(bookingIn(then, thursday).path("waitingRank").isNull()).isTrue();
        }

        private static JsonNode bookingIn(JsonNode bookings, String bookingId) {
            for (JsonNode b : bookings) {
                if (b.path("bookingId").asText().equals(bookingId)) {
                    return b;
                }
            }
            throw new AssertionError(bookingId + " not in " + bookings);
        }
    }
}
