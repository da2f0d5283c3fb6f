package fr.marelle.planning.web;

import fr.marelle.planning.attendance.RegisterService;
import fr.marelle.planning.booking.BookingQueries;
import fr.marelle.planning.booking.BookingService;
import fr.marelle.planning.calendar.CalendarView;
import fr.marelle.planning.calendar.SchoolCalendarQueries;
import fr.marelle.planning.catalogue.Deadlines;
import fr.marelle.planning.catalogue.ServiceCatalogue;
import fr.marelle.planning.catalogue.ServiceCatalogue.ServiceView;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;
import fr.marelle.platform.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Staff: occupancy per service and day, waiting lists, closures, the CAF report. */
@RestController
class StaffPlanningController {

    record Occupancy(String serviceId, String serviceName, LocalDate day, String kind, int capacity, int booked,
                     int waitlisted, boolean closed, String closureReason, List<String> dayIds) {
    }

    record ClosureRequest(String reason) {
    }

    record ClosureResponse(int cancelled) {
    }

    record Granted(int granted) {
    }

    /**
     * Places over some days of a service: {@code days} it runs and is open, {@code capacity} the places of those days
     * together, {@code booked} and {@code waitlisted} child-days.
     */
    record Figures(int days, int capacity, int booked, int waitlisted) {

        static final Figures NONE = new Figures(0, 0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(days + other.days, capacity + other.capacity, booked + other.booked,
                    waitlisted + other.waitlisted);
        }
    }

    /** A service's occupancy on a day and over its ISO week (Monday to Sunday), for the console's home. */
    record ServiceOverview(String serviceId, String serviceName, boolean active, LocalDate day, boolean closedToday,
                           Figures today, LocalDate monday, LocalDate sunday, Figures week) {
    }

    /** A service's figures over an ISO week: places, child-days booked, child-days attended (settled registers). */
    record WeekFigures(String serviceId, String serviceName, int weekYear, int week, LocalDate monday, int capacity,
                       int booked, int attended) {
    }

    private final BookingService bookings;
    private final BookingQueries queries;
    private final ServiceCatalogue catalogue;
    private final SchoolCalendarQueries calendar;
    private final RegisterService registers;
    private final Clock clock;

    StaffPlanningController(BookingService bookings, BookingQueries queries, ServiceCatalogue catalogue,
                            SchoolCalendarQueries calendar, RegisterService registers, Clock clock) {
        this.clock = clock;
        this.bookings = bookings;
        this.queries = queries;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.registers = registers;
    }

    /** Every day the service runs between two days, with its places taken, its waiting list, its closure. */
    @Allowed({Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/occupancy")
    List<Occupancy> occupancy(@RequestParam String serviceId, @RequestParam LocalDate from,
                              @RequestParam LocalDate to) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        period(from, to, 93);
        ServiceView service = catalogue.find(serviceId).orElseThrow(CatalogueController::notFound);
        CalendarView view = calendar.view();
        Map<LocalDate, List<BookingQueries.ServiceDayView>> days = queries.serviceDays(serviceId, from, to).stream()
                .collect(Collectors.groupingBy(BookingQueries.ServiceDayView::day));
        List<Occupancy> result = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            var kind = view.kindOf(day);
            List<BookingQueries.ServiceDayView> pools = days.getOrDefault(day, List.of());
            if (!service.definition().runsOn().contains(kind) && pools.isEmpty()) {
                continue;
            }
            result.add(new Occupancy(serviceId, service.definition().name(), day, kind.name(), capacityOf(service),
                    pools.stream().mapToInt(BookingQueries.ServiceDayView::booked).sum(),
                    pools.stream().mapToInt(BookingQueries.ServiceDayView::waitlisted).sum(),
                    pools.stream().anyMatch(BookingQueries.ServiceDayView::closed),
                    pools.stream().map(BookingQueries.ServiceDayView::closureReason).filter(r -> r != null)
                            .findFirst().orElse(null),
                    pools.stream().map(BookingQueries.ServiceDayView::dayId).toList()));
        }
        return result;
    }

    /**
     * Every service's places today and this week (or on {@code day} and its week): the console's home. Withdrawn
     * services are listed only while they still have bookings that week.
     */
    @Allowed({Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/occupancy/overview")
    List<ServiceOverview> overview(@RequestParam(required = false) LocalDate day) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        LocalDate shown = day != null ? day : LocalDate.now(clock.withZone(Deadlines.PARIS));
        LocalDate monday = shown.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        CalendarView view = calendar.view();
        Map<String, Map<LocalDate, List<BookingQueries.ServiceDayView>>> pools = poolsByServiceAndDay(monday, sunday);
        List<ServiceOverview> result = new ArrayList<>();
        for (ServiceView service : catalogue.all()) {
            Map<LocalDate, List<BookingQueries.ServiceDayView>> days = pools.getOrDefault(service.serviceId(), Map.of());
            if (!service.active() && days.isEmpty()) {
                continue;
            }
            Figures week = Figures.NONE;
            for (LocalDate d = monday; !d.isAfter(sunday); d = d.plusDays(1)) {
                week = week.plus(figures(service, d, days.getOrDefault(d, List.of()), view));
            }
            List<BookingQueries.ServiceDayView> today = days.getOrDefault(shown, List.of());
            result.add(new ServiceOverview(service.serviceId(), service.definition().name(), service.active(), shown,
                    today.stream().anyMatch(BookingQueries.ServiceDayView::closed),
                    figures(service, shown, today, view), monday, sunday, week));
        }
        return result;
    }

    /**
     * Per service and ISO week over a period (widened to whole weeks): places, child-days booked, child-days
     * attended, for the console's charts.
     */
    @Allowed({Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/occupancy/weekly")
    List<WeekFigures> weekly(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR);
        period(from, to, 400);
        LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        CalendarView view = calendar.view();
        Map<String, Map<LocalDate, List<BookingQueries.ServiceDayView>>> pools = poolsByServiceAndDay(monday, sunday);
        Map<String, Map<LocalDate, Integer>> attended = new HashMap<>();
        registers.attended(monday, sunday).forEach(a -> attended.computeIfAbsent(a.serviceId(), k -> new HashMap<>())
                .merge(a.day(), a.children(), Integer::sum));
        List<WeekFigures> result = new ArrayList<>();
        for (ServiceView service : catalogue.all()) {
            Map<LocalDate, List<BookingQueries.ServiceDayView>> days = pools.getOrDefault(service.serviceId(), Map.of());
            Map<LocalDate, Integer> present = attended.getOrDefault(service.serviceId(), Map.of());
            if (!service.active() && days.isEmpty() && present.isEmpty()) {
                continue;
            }
            for (LocalDate week = monday; week.isBefore(sunday); week = week.plusWeeks(1)) {
                Figures figures = Figures.NONE;
                int children = 0;
                for (LocalDate d = week; d.isBefore(week.plusWeeks(1)); d = d.plusDays(1)) {
                    figures = figures.plus(figures(service, d, days.getOrDefault(d, List.of()), view));
                    children += present.getOrDefault(d, 0);
                }
                result.add(new WeekFigures(service.serviceId(), service.definition().name(),
                        week.get(IsoFields.WEEK_BASED_YEAR), week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), week,
                        figures.capacity(), figures.booked(), children));
            }
        }
        return result;
    }

    private Map<String, Map<LocalDate, List<BookingQueries.ServiceDayView>>> poolsByServiceAndDay(LocalDate from,
                                                                                                  LocalDate to) {
        return queries.serviceDays(null, from, to).stream().collect(Collectors.groupingBy(
                BookingQueries.ServiceDayView::serviceId, Collectors.groupingBy(BookingQueries.ServiceDayView::day)));
    }

    /** A service's places on a day: its capacity counts when it runs that day and is not closed. */
    private static Figures figures(ServiceView service, LocalDate day, List<BookingQueries.ServiceDayView> pools,
                                   CalendarView view) {
        boolean open = service.definition().runsOn().contains(view.kindOf(day))
                && pools.stream().noneMatch(BookingQueries.ServiceDayView::closed);
        return new Figures(open ? 1 : 0, open ? capacityOf(service) : 0,
                pools.stream().mapToInt(BookingQueries.ServiceDayView::booked).sum(),
                pools.stream().mapToInt(BookingQueries.ServiceDayView::waitlisted).sum());
    }

    /** A day's places: the service's own, plus those of schools with places of their own. */
    private static int capacityOf(ServiceView service) {
        return service.definition().capacity() + service.definition().schoolCapacities().values().stream()
                .mapToInt(Integer::intValue).sum();
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.AUDITOR})
    @GetMapping("/api/waitlists")
    List<BookingQueries.WaitlistView> waitlists(@RequestParam(required = false) String serviceId,
                                                @RequestParam LocalDate from, @RequestParam LocalDate to) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.AUDITOR);
        period(from, to, 400);
        // "every service" comes as an empty parameter from a form or a URI template
        return queries.waitlists(serviceId == null || serviceId.isBlank() ? null : serviceId, from, to);
    }

    /** Closes the service on a day (strike, bridge day): its bookings are cancelled free of charge. */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/services/{serviceId}/days/{date}/closure")
    ClosureResponse close(@PathVariable String serviceId, @PathVariable LocalDate date,
                          @RequestBody ClosureRequest request) {
        Callers.require(Role.ADMIN, Role.AGENT);
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 200) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains champs sont invalides.",
                    List.of(new FieldViolation("reason", "REQUIRED",
                            "Indiquez le motif de la fermeture (200 caractères au plus).")));
        }
        return new ClosureResponse(bookings.closeDay(serviceId, date, request.reason().strip()));
    }

    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/services/{serviceId}/days/{date}/reopening")
    ResponseEntity<Void> reopen(@PathVariable String serviceId, @PathVariable LocalDate date) {
        bookings.reopenDay(serviceId, date);
        return ResponseEntity.noContent().build();
    }

    /** Free places of a service-day (after its capacity grew) go to the first in line. */
    @Allowed({Role.ADMIN, Role.AGENT})
    @PostMapping("/api/service-days/{dayId}/grants")
    Granted grant(@PathVariable String dayId) {
        return new Granted(bookings.grantFreePlaces(dayId));
    }

    @Allowed({Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/reports/caf")
    List<RegisterService.CafLine> caf(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        period(from, to, 400);
        return registers.cafReport(from, to);
    }

    /** The CAF report as CSV (semicolon-separated, UTF-8 with BOM so that a spreadsheet reads the accents). */
    @Allowed({Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping(value = "/api/reports/caf.csv", produces = "text/csv")
    ResponseEntity<byte[]> cafCsv(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        period(from, to, 400);
        StringBuilder csv = new StringBuilder("\uFEFFservice;code;mois;tranche d'âge;enfants;présences;heures\r\n");
        for (RegisterService.CafLine line : registers.cafReport(from, to)) {
            csv.append(cell(line.serviceName())).append(';').append(line.serviceId()).append(';')
                    .append(line.month()).append(';').append(line.ageBand()).append(';').append(line.children())
                    .append(';').append(line.attendances()).append(';')
                    .append(line.hours().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ','))
                    .append("\r\n");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"caf-heures-" + from + "-" + to
                        + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(String text) {
        return text.contains(";") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static void period(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(maxDays))) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains paramètres sont invalides.",
                    List.of(new FieldViolation("to", "RANGE", "La fin suit le début, " + maxDays
                            + " jours au plus.")));
        }
    }

}
