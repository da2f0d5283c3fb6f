package fr.marelle.planning.booking;

import fr.marelle.planning.booking.BookingQueries.BookingView;
import fr.marelle.planning.booking.BookingQueries.ServiceDayView;
import fr.marelle.planning.calendar.CalendarView;
import fr.marelle.planning.calendar.DayKind;
import fr.marelle.planning.calendar.SchoolCalendarQueries;
import fr.marelle.planning.catalogue.Deadlines;
import fr.marelle.planning.catalogue.ServiceCatalogue;
import fr.marelle.planning.catalogue.ServiceCatalogue.ServiceView;
import fr.marelle.planning.catalogue.ServiceDefinition;
import fr.marelle.planning.directory.ChildDirectory;
import fr.marelle.planning.directory.ChildDirectory.ChildView;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.security.Callers;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A family's week for one service (screen 17's calendar): Monday to Friday, per child, each day's state in words —
 * booked, waiting list (with the place in line), absent, excused, present, closed, past, not running, not bookable
 * and why, too late to book, free, full.
 */
@Component
public class FamilyCalendar {

    public record Week(String serviceId, String serviceName, int weekYear, int weekNumber, LocalDate monday,
                       List<LocalDate> days, List<ChildWeek> children) {
    }

    /** @param missing what the child lacks to be booked for this service (empty: bookable) */
    public record ChildWeek(UUID childId, String firstName, String lastName, boolean bookable, List<String> missing,
                            List<Day> days) {
    }

    /**
     * @param status {@code BOOKED}, {@code WAITLISTED}, {@code ABSENCE_REPORTED}, {@code ABSENT}, {@code EXCUSED},
     *               {@code PRESENT}, {@code CLOSED}, {@code PAST}, {@code NOT_RUNNING}, {@code NOT_BOOKABLE},
     *               {@code DEADLINE_PASSED}, {@code AVAILABLE}, {@code FULL}
     * @param cancellable a booking that can still be cancelled for free
     * @param reportable a booking past its cancellation deadline, for which a sick child can be reported
     */
    public record Day(LocalDate date, String status, String detail, UUID bookingId, boolean cancellable,
                      boolean reportable, Instant deadline) {
    }

    private final ServiceCatalogue catalogue;
    private final SchoolCalendarQueries calendar;
    private final ChildDirectory children;
    private final BookingQueries bookings;
    private final Clock clock;

    FamilyCalendar(ServiceCatalogue catalogue, SchoolCalendarQueries calendar, ChildDirectory children,
                   BookingQueries bookings, Clock clock) {
        this.catalogue = catalogue;
        this.calendar = calendar;
        this.children = children;
        this.bookings = bookings;
        this.clock = clock;
    }

    public Week week(String serviceId, UUID requestedFamily, LocalDate anyDayOfWeek) {
        Actor actor = Callers.require(Role.PARENT, Role.ADMIN, Role.AGENT, Role.AUDITOR, Role.FINANCE);
        UUID familyId = BookingService.familyOf(actor, requestedFamily);
        ServiceView service = catalogue.find(serviceId).filter(s -> s.active() || actor.role() != Role.PARENT)
                .orElseThrow(BookingService::serviceNotFound);
        ServiceDefinition definition = service.definition();
        LocalDate monday = anyDayOfWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            days.add(monday.plusDays(i));
        }
        CalendarView view = calendar.view();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(Deadlines.PARIS));
        Map<String, BookingView> byChildDay = new HashMap<>();
        for (BookingView b : bookings.ofFamily(familyId, monday, monday.plusDays(4), serviceId)) {
            if (!"CANCELLED".equals(b.status())) {
                byChildDay.put(b.childId() + "@" + b.day(), b);
            }
        }
        List<ChildWeek> result = new ArrayList<>();
        for (ChildView child : children.childrenOf(familyId)) {
            Set<String> missing = new TreeSet<>(definition.requirements());
            missing.removeAll(child.satisfied());
            boolean bookable = missing.isEmpty();
            String pool = definition.poolFor(child.schoolId() == null ? null : child.schoolId().toString());
            List<Day> week = new ArrayList<>();
            for (LocalDate date : days) {
                week.add(day(date, child, bookable, missing, byChildDay.get(child.childId() + "@" + date), definition,
                        DayId.of(serviceId, date, pool), view, now, today));
            }
            result.add(new ChildWeek(child.childId(), child.firstName(), child.lastName(), bookable,
                    missing.stream().map(BookingService::requirement).toList(), week));
        }
        return new Week(serviceId, definition.name(), monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), monday, days, result);
    }

    private Day day(LocalDate date, ChildView child, boolean bookable, Set<String> missing, BookingView booking,
                    ServiceDefinition definition, String dayId, CalendarView view, Instant now, LocalDate today) {
        DayKind kind = view.kindOf(date);
        if (booking != null) {
            Instant cancelBy = Deadlines.deadline(date, definition.cancellationDeadline(), view).toInstant();
            if (booking.attendance() != null) {
                String status = switch (booking.attendance()) {
                    case "ABSENT_EXCUSED" -> "EXCUSED";
                    case "ABSENT_UNEXCUSED" -> "ABSENT";
                    default -> "PRESENT";
                };
                return new Day(date, status, null, booking.bookingId(), false, false, null);
            }
            if ("WAITLISTED".equals(booking.status())) {
                return new Day(date, "WAITLISTED", "Rang " + bookings.positionInLine(booking.bookingId())
                        + " sur la liste d'attente", booking.bookingId(), !date.isBefore(today), false, cancelBy);
            }
            if (booking.absenceReportedAt() != null) {
                return new Day(date, "ABSENCE_REPORTED", "Absence signalée, certificat transmis", booking.bookingId(),
                        false, false, cancelBy);
            }
            boolean beforeDeadline = !now.isAfter(cancelBy);
            return new Day(date, "BOOKED", null, booking.bookingId(), beforeDeadline,
                    !beforeDeadline && !date.isBefore(today.minusDays(7)), cancelBy);
        }
        if (!definition.runsOn().contains(kind)) {
            return new Day(date, "NOT_RUNNING", switch (kind) {
                case HOLIDAY, PUBLIC_HOLIDAY -> view.holidayName(date).orElse("Vacances");
                case WEDNESDAY -> "Pas de service le mercredi";
                case UNKNOWN -> "Calendrier scolaire non connu";
                default -> "Pas de service ce jour";
            }, null, false, false, null);
        }
        if (date.isBefore(today)) {
            return new Day(date, "PAST", null, null, false, false, null);
        }
        ServiceDayView serviceDay = bookings.serviceDay(dayId).orElse(null);
        if (serviceDay != null && serviceDay.closed()) {
            return new Day(date, "CLOSED", serviceDay.closureReason(), null, false, false, null);
        }
        if (child.archived() || !bookable) {
            return new Day(date, "NOT_BOOKABLE", child.archived() ? "Enfant sorti des effectifs"
                    : "Il manque : " + String.join(", ", missing.stream().map(BookingService::requirement).toList()),
                    null, false, false, null);
        }
        Instant bookBy = Deadlines.deadline(date, definition.bookingDeadline(), view).toInstant();
        if (now.isAfter(bookBy)) {
            return new Day(date, "DEADLINE_PASSED", "Réservation close le " + BookingService.french(bookBy), null,
                    false, false, bookBy);
        }
        int capacity = definition.capacityOf(definition.poolFor(child.schoolId() == null ? null
                : child.schoolId().toString()));
        boolean full = serviceDay != null && (serviceDay.waitlisted() > 0 || serviceDay.booked() >= capacity);
        return new Day(date, full ? "FULL" : "AVAILABLE", full ? "Complet : liste d'attente" : null, null, false,
                false, bookBy);
    }

    static DomainException notFound() {
        return DomainException.notFound("FAMILY_NOT_FOUND", "Famille introuvable.");
    }
}
