package fr.marelle.gateway.services.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.services.ServiceClients;
import fr.marelle.gateway.services.ServiceProblem;
import fr.marelle.gateway.services.ServiceUnavailable;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's side of planning-service's HTTP API, always as the logged-in user (planning scopes a parent to
 * their family and checks staff roles). Answers are read as JSON trees; files as bytes. The family's price comes from
 * billing-service, which owns tariffs: planning computes none.
 */
@Component
public class PlanningClient {

    private final ServiceClients clients;

    PlanningClient(ServiceClients clients) {
        this.clients = clients;
    }

    private ServiceClients.Call planning() {
        return clients.service("planning");
    }

    // ---------------------------------------------------------------------------------------------- catalogue

    public JsonNode services() {
        return planning().get("/api/services", JsonNode.class);
    }

    public JsonNode service(String serviceId) {
        return planning().get("/api/services/{id}", JsonNode.class, serviceId);
    }

    public String openService(Map<String, Object> definition) {
        return planning().post("/api/services", definition, JsonNode.class).path("serviceId").asText();
    }

    public void redefineService(String serviceId, Map<String, Object> definition) {
        planning().put("/api/services/{id}", definition, serviceId);
    }

    public void withdraw(String serviceId, boolean withdraw) {
        planning().post("/api/services/{id}/" + (withdraw ? "withdrawal" : "reinstatement"), null, Void.class,
                serviceId);
    }

    public void attachHouseRules(String serviceId, String fileName, String contentType, byte[] content) {
        planning().put("/api/services/{id}/house-rules", file(fileName, contentType, content), serviceId);
    }

    public byte[] houseRules(String serviceId) {
        return planning().get("/api/services/{id}/house-rules", byte[].class, serviceId);
    }

    // --------------------------------------------------------------------------------------------- calendar

    public JsonNode calendar() {
        return planning().get("/api/calendar", JsonNode.class);
    }

    /** A school calendar (ICS or CSV) or public holidays (CSV) file from the national open data. */
    public JsonNode importCalendar(String kind, String fileName, byte[] content) {
        String path = "holidays".equals(kind) ? "/api/calendar/public-holidays" : "/api/calendar/school-years";
        Map<String, Object> file = new java.util.HashMap<>();
        file.put("fileName", fileName);
        file.put("content", new String(content, java.nio.charset.StandardCharsets.UTF_8));
        return planning().post(path, file, JsonNode.class);
    }

    // --------------------------------------------------------------------------------------------- bookings

    public JsonNode week(String serviceId, LocalDate day, String familyId) {
        return planning().get("/api/planning/week?serviceId={s}&day={d}" + (familyId == null ? "" : "&familyId="
                + familyId), JsonNode.class, serviceId, day);
    }

    public JsonNode preview(Map<String, Object> request) {
        return planning().post("/api/bookings/preview", request, JsonNode.class);
    }

    public JsonNode submit(Map<String, Object> request) {
        return planning().post("/api/bookings", request, JsonNode.class);
    }

    public JsonNode cancelPeriod(Map<String, Object> request) {
        return planning().post("/api/bookings/cancellations", request, JsonNode.class);
    }

    public JsonNode cancel(String bookingId) {
        return planning().post("/api/bookings/{id}/cancellation", null, JsonNode.class, bookingId);
    }

    public JsonNode booking(String bookingId) {
        return planning().get("/api/bookings/{id}", JsonNode.class, bookingId);
    }

    public void reportAbsence(String bookingId, String fileName, String contentType, byte[] certificate) {
        planning().post("/api/bookings/{id}/absence", file(fileName, contentType, certificate), Void.class,
                bookingId);
    }

    private static Map<String, Object> file(String fileName, String contentType, byte[] content) {
        Map<String, Object> file = new java.util.HashMap<>();
        file.put("fileName", fileName);
        file.put("contentType", contentType);
        file.put("content", java.util.Base64.getEncoder().encodeToString(content));
        return file;
    }

    public byte[] certificate(String bookingId) {
        return planning().get("/api/bookings/{id}/certificate", byte[].class, bookingId);
    }

    public byte[] ics() {
        return planning().get("/api/planning/bookings.ics", byte[].class);
    }

    // ------------------------------------------------------------------------------------------------ staff

    public JsonNode occupancy(String serviceId, LocalDate from, LocalDate to) {
        return planning().get("/api/occupancy?serviceId={s}&from={f}&to={t}", JsonNode.class, serviceId, from, to);
    }

    public JsonNode waitlists(String serviceId, LocalDate from, LocalDate to) {
        return planning().get("/api/waitlists?serviceId={s}&from={f}&to={t}", JsonNode.class, serviceId, from, to);
    }

    /** Every service's places on a day and over its week. */
    public JsonNode overview(LocalDate day) {
        return planning().get("/api/occupancy/overview?day={d}", JsonNode.class, day);
    }

    /** Per service and ISO week over a period: places, child-days booked and attended. */
    public JsonNode weekly(LocalDate from, LocalDate to) {
        return planning().get("/api/occupancy/weekly?from={f}&to={t}", JsonNode.class, from, to);
    }

    /** Every service's waiting lists between two days. */
    public JsonNode waitlists(LocalDate from, LocalDate to) {
        return planning().get("/api/waitlists?from={f}&to={t}", JsonNode.class, from, to);
    }

    /** A family's bookings between two days, every service (staff name the family). */
    public JsonNode bookings(String familyId, LocalDate from, LocalDate to) {
        return planning().get("/api/planning/bookings?familyId={id}&from={f}&to={t}", JsonNode.class, familyId,
                from, to);
    }

    public int grant(String dayId) {
        return planning().post("/api/service-days/{id}/grants", null, JsonNode.class, dayId).path("granted").asInt();
    }

    public int closeDay(String serviceId, LocalDate date, String reason) {
        return planning().post("/api/services/{s}/days/{d}/closure", Map.of("reason", reason == null ? "" : reason),
                JsonNode.class, serviceId, date).path("cancelled").asInt();
    }

    public void reopenDay(String serviceId, LocalDate date) {
        planning().post("/api/services/{s}/days/{d}/reopening", null, Void.class, serviceId, date);
    }

    public JsonNode registers(String serviceId, LocalDate date) {
        return planning().get("/api/registers?serviceId={s}&date={d}", JsonNode.class, serviceId, date);
    }

    public JsonNode register(String serviceId, LocalDate date, String school) {
        return planning().get("/api/registers/{s}/{d}/{k}", JsonNode.class, serviceId, date, school);
    }

    public byte[] registerPdf(String serviceId, LocalDate date, String school) {
        return planning().get("/api/registers/{s}/{d}/{k}/pdf", byte[].class, serviceId, date, school);
    }

    public void mark(String serviceId, LocalDate date, String school, String childId, String state) {
        planning().put("/api/registers/{s}/{d}/{k}/children/{c}", Map.of("state", state), serviceId, date, school,
                childId);
    }

    public void closeRegister(String serviceId, LocalDate date, String school, String remainingAs) {
        planning().post("/api/registers/{s}/{d}/{k}/closure", remainingAs == null ? Map.of()
                : Map.of("remainingAs", remainingAs), Void.class, serviceId, date, school);
    }

    public JsonNode schools() {
        return planning().get("/api/directory/schools", JsonNode.class);
    }

    public JsonNode searchChildren(String query) {
        return planning().get("/api/directory/children?q={q}", JsonNode.class, query);
    }

    public JsonNode caf(LocalDate from, LocalDate to) {
        return planning().get("/api/reports/caf?from={f}&to={t}", JsonNode.class, from, to);
    }

    public byte[] cafCsv(LocalDate from, LocalDate to) {
        return planning().get("/api/reports/caf.csv?from={f}&to={t}", byte[].class, from, to);
    }

    // ------------------------------------------------------------------------------------------------ price

    /**
     * "Votre tarif : 1,90 €": the family's unit price for the service on a day, from billing-service; empty when
     * billing has no tariff for it yet or does not answer (the page then says the price is not known).
     */
    public Optional<Long> unitPriceCents(String serviceId, String familyId, LocalDate day) {
        if (familyId == null) {
            return Optional.empty();
        }
        try {
            JsonNode prices = clients.service("billing").get("/api/families/{f}/prices?date={d}", JsonNode.class,
                    familyId, day);
            for (JsonNode price : prices) {
                if (serviceId.equals(price.path("serviceId").asText()) && price.hasNonNull("unitPriceCents")) {
                    return Optional.of(price.path("unitPriceCents").asLong());
                }
            }
            return Optional.empty();
        } catch (ServiceUnavailable | ServiceProblem e) {
            return Optional.empty();
        }
    }
}
