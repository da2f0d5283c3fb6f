package fr.marelle.planning.web;

import fr.marelle.planning.booking.BookingEvents.CancelledDay;
import fr.marelle.planning.booking.BookingPlan;
import fr.marelle.planning.booking.BookingQueries;
import fr.marelle.planning.booking.BookingQueries.BookingView;
import fr.marelle.planning.booking.BookingRequest;
import fr.marelle.planning.booking.BookingService;
import fr.marelle.planning.booking.FamilyCalendar;
import fr.marelle.planning.catalogue.ServiceCatalogue;
import fr.marelle.planning.directory.ChildDirectory;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Bookings by families (and by staff for them): preview, submit, cancel, report a sick child, calendars. */
@RestController
class BookingController {

    record Preview(String serviceId, UUID familyId, int days, int likelyWaitlisted, List<BookingPlan.PlannedDay> planned,
                   List<BookingPlan.Cancellable> cancellations, List<BookingPlan.SkippedDay> skipped) {
    }

    record SubmissionResponse(UUID submissionId, long booked, long waitlisted,
                              List<BookingService.Submitted.Line> lines, List<BookingPlan.SkippedDay> skipped) {
    }

    record CancellationResponse(int cancelled, List<CancelledDay> days, List<BookingPlan.SkippedDay> skipped) {
    }

    private final BookingService bookings;
    private final BookingQueries queries;
    private final FamilyCalendar calendar;
    private final ServiceCatalogue catalogue;
    private final Documents documents;
    private final Clock clock;
    private final ChildDirectory directory;

    BookingController(BookingService bookings, BookingQueries queries, FamilyCalendar calendar,
                      ServiceCatalogue catalogue, Documents documents, Clock clock, ChildDirectory directory) {
        this.directory = directory;
        this.bookings = bookings;
        this.queries = queries;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.documents = documents;
        this.clock = clock;
    }

    /** What the request would do, before confirming: the days, those left out and why, the likely waiting list. */
    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT})
    @PostMapping("/api/bookings/preview")
    Preview preview(@RequestBody BookingRequest request) {
        BookingPlan plan = bookings.plan(request);
        return new Preview(plan.serviceId(), plan.familyId(), plan.days().size(),
                (int) plan.days().stream().filter(BookingPlan.PlannedDay::full).count(), plan.days(),
                plan.cancellations(), plan.skipped());
    }

    /** One submission: every child-day booked or waitlisted, one order in billing. */
    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT})
    @PostMapping("/api/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    SubmissionResponse submit(@RequestBody BookingRequest request) {
        BookingService.Submitted submitted = bookings.submit(request);
        return new SubmissionResponse(submitted.submissionId(), submitted.booked(), submitted.waitlisted(),
                submitted.lines(), submitted.skipped());
    }

    /** "Sera absent": what is booked in the period is cancelled, free, before each day's deadline. */
    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT})
    @PostMapping("/api/bookings/cancellations")
    CancellationResponse cancelPeriod(@RequestBody BookingRequest request) {
        BookingService.Cancelled cancelled = bookings.cancel(request);
        return new CancellationResponse(cancelled.cancelled().size(), cancelled.cancelled(), cancelled.skipped());
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT})
    @PostMapping("/api/bookings/{bookingId}/cancellation")
    CancelledDay cancel(@PathVariable UUID bookingId) {
        return bookings.cancelOne(bookingId);
    }

    /** A sick child after the cancellation deadline, with a certificate (PDF, JPEG or PNG, base64 in JSON). */
    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT})
    @PostMapping("/api/bookings/{bookingId}/absence")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reportAbsence(@PathVariable UUID bookingId, @RequestBody Documents.Upload certificate) {
        Actor actor = Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        BookingView booking = visible(bookingId);
        Documents.Stored stored = documents.store(Documents.CERTIFICATE, booking.familyId(), certificate.fileName(),
                certificate.contentType(), certificate.content(), actor.id());
        bookings.reportAbsence(bookingId, stored.documentId());
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT})
    @GetMapping("/api/bookings/{bookingId}/certificate")
    ResponseEntity<byte[]> certificate(@PathVariable UUID bookingId) {
        Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT);
        BookingView booking = visible(bookingId);
        if (booking.certificateId() == null) {
            throw DomainException.notFound("CERTIFICATE_NOT_FOUND", "Aucun certificat pour ce jour.");
        }
        return CatalogueController.file(documents.find(booking.certificateId()).orElseThrow(() ->
                DomainException.notFound("CERTIFICATE_NOT_FOUND", "Aucun certificat pour ce jour.")));
    }

    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/bookings/{bookingId}")
    BookingView booking(@PathVariable UUID bookingId) {
        return visible(bookingId);
    }

    /** The family's week for a service (screen 17): Monday to Friday, per child. */
    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/planning/week")
    FamilyCalendar.Week week(@RequestParam String serviceId, @RequestParam(required = false) LocalDate day,
                             @RequestParam(required = false) UUID familyId) {
        return calendar.week(serviceId, familyId, day != null ? day : LocalDate.now(clock));
    }

    /** The family's bookings between two days, every service. */
    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping("/api/planning/bookings")
    List<BookingView> bookings(@RequestParam LocalDate from, @RequestParam LocalDate to,
                               @RequestParam(required = false) UUID familyId) {
        UUID family = familyOf(familyId);
        if (to.isBefore(from) || to.isAfter(from.plusDays(400))) {
            throw DomainException.invalid("VALIDATION_FAILED", "Certains paramètres sont invalides.",
                    List.of(new fr.marelle.platform.errors.FieldViolation("to", "RANGE",
                            "La période va d'une date à une date postérieure, sur 400 jours au plus.")));
        }
        return queries.ofFamily(family, from, to, null);
    }

    /** The family's booked days as an iCalendar file, to add to a phone's calendar. */
    @Allowed({Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR})
    @GetMapping(value = "/api/planning/bookings.ics", produces = "text/calendar")
    ResponseEntity<byte[]> ics(@RequestParam(required = false) UUID familyId) {
        UUID family = familyOf(familyId);
        LocalDate today = LocalDate.now(clock);
        List<BookingView> booked = queries.ofFamily(family, today.minusDays(31), today.plusDays(400), null);
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Marelle//Planification//FR\r\n"
                + "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:Réservations\r\n");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(Instant.now(clock).atOffset(ZoneOffset.UTC));
        for (BookingView b : booked) {
            if ("CANCELLED".equals(b.status())) {
                continue;
            }
            String service = catalogue.find(b.serviceId()).map(s -> s.definition().name()).orElse(b.serviceId());
            String child = directory.child(b.childId()).map(c -> c.firstName()).orElse("");
            ics.append("BEGIN:VEVENT\r\nUID:").append(b.bookingId()).append("@marelle\r\nDTSTAMP:").append(stamp)
                    .append("\r\nDTSTART;VALUE=DATE:").append(b.day().format(DateTimeFormatter.BASIC_ISO_DATE))
                    .append("\r\nDTEND;VALUE=DATE:").append(b.day().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE))
                    .append("\r\nSUMMARY:").append(escape(service + " – " + child
                            + ("WAITLISTED".equals(b.status()) ? " (liste d'attente)" : "")))
                    .append("\r\nSTATUS:").append("WAITLISTED".equals(b.status()) ? "TENTATIVE" : "CONFIRMED")
                    .append("\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n");
        }
        ics.append("END:VCALENDAR\r\n");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reservations.ics\"")
                .body(ics.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    private BookingView visible(UUID bookingId) {
        BookingView booking = queries.booking(bookingId).orElseThrow(() ->
                DomainException.notFound("BOOKING_NOT_FOUND", "Réservation introuvable."));
        if (!Callers.canSee(booking.familyId().toString())) {
            throw DomainException.notFound("BOOKING_NOT_FOUND", "Réservation introuvable.");
        }
        return booking;
    }

    private static UUID familyOf(UUID requested) {
        Actor actor = Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.AUDITOR, Role.FINANCE);
        if (actor.role() == Role.PARENT && actor.familyId() == null) {
            throw DomainException.forbidden("ACCOUNT_NOT_ACTIVE", "Votre compte n'est pas encore activé.");
        }
        return UUID.fromString(Callers.familyScope(requested == null ? null : requested.toString()));
    }
}
