package fr.marelle.billing;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.contracts.accounts.FamilyAddressChanged;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.billing.ChargesReleased;
import fr.marelle.contracts.billing.ChargesScheduled;
import fr.marelle.contracts.billing.ChargesSettled;
import fr.marelle.contracts.billing.ChargesWaived;
import fr.marelle.contracts.billing.CreditNoteIssued;
import fr.marelle.contracts.billing.InvoiceIssued;
import fr.marelle.contracts.billing.OrderPlaced;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.QuotientFamilialAttested;
import fr.marelle.contracts.planning.AttendanceSettled;
import fr.marelle.contracts.planning.BookingsCancelled;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.ReadModelChecks;
import fr.marelle.platform.test.RoleMatrix;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A family's month through billing's API and Kafka: tariffs prepared by finance, a planning submission that becomes
 * an order, a waitlisted day that gets its place, a cancellation, the registers (present, absent with and without
 * excuse, present without booking), the month-end invoice with its PDF, a credit note; roles and family scoping.
 */
class BillingJourneyTest extends BillingTestSupport {

    @Autowired
    JdbcClient jdbc;

    record Town(String canteen, String daycare, String centre) {
    }

    /** Three services of a new catalogue, with their grids from 1 September 2026 (prepared in August). */
    Town aTownWithTariffs() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Town town = new Town("canteen-" + suffix, "evening-" + suffix, "centre-" + suffix);
        publish(ServiceChanged.TYPE, town.canteen(), values("serviceId", town.canteen(), "code", "CANTEEN",
                "name", "Restauration scolaire", "cesuClass", "NONE"));
        publish(ServiceChanged.TYPE, town.daycare(), values("serviceId", town.daycare(), "code", "EVENING",
                "name", "Garderie soir", "cesuClass", "DAYCARE"));
        publish(ServiceChanged.TYPE, town.centre(), values("serviceId", town.centre(), "code", "WEDNESDAY",
                "name", "Mercredis et vacances", "cesuClass", "LEISURE_CENTRE"));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM ref_service "
                + "WHERE service_id LIKE ?").param("%" + suffix).query(Long.class).single() == 3);
        clock.set(LocalDateTime.of(2026, 8, 20, 10, 0));
        ServiceApi.Caller finance = api().as(TestServiceTokens.staff(Role.FINANCE));
        assertThat(finance.put("/api/tariffs/" + town.canteen() + "/grids/2026-09-01", grid(List.of(
                bracket(500, 120), bracket(800, 190), bracket(null, 260)), 100)).status()).isEqualTo(204);
        assertThat(finance.put("/api/tariffs/" + town.daycare() + "/grids/2026-09-01", grid(List.of(
                bracket(800, 150), bracket(null, 210)), 50)).status()).isEqualTo(204);
        assertThat(finance.put("/api/tariffs/" + town.centre() + "/grids/2026-09-01", grid(List.of(
                bracket(800, 800), bracket(null, 1200)), 0)).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM rm_tariff_grid "
                + "WHERE service_id LIKE ?").param("%" + suffix).query(Long.class).single() == 3);
        return town;
    }

    static Map<String, Object> grid(List<Map<String, Object>> brackets, long surcharge) {
        return Map.of("brackets", brackets, "unbookedSurchargeCents", surcharge);
    }

    static Map<String, Object> bracket(Integer max, long cents) {
        Map<String, Object> bracket = new java.util.HashMap<>();
        bracket.put("maxQuotientFamilial", max);
        bracket.put("unitPriceCents", cents);
        return bracket;
    }

    record Family(String familyId, String lea, String tom) {
    }

    /** Camille Martin's family: Léa (5 in September 2026), Tom (8), a QF of 650 attested for the school year. */
    Family aFamily(boolean attested) {
        String familyId = UUID.randomUUID().toString();
        Family family = new Family(familyId, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        publish(GuardianRegistered.TYPE, familyId, values("familyId", familyId, "guardianId",
                UUID.randomUUID().toString(), "firstName", "Camille", "lastName", "Martin"));
        publish(FamilyAddressChanged.TYPE, familyId, values("familyId", familyId, "line1", "3 rue de la Gare"));
        publish(ChildRegistered.TYPE, familyId, values("childId", family.lea(), "familyId", familyId,
                "firstName", "Léa", "birthDate", "2021-03-14"));
        publish(ChildRegistered.TYPE, familyId, values("childId", family.tom(), "familyId", familyId,
                "firstName", "Tom", "birthDate", "2018-05-02"));
        if (attested) {
            publish(QuotientFamilialAttested.TYPE, familyId, values("familyId", familyId, "documentId",
                    UUID.randomUUID().toString(), "quotientFamilial", 650, "validFrom", "2026-09-01",
                    "validUntil", "2027-08-31"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM ref_child "
                + "WHERE family_id = ?").param(familyId).query(Long.class).single() == 2
                && (!attested || jdbc.sql("SELECT count(*) FROM ref_qf_attestation WHERE family_id = ?")
                .param(familyId).query(Long.class).single() == 1));
        return family;
    }

    static Map<String, Object> line(String bookingId, String childId, String serviceId, String date, String outcome) {
        return values("bookingId", bookingId, "childId", childId, "serviceId", serviceId, "date", date,
                "outcome", outcome);
    }

    static Map<String, Object> record(String bookingId, String childId, String familyId, String state) {
        return values("bookingId", bookingId, "childId", childId, "familyId", familyId, "state", state,
                "hours", 2.0);
    }

    ServiceApi.Caller parentOf(Family family) {
        return api().as(TestServiceTokens.parentOf(family.familyId()));
    }

    ServiceApi.Caller staff(Role role) {
        return api().as(TestServiceTokens.staff(role));
    }

    @Test
    void a_family_month_from_the_submission_to_the_invoice_its_pdf_and_a_credit_note() throws Exception {
        Town town = aTownWithTariffs();
        Family family = aFamily(true);
        String f = family.familyId();
        String leaCanteen1 = UUID.randomUUID().toString();
        String leaCanteen2 = UUID.randomUUID().toString();
        String leaCentre = UUID.randomUUID().toString();
        String tomCentre = UUID.randomUUID().toString();
        String tomEvening = UUID.randomUUID().toString();
        String tomWaitlisted = UUID.randomUUID().toString();
        String submission = UUID.randomUUID().toString();
        Map<String, Object> submitted = values("submissionId", submission, "familyId", f,
                "submittedAt", "2026-08-25T18:02:11Z", "lines", list(
                        line(leaCanteen1, family.lea(), town.canteen(), "2026-09-01", "BOOKED"),
                        line(leaCanteen2, family.lea(), town.canteen(), "2026-09-02", "BOOKED"),
                        line(leaCentre, family.lea(), town.centre(), "2026-09-02", "BOOKED"),
                        line(tomCentre, family.tom(), town.centre(), "2026-09-02", "BOOKED"),
                        line(tomEvening, family.tom(), town.daycare(), "2026-09-01", "BOOKED"),
                        line(tomWaitlisted, family.tom(), town.canteen(), "2026-09-03", "WAITLISTED")));
        String submittedEventId = UUID.randomUUID().toString();
        // delivered twice with the same event id, then once more under another id (a planning replay)
        publish(BookingsSubmitted.TYPE, f, submittedEventId, submitted, 2);
        publish(BookingsSubmitted.TYPE, f, submitted);

        // the order: QF 650 → canteen 1,90 €, evening 1,50 €, centre 8,00 €; waitlisted line without price
        JsonNode billing = await().atMost(Duration.ofSeconds(30)).until(
                () -> parentOf(family).get("/api/families/" + f + "/billing").body(),
                b -> b.path("orders").size() == 1);
        JsonNode order = billing.path("orders").get(0);
        assertThat(order.path("number").asText()).matches("CMD-2026-[0-9]{6}");
        assertThat(order.path("totalCents").asLong()).isEqualTo(190 + 190 + 800 + 800 + 150);
        assertThat(order.path("waitlistedLines").asInt()).isEqualTo(1);

        Published placed = await().atMost(Duration.ofSeconds(20)).until(() -> publishedFor(f).stream()
                .filter(p -> p.type().equals(OrderPlaced.TYPE.qualifiedName())).toList(), l -> !l.isEmpty()).get(0);
        assertSameFields(placed.payload(), example(OrderPlaced.TYPE));
        assertThat(placed.payload().path("totalCents").asLong()).isEqualTo(2130);
        Map<String, Boolean> cesu = new java.util.HashMap<>();
        placed.payload().path("charges").forEach(c -> cesu.put(c.path("bookingId").asText(),
                c.path("cesuEligible").asBoolean()));
        // CESU: daycare for any child, the centre only under 6, never the canteen
        assertThat(cesu).containsEntry(leaCanteen1, false).containsEntry(tomEvening, true)
                .containsEntry(leaCentre, true).containsEntry(tomCentre, false).hasSize(5);

        // Tom gets his place on the 3rd; Léa's canteen on the 2nd is cancelled in time
        publish(WaitlistPlaceGranted.TYPE, f, values("bookingId", tomWaitlisted, "familyId", f,
                "childId", family.tom(), "serviceId", town.canteen(), "date", "2026-09-03"));
        publish(BookingsCancelled.TYPE, f, values("familyId", f, "reason", "FAMILY", "bookings", list(
                values("bookingId", leaCanteen2, "childId", family.lea(), "serviceId", town.canteen(),
                        "date", "2026-09-02"))));
        // the registers: canteen on the 1st (Léa present, Tom present without booking), centre on the 2nd (Léa
        // excused, Tom absent without excuse), evening on the 1st and canteen on the 3rd (Tom present)
        publish(AttendanceSettled.TYPE, town.canteen() + "@2026-09-01", values("serviceId", town.canteen(),
                "date", "2026-09-01", "records", list(record(leaCanteen1, family.lea(), f, "PRESENT"),
                        record(null, family.tom(), f, "PRESENT_UNBOOKED"))));
        publish(AttendanceSettled.TYPE, town.centre() + "@2026-09-02", values("serviceId", town.centre(),
                "date", "2026-09-02", "records", list(record(leaCentre, family.lea(), f, "ABSENT_EXCUSED"),
                        record(tomCentre, family.tom(), f, "ABSENT_UNEXCUSED"))));
        publish(AttendanceSettled.TYPE, town.daycare() + "@2026-09-01", values("serviceId", town.daycare(),
                "date", "2026-09-01", "records", list(record(tomEvening, family.tom(), f, "PRESENT"))));
        String lastRegister = publish(AttendanceSettled.TYPE, town.canteen() + "@2026-09-03", values("serviceId",
                town.canteen(), "date", "2026-09-03", "records", list(record(tomWaitlisted, family.tom(), f,
                        "PRESENT"))));
        assertThat(lastRegister).isNotBlank();

        await().atMost(Duration.ofSeconds(30)).until(() -> types(f).containsAll(Set.of(
                ChargesScheduled.TYPE.qualifiedName(), ChargesReleased.TYPE.qualifiedName(),
                ChargesWaived.TYPE.qualifiedName())) && count(f, ChargesSettled.TYPE.qualifiedName()) == 4);
        List<Published> events = publishedFor(f);
        events.forEach(p -> Contracts_.check(p));
        Published released = only(events, ChargesReleased.TYPE.qualifiedName());
        assertThat(released.payload().path("reason").asText()).isEqualTo("CANCELLED");
        assertThat(released.payload().path("charges").get(0).path("bookingId").asText()).isEqualTo(leaCanteen2);
        Published unbooked = events.stream().filter(p -> p.type().equals(ChargesSettled.TYPE.qualifiedName())
                        && p.payload().path("serviceId").asText().equals(town.canteen())
                        && p.payload().path("date").asText().equals("2026-09-01"))
                .findFirst().orElseThrow();
        // one message per family and service-day: Léa's day and Tom's presence without booking (1,90 € + 1,00 €)
        assertThat(unbooked.payload().path("charges")).hasSize(2);
        assertThat(unbooked.payload().findValues("amountCents").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(190L, 290L);
        assertThat(only(events, ChargesWaived.TYPE.qualifiedName()).payload().path("reason").asText())
                .isEqualTo("EXCUSED_ABSENCE");

        // the order's lines say what became of each day (once the ledger read model has caught up)
        Map<String, String> statuses = new java.util.HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode detail = parentOf(family).get("/api/orders/" + order.path("orderId").asText()).body();
            detail.path("lines").forEach(l -> statuses.put(l.path("bookingId").asText(), l.path("status").asText()));
            assertThat(statuses).containsEntry(leaCanteen1, "SETTLED").containsEntry(leaCanteen2, "RELEASED")
                    .containsEntry(leaCentre, "WAIVED").containsEntry(tomCentre, "SETTLED")
                    .containsEntry(tomWaitlisted, "SETTLED").containsEntry(tomEvening, "SETTLED");
        });

        // month end: not before the month is over; then finance issues September's invoices
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM rm_charge WHERE family_id = ? "
                + "AND state = 'SETTLED'").param(f).query(Long.class).single() == 5);
        clock.set(LocalDateTime.of(2026, 9, 30, 18, 0));
        ServiceApi.Response early = staff(Role.FINANCE).post("/api/invoice-runs", Map.of("period", "2026-09"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.code()).isEqualTo("INVOICE_PERIOD_NOT_OVER");
        assertThat(staff(Role.AUDITOR).post("/api/invoice-runs", Map.of("period", "2026-09")).code())
                .isEqualTo("FORBIDDEN_ROLE");
        ServiceApi.Response badMonth = staff(Role.FINANCE).post("/api/invoice-runs", Map.of("period", "09/2026"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body().path("errors").get(0).path("field").asText()).isEqualTo("period");

        clock.set(LocalDateTime.of(2026, 10, 1, 2, 0));
        ServiceApi.Response started = staff(Role.FINANCE).post("/api/invoice-runs", Map.of("period", "2026-09"));
        assertThat(started.status()).isEqualTo(202);
        String runId = started.body().path("runId").asText();
        JsonNode run = await().atMost(Duration.ofSeconds(60)).until(
                () -> staff(Role.AUDITOR).get("/api/invoice-runs/" + runId).body(),
                r -> r.path("status").asText().equals("COMPLETED"));
        assertThat(run.path("failed").asInt()).isZero();

        JsonNode invoices = await().atMost(Duration.ofSeconds(20)).until(
                () -> parentOf(family).get("/api/families/" + f + "/billing").body().path("invoices"),
                i -> i.size() == 1);
        JsonNode invoice = invoices.get(0);
        String invoiceId = invoice.path("invoiceId").asText();
        // at QF 650: Léa's canteen 1,90; Tom present without booking 1,90 + 1,00; Tom's centre, absent without
        // excuse, 8,00; Tom's evening 1,50; Tom's canteen on the 3rd 1,90
        long expected = 190 + 290 + 800 + 150 + 190;
        assertThat(invoice.path("totalCents").asLong()).isEqualTo(expected);
        assertThat(invoice.path("number").asText()).matches("FAC-2026-[0-9]{6}");
        JsonNode lines = parentOf(family).get("/api/invoices/" + invoiceId).body().path("lines");
        long sum = 0;
        for (JsonNode l : lines) {
            assertThat(l.path("amountCents").asLong())
                    .isEqualTo(l.path("unitPriceCents").asLong() * l.path("quantity").asInt());
            sum += l.path("amountCents").asLong();
        }
        assertThat(sum).isEqualTo(expected);

        ServiceApi.Response pdf = parentOf(family).get("/api/invoices/" + invoiceId + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.raw()).startsWith("%PDF");
        byte[] first = pdfBytes(invoiceId);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM invoice_document "
                + "WHERE document_id = ?::uuid").param(invoiceId).query(Long.class).single() == 1);
        byte[] again = pdfBytes(invoiceId);
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT sha256 FROM invoice_document WHERE document_id = ?::uuid").param(invoiceId)
                .query(String.class).single()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(again)));

        // another family's parent sees nothing of it: 404, as for an unknown id
        Family other = new Family(UUID.randomUUID().toString(), null, null);
        assertThat(parentOf(other).get("/api/invoices/" + invoiceId).code()).isEqualTo("INVOICE_NOT_FOUND");
        assertThat(parentOf(other).get("/api/invoices/" + invoiceId + "/pdf").status()).isEqualTo(404);
        assertThat(parentOf(other).get("/api/orders/" + order.path("orderId").asText()).status()).isEqualTo(404);
        assertThat(parentOf(other).get("/api/families/" + f + "/billing").code()).isEqualTo("FAMILY_NOT_FOUND");

        // the run again issues nothing more: one invoice per family and month
        ServiceApi.Response rerun = staff(Role.ADMIN).post("/api/invoice-runs", Map.of("period", "2026-09"));
        String rerunId = rerun.body().path("runId").asText();
        JsonNode second = await().atMost(Duration.ofSeconds(30)).until(
                () -> staff(Role.ADMIN).get("/api/invoice-runs/" + rerunId).body(),
                r -> !r.path("status").asText().equals("RUNNING"));
        assertThat(jdbc.sql("SELECT count(*) FROM rm_invoice WHERE family_id = ?").param(f).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(second.path("status").asText()).isEqualTo("COMPLETED");

        // a credit note: refused to agents and without a reason, issued by finance, never beyond the line
        Map<String, Object> note = Map.of("reason", "Journée comptée deux fois",
                "lines", List.of(Map.of("lineIndex", 0, "quantity", 1)));
        assertThat(staff(Role.AGENT).post("/api/invoices/" + invoiceId + "/credit-notes", note).status())
                .isEqualTo(403);
        ServiceApi.Response noReason = staff(Role.FINANCE).post("/api/invoices/" + invoiceId + "/credit-notes",
                Map.of("reason", " ", "lines", List.of(Map.of("lineIndex", 0, "quantity", 1))));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        ServiceApi.Response issued = staff(Role.FINANCE).post("/api/invoices/" + invoiceId + "/credit-notes", note);
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.body().path("number").asText()).matches("AV-2026-[0-9]{6}");
        long lineZero = lines.get(0).path("unitPriceCents").asLong();
        assertThat(issued.body().path("totalCents").asLong()).isEqualTo(lineZero);
        ServiceApi.Response beyond = staff(Role.FINANCE).post("/api/invoices/" + invoiceId + "/credit-notes",
                Map.of("reason", "Encore", "lines", List.of(Map.of("lineIndex", 0, "quantity",
                        lines.get(0).path("quantity").asInt()))));
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.code()).isEqualTo("CREDIT_EXCEEDS_INVOICE");
        String creditNoteId = issued.body().path("creditNoteId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> parentOf(family).get("/api/credit-notes/" + creditNoteId
                + "/pdf").status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> types(f).containsAll(Set.of(
                InvoiceIssued.TYPE.qualifiedName(), CreditNoteIssued.TYPE.qualifiedName())));
        publishedFor(f).forEach(p -> Contracts_.check(p));
        assertThat(only(publishedFor(f), InvoiceIssued.TYPE.qualifiedName()).payload().path("totalCents").asLong())
                .isEqualTo(expected);

        // the submission delivered three times made one order, one OrderPlaced
        assertThat(count(f, OrderPlaced.TYPE.qualifiedName())).isEqualTo(1);
    }

    @Test
    void without_a_valid_attestation_a_family_pays_the_top_bracket_and_a_register_may_overtake_the_submission() {
        Town town = aTownWithTariffs();
        Family family = aFamily(false);
        String f = family.familyId();
        String booking = UUID.randomUUID().toString();
        // the register arrives first (another Kafka key): the day is priced and settled at once
        publish(AttendanceSettled.TYPE, town.canteen() + "@2026-09-07", values("serviceId", town.canteen(),
                "date", "2026-09-07", "records", list(record(booking, family.lea(), f, "PRESENT"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(f, ChargesSettled.TYPE.qualifiedName()) == 1);
        publish(BookingsSubmitted.TYPE, f, values("submissionId", UUID.randomUUID().toString(), "familyId", f,
                "lines", list(line(booking, family.lea(), town.canteen(), "2026-09-07", "BOOKED"))));
        JsonNode billing = await().atMost(Duration.ofSeconds(30)).until(
                () -> parentOf(family).get("/api/families/" + f + "/billing").body(),
                b -> b.path("orders").size() == 1);
        assertThat(billing.path("orders").get(0).path("totalCents").asLong()).isEqualTo(260);
        JsonNode settled = only(publishedFor(f), ChargesSettled.TYPE.qualifiedName()).payload();
        assertThat(settled.path("charges").get(0).path("unitPriceCents").asLong()).isEqualTo(260);
        await().atMost(Duration.ofSeconds(20)).until(() -> parentOf(family).get("/api/orders/"
                + billing.path("orders").get(0).path("orderId").asText()).body().path("lines").get(0)
                .path("status").asText().equals("SETTLED"));
        // the family's prices for a day: the top bracket
        JsonNode prices = parentOf(family).get("/api/families/" + f + "/prices?date=2026-09-07").body();
        for (JsonNode price : prices) {
            if (price.path("serviceId").asText().equals(town.canteen())) {
                assertThat(price.path("unitPriceCents").asLong()).isEqualTo(260);
            }
        }
    }

    @Test
    void tariffs_are_prepared_by_finance_read_by_staff_and_checked_field_by_field() {
        Town town = aTownWithTariffs();
        ServiceApi.Caller finance = staff(Role.FINANCE);
        ServiceApi.Response invalid = finance.put("/api/tariffs/" + town.canteen() + "/grids/2027-09-01", grid(
                List.of(bracket(800, 190), bracket(500, 150), bracket(300, -1)), 100));
        assertThat(invalid.status()).isEqualTo(400);
        Set<String> fields = new TreeSet<>();
        invalid.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("brackets[1].maxQuotientFamilial", "brackets[2].maxQuotientFamilial",
                "brackets[2].unitPriceCents");
        assertThat(staff(Role.AGENT).put("/api/tariffs/" + town.canteen() + "/grids/2027-09-01", grid(
                List.of(bracket(null, 200)), 0)).status()).isEqualTo(403);
        assertThat(finance.put("/api/tariffs/unknown-service/grids/2027-09-01", grid(List.of(bracket(null, 200)), 0))
                .code()).isEqualTo("SERVICE_NOT_FOUND");
        // in force on 1 September: never changed nor withdrawn after that
        clock.set(LocalDateTime.of(2026, 9, 2, 9, 0));
        ServiceApi.Response inForce = finance.put("/api/tariffs/" + town.canteen() + "/grids/2026-09-01",
                grid(List.of(bracket(null, 999)), 0));
        assertThat(inForce.status()).isEqualTo(422);
        assertThat(inForce.code()).isEqualTo("TARIFF_GRID_IN_FORCE");
        assertThat(finance.post("/api/tariffs/" + town.canteen() + "/grids/2026-09-01/withdrawal", Map.of()).code())
                .isEqualTo("TARIFF_GRID_IN_FORCE");
        // next year's grid, prepared now, then withdrawn
        assertThat(finance.put("/api/tariffs/" + town.canteen() + "/grids/2027-09-01",
                grid(List.of(bracket(800, 200), bracket(null, 280)), 100)).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode service : staff(Role.AUDITOR).get("/api/tariffs").body()) {
                if (service.path("service").path("serviceId").asText().equals(town.canteen())) {
                    return service.path("grids").size() == 2
                            && service.path("inForce").path("effectiveFrom").asText().equals("2026-09-01");
                }
            }
            return false;
        });
        assertThat(finance.post("/api/tariffs/" + town.canteen() + "/grids/2027-09-01/withdrawal", Map.of()).status()).isEqualTo(204);
        assertThat(api().as(TestServiceTokens.parentOf(UUID.randomUUID().toString())).get("/api/tariffs").status())
                .isEqualTo(403);
    }

    @Nested
    class Roles {
        @Autowired
        ApplicationContext context;

        @Test
        void each_role_reaches_exactly_the_endpoints_it_is_allowed() {
            Role[] family = {Role.PARENT, Role.ADMIN, Role.FINANCE, Role.AUDITOR, Role.AGENT};
            Role[] staff = {Role.ADMIN, Role.FINANCE, Role.AUDITOR, Role.AGENT};
            Role[] manage = {Role.ADMIN, Role.FINANCE};
            RoleMatrix.of(context, port)
                    .allow("GET /api/families/{familyId}/billing", family)
                    .allow("GET /api/families/{familyId}/prices", family)
                    .allow("GET /api/orders/{orderId}", family)
                    .allow("GET /api/invoices/{invoiceId}", family)
                    .allow("GET /api/invoices/{invoiceId}/pdf", family)
                    .allow("GET /api/credit-notes/{creditNoteId}/pdf", family)
                    .allow("GET /api/invoices", staff)
                    .allow("GET /api/invoice-runs", staff)
                    .allow("GET /api/invoice-runs/{runId}", staff)
                    .allow("GET /api/tariffs", staff)
                    .allow("POST /api/invoice-runs", manage)
                    .allow("POST /api/invoices/{invoiceId}/credit-notes", manage)
                    .allow("PUT /api/tariffs/{serviceId}/grids/{effectiveFrom}", manage)
                    .allow("POST /api/tariffs/{serviceId}/grids/{effectiveFrom}/withdrawal", manage)
                    .verify();
        }
    }

    @Nested
    class ReadModels {
        @Autowired
        ApplicationContext context;

        /**
         * A November of its own (no other test bills it): an order, a cancelled day (released), a day present
         * (settled), an excused absence (waived), one without excuse (settled), the month's invoice and a credit note;
         * then every read model rebuilt from the events is the live one, row for row.
         */
        @Test
        void every_read_model_declares_its_tables_and_rebuilds_identically() {
            Town town = aTownWithTariffs();
            Family family = aFamily(true);
            String f = family.familyId();
            String canteen2 = UUID.randomUUID().toString();
            String canteen3 = UUID.randomUUID().toString();
            String leaCentre = UUID.randomUUID().toString();
            String tomCentre = UUID.randomUUID().toString();
            publish(BookingsSubmitted.TYPE, f, values("submissionId", UUID.randomUUID().toString(), "familyId", f,
                    "submittedAt", "2026-10-20T18:00:00Z", "lines", list(
                            line(canteen2, family.lea(), town.canteen(), "2026-11-02", "BOOKED"),
                            line(canteen3, family.lea(), town.canteen(), "2026-11-03", "BOOKED"),
                            line(leaCentre, family.lea(), town.centre(), "2026-11-04", "BOOKED"),
                            line(tomCentre, family.tom(), town.centre(), "2026-11-04", "BOOKED"))));
            publish(BookingsCancelled.TYPE, f, values("familyId", f, "reason", "FAMILY", "bookings", list(
                    values("bookingId", canteen3, "childId", family.lea(), "serviceId", town.canteen(),
                            "date", "2026-11-03"))));
            publish(AttendanceSettled.TYPE, town.canteen() + "@2026-11-02", values("serviceId", town.canteen(),
                    "date", "2026-11-02", "records", list(record(canteen2, family.lea(), f, "PRESENT"))));
            publish(AttendanceSettled.TYPE, town.centre() + "@2026-11-04", values("serviceId", town.centre(),
                    "date", "2026-11-04", "records", list(record(leaCentre, family.lea(), f, "ABSENT_EXCUSED"),
                            record(tomCentre, family.tom(), f, "ABSENT_UNEXCUSED"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT string_agg(state, ',' ORDER BY "
                    + "state) FROM rm_charge WHERE family_id = ?").param(f).query(String.class).optional()
                    .orElse("").equals("RELEASED,SETTLED,SETTLED,WAIVED"));

            clock.set(LocalDateTime.of(2026, 12, 1, 2, 0));
            ServiceApi.Response started = staff(Role.FINANCE).post("/api/invoice-runs", Map.of("period", "2026-11"));
            assertThat(started.status()).isEqualTo(202);
            String runId = started.body().path("runId").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> staff(Role.FINANCE).get("/api/invoice-runs/" + runId)
                    .body().path("status").asText().equals("COMPLETED"));
            JsonNode invoice = await().atMost(Duration.ofSeconds(20)).until(() -> parentOf(family)
                    .get("/api/families/" + f + "/billing").body().path("invoices"), i -> i.size() == 1).get(0);
            // Léa's canteen 1,90 and Tom's centre 8,00 (absent without excuse); the waived and released days are not
            assertThat(invoice.path("totalCents").asLong()).isEqualTo(190 + 800);
            ServiceApi.Response note = staff(Role.FINANCE).post("/api/invoices/" + invoice.path("invoiceId").asText()
                    + "/credit-notes", Map.of("reason", "Repas non servi", "lines",
                    List.of(Map.of("lineIndex", 0, "quantity", 1))));
            assertThat(note.status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT count(*) FROM rm_credit_note "
                    + "WHERE family_id = ?").param(f).query(Long.class).single() == 1);

            ReadModelChecks.assertEveryProjectionDeclaresItsTables(context);
            ReadModelChecks.assertEveryReadModelRebuildsIdentically(port);
        }
    }

    private byte[] pdfBytes(String invoiceId) throws Exception {
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/invoices/"
                                + invoiceId + "/pdf"))
                        .header("Authorization", "Bearer " + TestServiceTokens.tokenFor(
                                new Actor("staff-finance", Role.FINANCE, null, null))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static Set<String> types(String key) {
        Set<String> types = new TreeSet<>();
        publishedFor(key).forEach(p -> types.add(p.type()));
        return types;
    }

    static long count(String key, String type) {
        return publishedFor(key).stream().filter(p -> p.type().equals(type)).map(Published::eventId).distinct()
                .count();
    }

    static Published only(List<Published> events, String type) {
        List<Published> matching = events.stream().filter(p -> p.type().equals(type)).toList();
        assertThat(matching).as(type).hasSize(1);
        return matching.get(0);
    }

    /** Every field of the contract's example is in the payload, and no other (producer side of the contract). */
    static void assertSameFields(JsonNode payload, JsonNode example) {
        Set<String> actual = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        payload.fieldNames().forEachRemaining(actual::add);
        example.fieldNames().forEachRemaining(expected::add);
        assertThat(actual).isEqualTo(expected);
        for (Iterator<String> it = example.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (example.get(name).isArray() && example.get(name).size() > 0 && example.get(name).get(0).isObject()
                    && payload.get(name).size() > 0) {
                assertSameFields(payload.get(name).get(0), example.get(name).get(0));
            }
        }
    }

    /** Billing's published payloads have exactly their contract's fields. */
    static final class Contracts_ {
        static void check(Published published) {
            fr.marelle.contracts.Contracts.byQualifiedName(published.type()).ifPresent(type ->
                    assertSameFields(published.payload(), example(type)));
        }
    }
}
