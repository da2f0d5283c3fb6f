package fr.marelle.planning.booking;

import fr.marelle.planning.catalogue.Deadlines;
import fr.marelle.platform.errors.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** The rules of a child's bookings, named. */
final class ChildMonthRules {

    static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ChildMonthRules() {
    }

    /** No child is booked (or waitlisted) twice for one service and day. */
    static void notBookedTwice(Set<String> active, Set<String> asked, String serviceId, LocalDate date) {
        String key = serviceId + "@" + date;
        if (active.contains(key) || !asked.add(key)) {
            throw DomainException.conflict("CHILD_ALREADY_BOOKED", "L'enfant a déjà une réservation le "
                    + date.format(DAY) + " pour ce service.");
        }
    }

    static boolean isActive(String status) {
        return ServiceDayAllocator.BOOKED.equals(status) || ServiceDayAllocator.WAITLISTED.equals(status);
    }

    static void bookingExists(ChildMonth.Booking booking) {
        if (booking == null) {
            throw DomainException.notFound("BOOKING_NOT_FOUND", "Réservation introuvable.");
        }
    }

    /**
     * A booked day is cancelled free until its cancellation deadline; a place on the waiting list can be given up
     * until the day starts.
     */
    static void cancelledBeforeTheDeadline(String status, LocalDate date, Instant requestedAt, Instant deadline) {
        Instant limit = ServiceDayAllocator.WAITLISTED.equals(status)
                ? date.atStartOfDay(Deadlines.PARIS).toInstant() : deadline;
        if (requestedAt.isAfter(limit)) {
            throw DomainException.rule("CANCELLATION_DEADLINE_PASSED", "Le délai d'annulation du "
                    + date.format(DAY) + " est dépassé depuis le " + limit.atZone(Deadlines.PARIS).format(FRENCH)
                    + ". Pour un enfant malade, signalez l'absence avec un certificat médical.");
        }
    }

    /** After the deadline a booked day cannot be cancelled; a sick child's absence is reported, once. */
    static void absenceReportedForABookedDayAfterTheDeadline(String status, boolean alreadyReported,
                                                             Instant reportedAt, Instant deadline) {
        if (!ServiceDayAllocator.BOOKED.equals(status)) {
            throw DomainException.rule("BOOKING_NOT_BOOKED", "Seul un jour réservé peut faire l'objet d'une absence.");
        }
        if (alreadyReported) {
            throw DomainException.conflict("ABSENCE_ALREADY_REPORTED", "Cette absence est déjà signalée.");
        }
        if (!reportedAt.isAfter(deadline)) {
            throw DomainException.rule("CANCEL_INSTEAD", "Le délai d'annulation n'est pas dépassé : annulez "
                    + "plutôt ce jour, c'est gratuit.");
        }
    }
}
