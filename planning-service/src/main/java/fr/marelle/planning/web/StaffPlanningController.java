package fr.marelle.planning.web;

import fr.marelle.planning.attendance.RegisterService;
import fr.marelle.planning.booking.BookingQueries;
import fr.marelle.planning.booking.BookingService;
import fr.marelle.planning.calendar.CalendarView;
import fr.marelle.planning.calendar.SchoolCalendarQueries;
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
import java.time.LocalDate;
import java.util.ArrayList;
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

    private final BookingService bookings;
    private final BookingQueries queries;
    private final ServiceCatalogue catalogue;
    private final SchoolCalendarQueries calendar;
    private final RegisterService registers;

    StaffPlanningController(BookingService bookings, BookingQueries queries, ServiceCatalogue catalogue,
                            SchoolCalendarQueries calendar, RegisterService registers) {
        this.bookings = bookings;
        this.queries = queries;
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.registers = registers;
    }

    /** Every day the service runs between two days, with its places taken, its waiting list, its closure. */
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
            int capacity = service.definition().capacity() + service.definition().schoolCapacities().values()
                    .stream().mapToInt(Integer::intValue).sum();
            result.add(new Occupancy(serviceId, service.definition().name(), day, kind.name(), capacity,
                    pools.stream().mapToInt(BookingQueries.ServiceDayView::booked).sum(),
                    pools.stream().mapToInt(BookingQueries.ServiceDayView::waitlisted).sum(),
                    pools.stream().anyMatch(BookingQueries.ServiceDayView::closed),
                    pools.stream().map(BookingQueries.ServiceDayView::closureReason).filter(r -> r != null)
                            .findFirst().orElse(null),
                    pools.stream().map(BookingQueries.ServiceDayView::dayId).toList()));
        }
        return result;
    }

    @GetMapping("/api/waitlists")
    List<BookingQueries.WaitlistView> waitlists(@RequestParam(required = false) String serviceId,
                                                @RequestParam LocalDate from, @RequestParam LocalDate to) {
        Callers.require(Role.ADMIN, Role.AGENT, Role.AUDITOR);
        period(from, to, 400);
        return queries.waitlists(serviceId, from, to);
    }

    /** Closes the service on a day (strike, bridge day): its bookings are cancelled free of charge. */
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

    @PostMapping("/api/services/{serviceId}/days/{date}/reopening")
    ResponseEntity<Void> reopen(@PathVariable String serviceId, @PathVariable LocalDate date) {
        bookings.reopenDay(serviceId, date);
        return ResponseEntity.noContent().build();
    }

    /** Free places of a service-day (after its capacity grew) go to the first in line. */
    @PostMapping("/api/service-days/{dayId}/grants")
    Granted grant(@PathVariable String dayId) {
        return new Granted(bookings.grantFreePlaces(dayId));
    }

    @GetMapping("/api/reports/caf")
    List<RegisterService.CafLine> caf(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        period(from, to, 400);
        return registers.cafReport(from, to);
    }

    /** The CAF report as CSV (semicolon-separated, UTF-8 with BOM so that a spreadsheet reads the accents). */
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
