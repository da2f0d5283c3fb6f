package fr.marelle.gateway.web.planning;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.gateway.security.GatewayUser;
import fr.marelle.gateway.services.planning.PlanningClient;
import fr.marelle.gateway.web.console.Chart;
import fr.marelle.gateway.web.console.ConfigurationEntries;
import fr.marelle.gateway.web.console.ConfigurationEntry;
import fr.marelle.gateway.web.console.ConsoleCharts;
import fr.marelle.gateway.web.console.DashboardTile;
import fr.marelle.gateway.web.console.DashboardTiles;
import fr.marelle.gateway.web.console.FamilyFileSections;
import fr.marelle.gateway.web.console.FamilySection;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What planning puts on the console: places taken today and this week and the waiting lists on the home page; a
 * family's bookings of this week and the next in its file; occupancy and bookings per week in the charts; the
 * services and the school calendar in the configuration hub. Each only for the roles that may open the page it
 * links to (the routes of {@link PlanningRouteRules}); planning-service checks the roles again.
 */
@Component
class PlanningConsole implements DashboardTiles, FamilyFileSections, ConsoleCharts, ConfigurationEntries {

    /** Roles that open the occupancy pages and the services and calendar page. */
    static final Set<String> STAFF = Set.of("ADMIN", "AGENT", "FINANCE", "AUDITOR");
    /** Roles that open the waiting lists. */
    static final Set<String> WAITLISTS = Set.of("ADMIN", "AGENT", "AUDITOR");
    /** Roles that import the calendar and close a service on a day. */
    static final Set<String> DESK = Set.of("ADMIN", "AGENT");
    /** The waiting lists the tile counts: those the waiting-list page shows by default. */
    static final int WAITLIST_DAYS = 60;

    private final PlanningClient planning;
    private final Texts texts;
    private final Clock clock;

    PlanningConsole(PlanningClient planning, Texts texts, Clock clock) {
        this.planning = planning;
        this.texts = texts;
        this.clock = clock.withZone(ParentPlanningController.PARIS);
    }

    // ------------------------------------------------------------------------------------------------- home

    @Override
    public List<DashboardTile> tiles(GatewayUser user) {
        String role = user.role().name();
        if (!STAFF.contains(role)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<DashboardTile> tiles = new ArrayList<>();
        List<DashboardTile.Row> todayRows = new ArrayList<>();
        List<DashboardTile.Row> weekRows = new ArrayList<>();
        for (JsonNode service : planning.overview(today)) {
            String name = service.path("serviceName").asText();
            JsonNode day = service.path("today");
            if (service.path("closedToday").asBoolean()) {
                todayRows.add(new DashboardTile.Row(name, texts.get("planning.tile.closed")));
            } else if (day.path("days").asInt() > 0) {
                todayRows.add(new DashboardTile.Row(name, places(day)));
            }
            JsonNode week = service.path("week");
            if (week.path("days").asInt() > 0 || week.path("booked").asInt() > 0) {
                weekRows.add(new DashboardTile.Row(name, places(week)));
            }
        }
        if (todayRows.isEmpty()) {
            todayRows.add(new DashboardTile.Row(texts.get("planning.tile.noService"), ""));
        }
        if (weekRows.isEmpty()) {
            weekRows.add(new DashboardTile.Row(texts.get("planning.tile.noService"), ""));
        }
        tiles.add(new DashboardTile(200, "occupancyToday", "planning.tile.today", null, null, todayRows,
                "/admin/planification/occupation", false));
        tiles.add(new DashboardTile(210, "occupancyWeek", "planning.tile.week", null, null, weekRows,
                "/admin/planification/occupation", false));
        if (WAITLISTS.contains(role)) {
            tiles.add(DashboardTile.count(220, "waitlists", "planning.tile.waitlists",
                    planning.waitlists(today, today.plusDays(WAITLIST_DAYS)).size(), "planning.tile.waitlists.unit",
                    "/admin/planification/attente"));
        }
        return tiles;
    }

    /** "12 / 40 places", and the waiting line when there is one. */
    private String places(JsonNode figures) {
        String places = texts.get("planning.tile.places", figures.path("booked").asInt(),
                figures.path("capacity").asInt());
        int waiting = figures.path("waitlisted").asInt();
        return waiting == 0 ? places : texts.get("planning.tile.placesWaiting", places, waiting);
    }

    // ---------------------------------------------------------------------------------------------- family file

    /** A child's bookings of the two weeks, in words. */
    record ChildBookings(String firstName, List<BookingLine> lines) {
    }

    /** @param status message key of the state in words */
    record BookingLine(LocalDate day, String dayText, String service, String status, String detail,
                       String certificateHref) {
    }

    @Override
    public List<FamilySection> sections(UUID familyId, GatewayUser user) {
        if (!STAFF.contains(user.role().name())) {
            return List.of();
        }
        LocalDate monday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(13);
        Map<String, String> serviceNames = new HashMap<>();
        for (JsonNode service : planning.services()) {
            serviceNames.put(service.path("serviceId").asText(), service.path("definition").path("name").asText());
        }
        Map<String, ChildBookings> children = new LinkedHashMap<>();
        for (JsonNode booking : planning.bookings(familyId.toString(), monday, sunday)) {
            String childId = booking.path("childId").asText();
            ChildBookings child = children.computeIfAbsent(childId, id -> new ChildBookings(
                    booking.path("firstName").asText().isBlank() ? texts.get("planning.section.unknownChild")
                            : booking.path("firstName").asText(), new ArrayList<>()));
            LocalDate day = LocalDate.parse(booking.path("day").asText());
            String status = status(booking);
            String serviceId = booking.path("serviceId").asText();
            child.lines().add(new BookingLine(day, PlanningFormats.longDate(day),
                    serviceNames.getOrDefault(serviceId, serviceId), "planning.section.status." + status,
                    "CANCELLED".equals(status) && "CLOSURE".equals(booking.path("cancelReason").asText())
                            ? texts.get("planning.section.closure") : null,
                    booking.path("certificateId").isTextual() ? "/admin/planification/reservations/"
                            + booking.path("bookingId").asText() + "/certificat" : null));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("familyId", familyId);
        model.put("from", monday);
        model.put("to", sunday);
        model.put("fromText", PlanningFormats.longDate(monday));
        model.put("toText", PlanningFormats.longDate(sunday));
        model.put("children", List.copyOf(children.values()));
        return List.of(new FamilySection(300, "reservations", "planning.section.title", "planning/console-parts",
                "familySection", model));
    }

    /** The state of a child-day: what the register said once closed, else the booking's. */
    static String status(JsonNode booking) {
        String attendance = booking.path("attendance").asText("");
        switch (attendance) {
            case "PRESENT", "PRESENT_UNBOOKED" -> {
                return "PRESENT";
            }
            case "ABSENT_EXCUSED" -> {
                return "EXCUSED";
            }
            case "ABSENT_UNEXCUSED" -> {
                return "ABSENT";
            }
            default -> {
            }
        }
        String status = booking.path("status").asText();
        if ("BOOKED".equals(status) && booking.path("absenceReportedAt").isTextual()) {
            return "ABSENCE_REPORTED";
        }
        return status;
    }

    // ----------------------------------------------------------------------------------------------- charts

    @Override
    public List<Chart> charts(LocalDate from, LocalDate to) {
        JsonNode weeks = planning.weekly(from, to);
        List<String> categories = new ArrayList<>();
        Map<String, Integer> column = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode w : weeks) {
            String monday = w.path("monday").asText();
            if (!column.containsKey(monday)) {
                column.put(monday, categories.size());
                categories.add(texts.get("planning.chart.week", w.path("week").asInt(),
                        String.valueOf(w.path("weekYear").asInt())));
            }
            names.putIfAbsent(w.path("serviceId").asText(), w.path("serviceName").asText());
        }
        Map<String, List<Long>> occupancy = new LinkedHashMap<>();
        names.keySet().forEach(id -> occupancy.put(id, nulls(categories.size())));
        List<Long> booked = zeros(categories.size());
        List<Long> attended = zeros(categories.size());
        for (JsonNode w : weeks) {
            int i = column.get(w.path("monday").asText());
            long capacity = w.path("capacity").asLong();
            if (capacity > 0) {
                occupancy.get(w.path("serviceId").asText()).set(i,
                        Math.round(100.0 * w.path("booked").asLong() / capacity));
            }
            booked.set(i, booked.get(i) + w.path("booked").asLong());
            attended.set(i, attended.get(i) + w.path("attended").asLong());
        }
        List<Chart.Series> perService = new ArrayList<>();
        occupancy.forEach((id, values) -> perService.add(new Chart.Series(names.get(id), values)));
        return List.of(
                new Chart(200, "occupation", "planning.chart.occupancy", "planning.chart.occupancy.unit", categories,
                        perService, false, STAFF),
                new Chart(210, "reservations", "planning.chart.bookings", "planning.chart.bookings.unit",
                        categories, List.of(new Chart.Series(texts.get("planning.chart.booked"), booked),
                        new Chart.Series(texts.get("planning.chart.attended"), attended)), false, STAFF));
    }

    private static List<Long> nulls(int size) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(null);
        }
        return values;
    }

    private static List<Long> zeros(int size) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(0L);
        }
        return values;
    }

    // ---------------------------------------------------------------------------------------- configuration

    @Override
    public List<ConfigurationEntry> entries() {
        return List.of(
                new ConfigurationEntry(300, "console.config.group.services", "planning.config.services",
                        "planning.config.services.description", "/admin/planification/services", STAFF),
                new ConfigurationEntry(301, "console.config.group.services", "planning.config.newService",
                        "planning.config.newService.description", "/admin/planification/services/nouveau",
                        Set.of("ADMIN")),
                new ConfigurationEntry(400, "console.config.group.calendar", "planning.config.calendar",
                        "planning.config.calendar.description", "/admin/planification/services#calendrier", DESK),
                new ConfigurationEntry(401, "console.config.group.calendar", "planning.config.closures",
                        "planning.config.closures.description", "/admin/planification/services#fermeture", DESK));
    }
}
